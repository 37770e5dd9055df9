package org.osteon.adherence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.osteon.adherence.DaySummary.BoutedMvpa;
import org.osteon.adherence.DaySummary.Rolling7;
import org.osteon.common.Jdbc;

/** Reads scored days and the resistance sets of loading events. */
@ApplicationScoped
public class DaySummaryRepository {
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public DaySummaryRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<DaySummary> between(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.list("select local_date, wear_minutes, enmo_mg, mvpa_minutes, mvpa_bouted_1_minutes, "
                + "mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, steps, impacts_by_band, impacts_at_or_above, "
                + "osteogenic_index, daily_stress_stimulus, sedentary_minutes, longest_sedentary_bout_minutes, "
                + "resistance_sessions, relative_amplitude, rolling7_ra, rolling7_is, rolling7_iv, provenance from day_summary "
                + "where patient_id = ? and local_date between ? and ? order by local_date",
                this::row, patientId, from, to);
    }

    /** A resistance set from a loading event, with the local date it happened on. */
    public record ResistanceSet(LocalDate date, String exercise, Integer sets, Integer reps, Double loadKg, Double oneRmKg) {}

    /**
     * Resistance sets of all the patient's devices whose time falls on a local date in
     * {@code from..to}, in the patient's zone: the range runs from the first day's midnight to the
     * midnight after the last, so days of 23 or 25 hours are cut where the patient's clock says.
     */
    public List<ResistanceSet> resistanceSets(UUID patientId, ZoneId zone, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return jdbc.list("select e.t, e.exercise, e.sets, e.reps, e.load_kg, e.one_rm_kg from load_event e "
                + "join device d on d.id = e.device_id where d.patient_id = ? and e.kind = 'resistance' "
                + "and e.t >= ? and e.t < ? order by e.t",
                rs -> new ResistanceSet(rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(), rs.getString(2),
                        rs.getObject(3, Integer.class), rs.getObject(4, Integer.class), rs.getObject(5, Double.class),
                        rs.getObject(6, Double.class)),
                patientId, start, end);
    }

    /** The last time any of the patient's devices synced, if ever. */
    public Instant lastSync(UUID patientId) {
        return jdbc.one("select max(s.last_receipt_at) from device_stream s join device d on d.id = s.device_id "
                + "where d.patient_id = ?", rs -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                patientId).orElse(null);
    }

    private DaySummary row(ResultSet rs) throws SQLException {
        return new DaySummary(rs.getObject(1, LocalDate.class), rs.getDouble(2) / 60.0, rs.getObject(3, Double.class),
                rs.getObject(4, Double.class),
                new BoutedMvpa(rs.getObject(5, Double.class), rs.getObject(6, Double.class), rs.getObject(7, Double.class)),
                rs.getObject(8, Integer.class), read(rs.getString(9), COUNTS), read(rs.getString(10), COUNTS),
                rs.getObject(11, Double.class), rs.getObject(12, Double.class), rs.getObject(13, Double.class),
                rs.getObject(14, Double.class), rs.getObject(15, Integer.class), rs.getObject(16, Double.class),
                new Rolling7(rs.getObject(17, Double.class), rs.getObject(18, Double.class), rs.getObject(19, Double.class)),
                read(rs.getString(20), OBJECT));
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("day_summary JSON could not be read", e);
        }
    }
}
