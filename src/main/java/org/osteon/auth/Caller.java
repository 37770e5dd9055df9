package org.osteon.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the verified token's subject and role. */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean is(String role) {
        return !identity.isAnonymous() && identity.hasRole(role);
    }

    /**
     * The token's {@code sub}. Not the principal name, which SmallRye takes from {@code upn} or
     * {@code preferred_username} first: a patient's subject must be the patient id itself.
     */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The strongest role the token carries, for the audit trail. */
    public String role() {
        for (String role : new String[] {Roles.ADMIN, Roles.PHYSIO, Roles.STUDY, Roles.PATIENT}) {
            if (is(role)) {
                return role;
            }
        }
        return "none";
    }

    /** The patient this caller is, when the token is a patient's. */
    public Optional<UUID> patientId() {
        if (!is(Roles.PATIENT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(subject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
