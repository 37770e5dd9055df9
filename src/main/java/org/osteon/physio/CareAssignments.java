package org.osteon.physio;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.osteon.common.Jdbc;

/** Which physiotherapist cares for which patient. */
@ApplicationScoped
public class CareAssignments {
    private final Jdbc jdbc;
    private final Clock clock;

    public CareAssignments(Jdbc jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public boolean isAssigned(UUID physioId, UUID patientId) {
        return jdbc.count(
                        "select count(*) from care_assignment where physio_id = ? and patient_id = ?",
                        physioId,
                        patientId)
                > 0;
    }

    /** Whether the patient is registered (care is assigned to patients that are). */
    public boolean patientExists(UUID patientId) {
        return jdbc.count("select count(*) from patient where id = ?", patientId) > 0;
    }

    /** Assigns; assigning twice is not an error. */
    public void assign(UUID physioId, UUID patientId) {
        jdbc.update(
                "insert into care_assignment (physio_id, patient_id, assigned_at) values (?, ?, ?) "
                        + "on conflict do nothing",
                physioId,
                patientId,
                Instant.now(clock));
    }

    /** Returns whether there was an assignment to remove. */
    public boolean unassign(UUID physioId, UUID patientId) {
        return jdbc.update("delete from care_assignment where physio_id = ? and patient_id = ?", physioId, patientId)
                > 0;
    }

    public List<UUID> patientsOf(UUID physioId) {
        return jdbc.list(
                "select patient_id from care_assignment where physio_id = ? order by assigned_at, patient_id",
                rs -> rs.getObject(1, UUID.class),
                physioId);
    }
}
