package org.osteon.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.UUID;
import org.osteon.common.Json;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.circadian.Circadian;
import org.osteon.scoring.circadian.CircadianAnalyzer;
import org.osteon.scoring.circadian.CircadianDay;
import org.osteon.scoring.circadian.CircadianParams;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * The circadian columns of {@code day_summary}: each day's activity profile and its own RA, and the
 * RA/IS/IV of the 7 local days ending on each day (docs/engine.md, Circadian rhythm).
 *
 * <p>A day's rolling values depend on the profiles of the six days before it, so writing (or
 * deleting) day D changes the rolling values of D and of D+1..D+6. They are recomputed from the
 * stored profiles, in the transaction that writes D, under a per-patient lock taken before D's row
 * is written: two days of one patient scored at once then see each other's profile, whichever
 * commits first, and every day ends with the values of the profiles stored, whatever the order the
 * days were scored in.
 */
final class RollingCircadian {
    static final int WINDOW_DAYS = 7;
    /**
     * What the rolling metrics are computed with. The engine varies only rate and placement between
     * devices (ScoringEngine.paramsFor), and the circadian metrics depend on neither: epoch length,
     * cut points (the binarising threshold) and CircadianParams are the same for every day.
     */
    static final ScoringParams PARAMS = ScoringEngine.paramsFor(Optional.empty());

    private static final String VERSION = "1";
    /** First key of the advisory lock; the second is the patient's. */
    private static final int LOCK_SPACE = 0x0C1C_7D00;

    private final ObjectMapper json;

    RollingCircadian(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Serialises the circadian writes of one patient until the transaction ends. Take it before the
     * day's row is written: a worker holding a row of the window while waiting for this lock could
     * otherwise deadlock with the holder, which updates that row.
     */
    static void lock(Connection c, UUID patientId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setString(2, patientId.toString());
            ps.executeQuery().close();
        }
    }

    /**
     * After day {@code date} was upserted or deleted: stores its profile, own RA and rolling values
     * (when its row exists) and recomputes the rolling values of the days from {@code date} to six days later
     * that have rows. Days other than {@code date} whose values changed are announced like a scored
     * day, since what apps show of them changed.
     *
     * @param day the day's profile; empty when it had no worn epoch
     * @param waking the day's waking values (SleepNights) to write in the same statement, when it
     *     has them
     */
    void dayWritten(
            Connection c,
            UUID patientId,
            LocalDate date,
            Optional<CircadianDay> day,
            Optional<SleepNights.DayWaking> waking)
            throws SQLException {
        TreeMap<LocalDate, Row> rows =
                rows(c, patientId, date.minusDays(WINDOW_DAYS - 1), date.plusDays(WINDOW_DAYS - 1));
        // Read before the day's own write, so that one statement writes all of the day: its new
        // profile stands in for the stored one. Without a row (nothing scorable) it has none.
        Row written = rows.get(date);
        if (written != null) {
            rows.put(date, new Row(date, day, written.ra, written.is, written.iv, written.dataThrough));
        }
        for (Row row : rows.values()) {
            if (row.date.isBefore(date)) {
                continue;
            }
            List<CircadianDay> window = new ArrayList<>();
            for (Row r : rows.subMap(row.date.minusDays(WINDOW_DAYS - 1), true, row.date, true)
                    .values()) {
                r.profile.ifPresent(window::add);
            }
            Optional<Circadian> rolling = CircadianAnalyzer.combine(PARAMS, window);
            Double ra = rolling.map(Circadian::relativeAmplitude)
                    .map(RollingCircadian::finite)
                    .orElse(null);
            Double is = rolling.map(Circadian::interdailyStability)
                    .map(RollingCircadian::finite)
                    .orElse(null);
            Double iv = rolling.map(Circadian::intradailyVariability)
                    .map(RollingCircadian::finite)
                    .orElse(null);
            if (row.date.equals(date)) {
                // The day itself: its profile, own RA and rolling values in one write.
                writeDay(c, patientId, date, day, ra, is, iv, rollingProvenance(window, rolling), waking);
                continue;
            }
            writeRolling(c, patientId, row.date, ra, is, iv, rollingProvenance(window, rolling));
            boolean changed = !Objects.equals(ra, row.ra) || !Objects.equals(is, row.is) || !Objects.equals(iv, row.iv);
            if (changed) {
                DayNotices.dayScored(c, patientId, row.date, row.dataThrough);
            }
        }
    }

