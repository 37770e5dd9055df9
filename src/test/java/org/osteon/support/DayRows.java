package org.osteon.support;

import io.quarkus.arc.Arc;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.osteon.common.Jdbc;
import org.osteon.engine.DaysWritten;

/**
 * Writes {@code day_summary} rows as the scoring core will, and resistance loading events as
 * ingest does, so that adherence can be tested on days whose every number is known. Each write is
 * announced as the engine announces the day's scoring after its commit ({@link DaysWritten}), so
 * that what this instance keeps of the patient's days ends as it would.
 */
public final class DayRows {
    private final Jdbc jdbc;
    private final String patientId;

    public DayRows(Jdbc jdbc, String patientId) {
        this.jdbc = jdbc;
        this.patientId = patientId;
    }

    /** A scored day; {@code impactsAtOrAbove} maps thresholds such as "4.2" to peak counts. */
    public record Day(
            String date,
            double wearHours,
            Integer steps,
            Double mvpaBouted10,
            Double longestSedentaryBout,
            Map<String, Integer> impactsAtOrAbove) {}

    /** Writes the day, in place of any row the test wrote for that date before. */
    public void insert(Day d) {
        jdbc.update(
                "delete from day_summary where patient_id = ? and local_date = ?",
                UUID.fromString(patientId),
                LocalDate.parse(d.date()));
        String atOrAbove = d.impactsAtOrAbove().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        jdbc.update(
                "insert into day_summary (patient_id, local_date, wear_minutes, enmo_mg, mvpa_minutes, "
                        + "mvpa_bouted_1_minutes, mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, steps, impacts_by_band, "
                        + "impacts_at_or_above, osteogenic_index, daily_stress_stimulus, sedentary_minutes, "
                        + "longest_sedentary_bout_minutes, resistance_sessions, relative_amplitude, rolling7_ra, rolling7_is, "
                        + "rolling7_iv, provenance, computed_at) values (?, ?, ?, 30.5, ?, ?, ?, ?, ?, '{\"low\": 500, "
                        + "\"medium\": 60, \"high\": 12}'::jsonb, ?::jsonb, 40.2, 11.8, 480, ?, 0, 0.84, 0.87, 0.6, 0.7, "
                        + "'{\"enmo\": \"van Hees 2014\", \"cutPoints\": \"hildebrand-wrist\"}'::jsonb, ?)",
                UUID.fromString(patientId),
                LocalDate.parse(d.date()),
                d.wearHours() * 60,
                d.mvpaBouted10(),
                d.mvpaBouted10(),
                d.mvpaBouted10(),
                d.mvpaBouted10(),
                d.steps(),
                atOrAbove,
                d.longestSedentaryBout(),
                TestClock.CLOCK.instant());
        written(LocalDate.parse(d.date()));
    }

    /**
     * As the engine after scoring the patient's day {@code date} (a resistance set's day is scored
     * again too; the engine's word covers the days either side, so a set's UTC date is near enough).
     */
    private void written(LocalDate date) {
        Arc.container()
                .beanManager()
                .getEvent()
                .select(DaysWritten.class)
                .fire(new DaysWritten(UUID.fromString(patientId), date));
    }

    /** A resistance set logged by smart equipment on one of the patient's devices. */
    public void resistanceSet(
            String deviceId, long seq, Instant at, String exercise, int sets, int reps, double loadKg, double oneRmKg) {
        jdbc.update(
                "insert into load_event (device_id, seq, idx, t, kind, exercise, sets, reps, load_kg, one_rm_kg) "
                        + "values (?, ?, 0, ?, 'resistance', ?, ?, ?, ?, ?)",
                deviceId,
                seq,
                at,
                exercise,
                sets,
                reps,
                loadKg,
                oneRmKg);
        written(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
