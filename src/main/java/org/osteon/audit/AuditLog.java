package org.osteon.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.osteon.auth.Caller;
import org.osteon.common.Jdbc;
import org.osteon.common.Json;
import org.osteon.common.Page;

/**
 * The audit trail: who changed a program and why, and which physiotherapist read which
 * patient's data. Rows are only ever added.
 */
@ApplicationScoped
@Transactional
public class AuditLog {
    /** A program version was added. */
    public static final String PROGRAM_CHANGED = "program.changed";
    /** A physiotherapist read a patient's data. */
    public static final String PATIENT_READ = "patient.read";
    /** A device was registered accepting recordings from before its registration. */
    public static final String EARLIER_RECORDINGS_ACCEPTED = "device.earlier_recordings_accepted";
    /** A baseline recording was uploaded for a patient (device/BaselineRecordingResource). */
    public static final String BASELINE_RECORDING_UPLOADED = "baseline.recording_uploaded";
    /** A physiotherapist acknowledged an alert about a patient. */
    public static final String ALERT_ACKNOWLEDGED = "alert.acknowledged";
    /** The study role exported every patient's days under pseudonyms (no patient named in the row). */
    public static final String COHORT_EXPORTED = "cohort.exported";

    private final Jdbc jdbc;
    private final Caller caller;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(Jdbc jdbc, Caller caller, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.caller = caller;
        this.json = json;
    }

    /** Records an action of the current caller in the current transaction. */
    public void record(String action, UUID patientId, String reason, Map<String, Object> detail) {
        jdbc.update(
                "insert into audit_event (at, actor_role, actor_subject, action, patient_id, reason, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?::jsonb)",
                Instant.now(clock),
                caller.role(),
                caller.subject(),
                action,
                patientId,
                reason,
                detail == null ? null : Json.write(json, detail, "audit detail"));
    }

    /** The same action on each of these patients, as one row each, written in one batch. */
    public void recordEach(String action, List<UUID> patientIds, String reason, Map<String, Object> detail) {
        Instant at = Instant.now(clock);
        String role = caller.role();
        String subject = caller.subject();
        String written = detail == null ? null : Json.write(json, detail, "audit detail");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (UUID patientId : patientIds) {
            rows.add(new Object[] {at, role, subject, action, patientId, reason, written});
        }
        jdbc.batch(
                "insert into audit_event (at, actor_role, actor_subject, action, patient_id, reason, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?::jsonb)",
                rows);
    }

    /** One audited action as admins see it. */
    public record AuditEvent(
            long id,
            Instant at,
            String actorRole,
            String actorSubject,
            String action,
            UUID patientId,
            String reason,
            Object detail) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEvent> list(UUID patientId, String action, int page, int size) {
        String where = " where (?::uuid is null or patient_id = ?::uuid) and (?::text is null or action = ?::text)";
        Object[] filter = {patientId, patientId, action, action};
        long total = jdbc.count("select count(*) from audit_event" + where, filter);
        Object[] params = new Object[filter.length + 2];
        System.arraycopy(filter, 0, params, 0, filter.length);
        params[filter.length] = size;
        params[filter.length + 1] = (long) page * size;
        List<AuditEvent> items = jdbc.list(
                "select id, at, actor_role, actor_subject, action, patient_id, reason, detail from audit_event" + where
                        + " order by id desc limit ? offset ?",
                rs -> new AuditEvent(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        readDetail(rs.getString(8))),
                params);
        return new Page<>(items, page, size, total);
    }

    private Object readDetail(String detail) {
        return detail == null ? null : Json.read(json, detail, Map.class, "audit detail");
    }
}
