package org.osteon.physio;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A physiotherapist, recognised by the subject of their tokens. */
@Entity
public class Physiotherapist extends PanacheEntityBase {
    @Id
    public UUID id;

    /** The {@code sub} claim of this person's tokens. */
    @Column(nullable = false, unique = true)
    public String subject;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Physiotherapist> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
