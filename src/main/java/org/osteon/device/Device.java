package org.osteon.device;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A wearable registered to one patient. Its id is chosen by the client and used in MQTT topics. */
@Entity
public class Device extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** Body site, stored as the API names it (e.g. {@code lower_back}). */
    @Column(nullable = false)
    public String placement;

    /** Full-scale range of the accelerometer in g; samples beyond it are refused. */
    @Column(name = "range_g", nullable = false)
    public double rangeG;

    public String model;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /**
     * Samples before this instant are refused: the registration time, or the earlier instant a
     * clinician stated when registering it (its recordings from then on are this patient's).
     */
    @Column(name = "data_from", nullable = false)
    public Instant dataFrom;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /**
     * Where the device's data comes from: {@code wearable} (registered, sends over MQTT) or
     * {@code baseline}, the pseudo-device of an imported baseline recording (V67).
     */
    @Column(nullable = false)
    public String source = "wearable";

    /** The patient's wearables; baseline recordings' pseudo-devices are listed as recordings. */
    public static List<Device> listByPatient(UUID patientId) {
        return list("patientId = ?1 and source = 'wearable'", patientId);
    }
}
