package org.osteon.patient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A person under a prescribed exercise programme, known by a display name or pseudonymous code. */
@Entity
public class Patient extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** IANA zone id; a patient's days run from midnight to midnight in it. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "body_mass_kg")
    public Double bodyMassKg;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
