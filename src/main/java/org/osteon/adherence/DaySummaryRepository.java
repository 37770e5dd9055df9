package org.osteon.adherence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.osteon.common.Jdbc;
import org.osteon.engine.ScoredDay;

/** Reads scored days and the resistance sets of loading events. */
@ApplicationScoped
public class DaySummaryRepository {
    private final Jdbc jdbc;
    private final ObjectMapper json;

    public DaySummaryRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The patient's scored days from..to, in date order. */
    public List<ScoredDay> between(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.list(
                ScoredDay.SELECT + " where patient_id = ? and local_date between ? and ? order by local_date",
                rs -> ScoredDay.read(rs, json),
                patientId,
                from,
                to);
    }

    /** A resistance set from a loading event, with the local date it happened on. */
    public record ResistanceSet(
            LocalDate date, String exercise, Integer sets, Integer reps, Double loadKg, Double oneRmKg) {}

    /**
     * Resistance sets of all the patient's devices whose time falls on a local date in
     * {@code from..to}, in the patient's zone: the range runs from the first day's midnight to the
     * midnight after the last, so days of 23 or 25 hours are cut where the patient's clock says.
     */
    public List<ResistanceSet> resistanceSets(UUID patientId, ZoneId zone, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return jdbc.list(
                "select e.t, e.exercise, e.sets, e.reps, e.load_kg, e.one_rm_kg from load_event e "
                        + "join device d on d.id = e.device_id where d.patient_id = ? and e.kind = 'resistance' "
                        + "and e.t >= ? and e.t < ? order by e.t",
                rs -> new ResistanceSet(
                        rs.getTimestamp(1).toInstant().atZone(zone).toLocalDate(),
                        rs.getString(2),
                        rs.getObject(3, Integer.class),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, Double.class),
                        rs.getObject(6, Double.class)),
                patientId,
                start,
                end);
    }
}
