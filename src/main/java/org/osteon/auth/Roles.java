package org.osteon.auth;

/** The three roles a token may carry in its groups claim. */
public final class Roles {
    /** A patient; the token's subject is their patient id. */
    public static final String PATIENT = "patient";
    /** A physiotherapist; sees and changes only the patients assigned to them. */
    public static final String PHYSIO = "physio";
    /** Manages physiotherapists and assignments, reads the audit trail. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
