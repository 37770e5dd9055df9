package org.osteon.adherence;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.osteon.common.Jdbc;
import org.osteon.engine.ScoredDay;
import org.osteon.engine.SleepNight;

/** Reads scored days and the resistance sets of loading events. */
@ApplicationScoped
public class DaySummaryRepository {
    /** A patient's days from..to, in date order: appended to a row's columns. */
    private static final String PATIENT_DAYS =
            " where patient_id = ? and local_date between ? and ? order by local_date";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public DaySummaryRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The patient's scored days from..to, in date order. */
    public List<ScoredDay> between(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.list(ScoredDay.SELECT + PATIENT_DAYS, rs -> ScoredDay.read(rs, json), patientId, from, to);
    }

    /**
     * As {@link #between}, with only what adherence compares with targets
     * ({@link ScoredDay#readForTargets}), as a query to run with others ({@link Jdbc#read}).
     */
    public Jdbc.Query<ScoredDay> forTargets(UUID patientId, LocalDate from, LocalDate to) {
        return new Jdbc.Query<>(
                ScoredDay.SELECT_FOR_TARGETS + PATIENT_DAYS,
                rs -> ScoredDay.readForTargets(rs, json),
                patientId,
                from,
                to);
    }

    /**
     * One day with what a device's progress message reads of it ({@link ScoredDay#readForProgress}),
     * as a query to run with others ({@link Jdbc#read}).
     */
    public Jdbc.Query<ScoredDay> forProgress(UUID patientId, LocalDate date) {
        return new Jdbc.Query<>(
                ScoredDay.SELECT_FOR_PROGRESS + PATIENT_DAYS,
                rs -> ScoredDay.readForProgress(rs, json),
                patientId,
                date,
                date);
    }

    /** The patient's nights with a sleep window whose noon-to-noon period starts from..to, in date order. */
    public List<SleepNight> nights(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.list(
                SleepNight.SELECT + " where patient_id = ? and night_date between ? and ? order by night_date",
                rs -> SleepNight.read(rs, json),
                patientId,
                from,
                to);
    }

    /**
     * A day's worn epochs per local clock hour ({@code day_summary.circadian_hour_epochs}, 24 values;
     * the skipped hour of a 23-h day is 0, the repeated hour of a 25-h day holds both) and the epoch
     * length they were counted in ({@code provenance.circadianDay.parameters.epochSeconds}).
     */
    public record HourlyWear(LocalDate date, List<Integer> epochs, int epochSeconds) {
        /** Epochs in a clock hour of one pass. */
        public int epochsPerHour() {
            return 3600 / epochSeconds;
        }
    }

    /**
     * The patient's days from..to that have a stored hourly profile, in date order; days without
     * worn epochs (or scored before the profile was stored) have none and are absent.
     */
    public List<HourlyWear> hourlyWear(UUID patientId, LocalDate from, LocalDate to) {
        return jdbc.list(
                "select local_date, circadian_hour_epochs, "
                        + "(provenance #>> '{circadianDay,parameters,epochSeconds}')::int from day_summary "
                        + "where patient_id = ? and local_date between ? and ? and circadian_hour_epochs is not null "
                        + "and provenance #> '{circadianDay,parameters,epochSeconds}' is not null order by local_date",
                rs -> new HourlyWear(
                        rs.getObject(1, LocalDate.class),
                        Arrays.stream((Integer[]) rs.getArray(2).getArray()).toList(),
                        rs.getInt(3)),
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
     * midnight after the last, so days of 23 or 25 hours are cut where the patient's clock says. A
     * query to run with the others a judgement needs ({@link Jdbc#read}).
     */
    public Jdbc.Query<ResistanceSet> resistanceSets(UUID patientId, ZoneId zone, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new Jdbc.Query<>(
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
