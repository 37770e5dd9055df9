package org.osteon.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osteon.alert.AlertRules.Finding;
import org.osteon.common.Jdbc;
import org.osteon.common.Json;

/** The alert table. Inserts never fail on a duplicate: an episode already raised is simply not raised again. */
@ApplicationScoped
public class AlertRepository {
    private static final String COLUMNS = "id, patient_id, rule, metric, status, raised_at, message, details, "
            + "acknowledged_by, acknowledged_at, resolved_at, resolution, acknowledgement_note";
    /** The patient's display name beside the alert's columns, for a table or alias named by %s. */
    private static final String NAME = ", (select p.display_name from patient p where p.id = %s.patient_id)";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public AlertRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts the finding as an alert with {@code status}; nothing when its episode was raised before
     * or (status open) another alert of the rule and metric is open.
     */
    public Optional<AlertView> insert(UUID patientId, Finding f, String status, Instant now) {
        boolean resolved = status.equals("resolved");
        return jdbc.one(
                "insert into alert (id, patient_id, rule, metric, episode, status, raised_at, message, details, "
                        + "resolved_at, resolution) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) "
                        + "on conflict do nothing returning " + COLUMNS + NAME.formatted("alert"),
                this::row,
                UUID.randomUUID(),
                patientId,
                f.rule(),
                f.metric(),
                f.episode(),
                status,
                now,
                f.message(),
                write(f.details()),
                resolved ? now : null,
                resolved ? "superseded" : null);
    }

    public boolean episodeExists(UUID patientId, String rule, String episode) {
        return jdbc.count(
                        "select count(*) from alert where patient_id = ? and rule = ? and episode = ?",
                        patientId,
                        rule,
                        episode)
                > 0;
    }

    /** The open or acknowledged alerts of a rule and metric, with their episodes. */
    public List<Unresolved> unresolved(UUID patientId, String rule, String metric, boolean openOnly) {
        return jdbc.list(
                "select id, episode, status from alert where patient_id = ? and rule = ? "
                        + "and coalesce(metric, '') = coalesce(?::text, '') and status "
                        + (openOnly ? "= 'open'" : "<> 'resolved'"),
                rs -> new Unresolved(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                patientId,
                rule,
                metric);
    }

    public record Unresolved(UUID id, String episode, String status) {}

    public void resolve(UUID id, String resolution, Instant now) {
        jdbc.update(
                "update alert set status = 'resolved', resolved_at = ?, resolution = ? where id = ? "
                        + "and status <> 'resolved'",
                now,
                resolution,
                id);
    }

    public Optional<AlertView> find(UUID id) {
        return jdbc.one("select " + COLUMNS + NAME.formatted("alert") + " from alert where id = ?", this::row, id);
    }

    /**
     * Records the acknowledgement and its note (null for none) once; a resolved alert keeps its
     * status. Returns whether it changed.
     */
    public boolean acknowledge(UUID id, String subject, Instant now, String note) {
        return jdbc.update(
                        "update alert set acknowledged_by = ?, acknowledged_at = ?, acknowledgement_note = ?, "
                                + "status = case when status = 'open' then 'acknowledged' else status end "
                                + "where id = ? and acknowledged_at is null",
                        subject,
                        now,
                        note,
                        id)
                > 0;
    }

    /** Alerts of one patient, or of every patient assigned to a physiotherapist, newest first. */
    public List<AlertView> list(UUID patientId, UUID physioId, String status, int limit, long offset) {
        return jdbc.list(
                "select " + COLUMNS.replaceAll("(\\w+)", "a.$1") + NAME.formatted("a") + " from alert a"
                        + where(physioId) + " order by a.raised_at desc, a.id limit ? offset ?",
                this::row,
                params(patientId, physioId, status, limit, offset));
    }

    public long count(UUID patientId, UUID physioId, String status) {
        return jdbc.count("select count(*) from alert a" + where(physioId), params(patientId, physioId, status));
    }

    private static String where(UUID physioId) {
        return (physioId == null ? "" : " join care_assignment c on c.patient_id = a.patient_id and c.physio_id = ?")
                + " where (?::uuid is null or a.patient_id = ?::uuid) and (?::text is null or a.status = ?::text)";
    }

    private static Object[] params(UUID patientId, UUID physioId, String status, Object... more) {
        List<Object> p = new java.util.ArrayList<>();
        if (physioId != null) {
            p.add(physioId);
        }
        p.addAll(java.util.Arrays.asList(patientId, patientId, status, status));
        p.addAll(java.util.Arrays.asList(more));
        return p.toArray();
    }

    private AlertView row(ResultSet rs) throws SQLException {
        return new AlertView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                instant(rs.getTimestamp(6)),
                rs.getString(7),
                Json.read(json, rs.getString(8), Json.OBJECT, "alert details"),
                rs.getString(9),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(Map<String, Object> details) {
        return Json.write(json, details, "alert details");
    }
}