    private record Row(
            LocalDate date, Optional<CircadianDay> profile, Double ra, Double is, Double iv, Instant dataThrough) {}

    /** The rows of {@code from..to} with their profiles and current rolling values, in one query. */
    private static TreeMap<LocalDate, Row> rows(Connection c, UUID patientId, LocalDate from, LocalDate to)
            throws SQLException {
        TreeMap<LocalDate, Row> rows = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select local_date, circadian_hour_sums, circadian_hour_epochs, "
                + "circadian_bin_sums, circadian_bin_epochs, rolling7_ra, rolling7_is, rolling7_iv, "
                + "provenance->>'dataThrough' from day_summary "
                + "where patient_id = ? and local_date between ? and ? order by local_date")) {
            ps.setObject(1, patientId);
            ps.setObject(2, from);
            ps.setObject(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    Optional<CircadianDay> profile = rs.getArray(2) == null
                            ? Optional.empty()
                            : Optional.of(new CircadianDay(
                                    date,
                                    doubles(rs.getArray(2)),
                                    ints(rs.getArray(3)),
                                    doubles(rs.getArray(4)),
                                    ints(rs.getArray(5))));
                    String through = rs.getString(9);
                    rows.put(
                            date,
                            new Row(
                                    date,
                                    profile,
                                    rs.getObject(6, Double.class),
                                    rs.getObject(7, Double.class),
                                    rs.getObject(8, Double.class),
                                    through == null ? null : Instant.parse(through)));
                }
            }
        }
        return rows;
    }

    private void writeDay(
            Connection c,
            UUID patientId,
            LocalDate date,
            Optional<CircadianDay> day,
            Double rollingRa,
            Double rollingIs,
            Double rollingIv,
            Map<String, Object> rollingProvenance,
            Optional<SleepNights.DayWaking> waking)
            throws SQLException {
        // With the day's waking values the row gets one new version, not two.
        String wakingColumns =
                waking.isEmpty() ? "" : "waking_sedentary_minutes = ?, waking_longest_sedentary_bout_minutes = ?, ";
        String wakingProvenance = waking.isEmpty() ? "" : " || jsonb_build_object('wakingSedentary', ?::jsonb)";
        try (PreparedStatement ps = c.prepareStatement("update day_summary set circadian_hour_sums = ?, "
                + "circadian_hour_epochs = ?, circadian_bin_sums = ?, circadian_bin_epochs = ?, relative_amplitude = ?, "
                + "rolling7_ra = ?, rolling7_is = ?, rolling7_iv = ?, " + wakingColumns
                + "provenance = (provenance - 'circadianDay') || jsonb_strip_nulls(jsonb_build_object('circadianDay', "
                + "?::jsonb, 'rolling7', ?::jsonb))" + wakingProvenance + " where patient_id = ? and local_date = ?")) {
            // Bound in the statement's order, the waking parameters only when they are in it.
            int i = 1;
            if (day.isPresent()) {
                CircadianDay d = day.get();
                ps.setArray(i++, c.createArrayOf("float8", boxed(d.hourSums())));
                ps.setArray(i++, c.createArrayOf("int4", boxed(d.hourEpochs())));
                ps.setArray(i++, c.createArrayOf("float8", boxed(d.binSums())));
                ps.setArray(i++, c.createArrayOf("int4", boxed(d.binEpochs())));
                OptionalDouble ra = CircadianAnalyzer.dayRelativeAmplitude(PARAMS, d);
                ps.setObject(
                        i++,
                        ra.isPresent() && Double.isFinite(ra.getAsDouble()) ? ra.getAsDouble() : null,
                        Types.DOUBLE);
            } else {
                for (int n = 0; n < 4; n++) {
                    ps.setNull(i++, Types.ARRAY);
                }
                ps.setNull(i++, Types.DOUBLE);
            }
            ps.setObject(i++, rollingRa, Types.DOUBLE);
            ps.setObject(i++, rollingIs, Types.DOUBLE);
            ps.setObject(i++, rollingIv, Types.DOUBLE);
            if (waking.isPresent()) {
                ps.setObject(i++, waking.get().minutes(), Types.DOUBLE);
                ps.setObject(i++, waking.get().longestBoutMinutes(), Types.DOUBLE);
            }
            ps.setString(i++, day.map(d -> write(dayProvenance(d))).orElse(null));
            ps.setString(i++, write(rollingProvenance));
            if (waking.isPresent()) {
                ps.setString(i++, waking.get().provenance());
            }
            ps.setObject(i++, patientId);
            ps.setObject(i, date);
            ps.executeUpdate();
        }
    }

    private void writeRolling(
            Connection c,
            UUID patientId,
            LocalDate date,
            Double ra,
            Double is,
            Double iv,
            Map<String, Object> provenance)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update day_summary set rolling7_ra = ?, rolling7_is = ?, "
                + "rolling7_iv = ?, provenance = provenance || jsonb_build_object('rolling7', ?::jsonb) "
                + "where patient_id = ? and local_date = ?")) {
            ps.setObject(1, ra, Types.DOUBLE);
            ps.setObject(2, is, Types.DOUBLE);
            ps.setObject(3, iv, Types.DOUBLE);
            ps.setString(4, write(provenance));
            ps.setObject(5, patientId);
            ps.setObject(6, date);
            ps.executeUpdate();
        }
    }

    /** The parameters that every circadian number depends on, typed like the other provenances. */
    private static Map<String, Object> parameters() {
        CircadianParams s = PARAMS.circadian();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epochSeconds", PARAMS.epochSeconds());
        p.put("binarise", s.binarise());
        p.put("binariseThresholdMg", CircadianAnalyzer.lightThreshold(PARAMS));
        p.put("minHourWearFraction", s.minHourWearFraction());
        p.put("wrapM10L5", s.wrapM10L5());
        return p;
    }

    private static Map<String, Object> dayProvenance(CircadianDay d) {
        Map<String, Object> p = parameters();
        p.put("minDayValidHours", PARAMS.circadian().minDayValidHours());
        p.put("validHours", CircadianAnalyzer.validHours(PARAMS, d));
        return provenance("circadian-day-profile-ra", p);
    }

    private static Map<String, Object> rollingProvenance(List<CircadianDay> window, Optional<Circadian> rolling) {
        Map<String, Object> p = parameters();
        p.put("windowDays", WINDOW_DAYS);
        p.put("minDays", PARAMS.circadian().minDays());
        p.put("daysUsed", window.stream().map(d -> d.date().toString()).toList());
        p.put("validDays", rolling.map(Circadian::days).orElse(0));
        p.put("validHours", rolling.map(Circadian::hours).orElse(0));
        return provenance("circadian-rolling-is-iv-ra", p);
    }

    private static Map<String, Object> provenance(String algorithm, Map<String, Object> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithm", algorithm);
        out.put("version", VERSION);
        out.put("parameters", Provenance.structured(new TreeMap<>(parameters)));
        return out;
    }

    /** A metric that is not a number (e.g. IS of days with no variance at all) is stored as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double[] boxed(double[] v) {
        Double[] out = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static Integer[] boxed(int[] v) {
        Integer[] out = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static double[] doubles(Array a) throws SQLException {
        Object[] v = (Object[]) a.getArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = ((Number) v[i]).doubleValue();
        }
        return out;
    }

    /** A PostgreSQL integer array as ints; the nights' stored sedentary runs read it too ({@link SleepNights}). */
    static int[] ints(Array a) throws SQLException {
        Object[] v = (Object[]) a.getArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = ((Number) v[i]).intValue();
        }
        return out;
    }

    private String write(Object value) {
        return Json.write(json, value, "rolling circadian state");
    }
}
