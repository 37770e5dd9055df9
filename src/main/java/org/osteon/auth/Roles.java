package org.osteon.auth;

/** The roles a token may carry in its groups claim. */
public final class Roles {
    /** A patient; the token's subject is their patient id. */
    public static final String PATIENT = "patient";
    /** A physiotherapist; sees and changes only the patients assigned to them. */
    public static final String PHYSIO = "physio";
    /** Manages physiotherapists and assignments, reads the audit trail. */
    public static final String ADMIN = "admin";
    /**
     * A trial's data manager: exports every patient's scored days under pseudonyms (docs/interop.md,
     * "Cohort export") and reads nothing else; never a patient's name or id.
     */
    public static final String STUDY = "study";

    private Roles() {}
}
