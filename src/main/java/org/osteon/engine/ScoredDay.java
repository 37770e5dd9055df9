package org.osteon.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.osteon.common.Decimals;
import org.osteon.common.Json;

/**
 * A patient's scored day: one row of {@code day_summary}, the one mapping of that table. The engine
 * writes it ({@link #upsert}); the days API, adherence, alerts, progress and the exports read it
 * ({@link #SELECT}, {@link #read}). A new metric is a component here, its column in {@code upsert}
 * and {@code read}, and its Flyway migration. Metric definitions are in the project's metrics
 * documentation; {@code provenance} says how the row was computed.
 *
 * <p>{@code relativeAmplitude} is the RA of this day alone (null with fewer valid hours than
 * provenance.circadianDay names); {@code rolling7d} holds RA, IS and IV over the 7 days ending this
 * day (null with fewer valid days than provenance.rolling7 names). Both are the circadian columns
 * that {@link RollingCircadian} writes once the row is there, so {@code upsert} leaves them.
 *
 * <p>{@code sedentaryMinutes} and {@code longestSedentaryBoutMinutes} count all of the day's worn
 * sedentary time, the night included; {@code wakingSedentaryMinutes} and {@code
 * wakingLongestSedentaryBoutMinutes} count it outside the sleep windows of the nights that touch
 * the day (provenance.wakingSedentary), written by {@link SleepNights} once the row is there, so
 * {@code upsert} leaves them. Adherence and the console use the waking values.
 *
 * <p>{@code vigorousMinutes} is the part of {@code mvpaMinutes} classed vigorous; null where the
 * cut points define no vigorous threshold, and on days scored before it was kept (V68).
 *
 * <p>{@code wearMinutes} is the stored column as the scoring core computed it, kept beside
 * {@code wearHours} (what the API shows and adherence compares) because hours times 60 does not
 * always give back the same double: the stored value stays the scorer's to the last bit.
 */
@Schema(name = "DaySummary")
public record ScoredDay(
        LocalDate date,
        double wearHours,
        @JsonIgnore @Schema(hidden = true) double wearMinutes,
        Double enmoMg,
        Double mvpaMinutes,
        Double vigorousMinutes,
        BoutedMvpa mvpaBoutedMinutes,
        Integer steps,
        Map<String, Integer> impactsByBand,
        Map<String, Integer> impactsAtOrAbove,
        Double osteogenicIndex,
        Double dailyStressStimulus,
        Double sedentaryMinutes,
        Double longestSedentaryBoutMinutes,
        Double wakingSedentaryMinutes,
        Double wakingLongestSedentaryBoutMinutes,
        Integer resistanceSessions,
        Double relativeAmplitude,
        Rolling7 rolling7d,
        Map<String, Object> provenance,
        PeakGrf estimatedPeakGrf) {

    /** The row's columns, for {@link #read}: append {@code where ...} (the table is not aliased). */
    public static final String SELECT =
            "select local_date, wear_minutes, enmo_mg, mvpa_minutes, vigorous_minutes, mvpa_bouted_1_minutes, "
                    + "mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, steps, impacts_by_band, impacts_at_or_above, "
                    + "osteogenic_index, daily_stress_stimulus, sedentary_minutes, longest_sedentary_bout_minutes, "
                    + "waking_sedentary_minutes, waking_longest_sedentary_bout_minutes, resistance_sessions, "
                    + "relative_amplitude, rolling7_ra, rolling7_is, rolling7_iv, provenance, estimated_peak_grf "
                    + "from day_summary";

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};

    /** MVPA minutes counted in bouts of at least 1, 5 and 10 minutes. */
    public record BoutedMvpa(Double min1, Double min5, Double min10) {
        public Double of(int boutMinutes) {
            return switch (boutMinutes) {
                case 1 -> min1;
                case 5 -> min5;
                default -> min10;
            };
        }
    }

    /** Relative amplitude, interdaily stability and intradaily variability over the 7 days ending this day. */
    public record Rolling7(Double ra, Double is, Double iv) {}

    /**
     * The day's estimated peak ground-reaction force (docs/metrics.md §4): one summary per activity
     * model published for the device's placement, or the reason there is none (wrist, no body mass,
     * a rate of 40 Hz or less). Null on a row scored before it was computed.
     *
     * @param provenance algorithm, version and parameters: placement, body mass, filter, peaks,
     *     and each equation with its coefficients, source and validation figures
     */
    @Schema(name = "EstimatedPeakGrf")
    public record PeakGrf(boolean estimated, String reason, List<PeakGrfModel> models, Map<String, Object> provenance) {
        PeakGrf shown() {
            return new PeakGrf(
                    estimated,
                    reason,
                    models == null
                            ? null
                            : models.stream().map(PeakGrfModel::shown).toList(),
                    provenance);
        }
    }

    /**
     * One model's estimate over the day's worn peaks (peaks of at least 1.3 g at least 0.4 s
     * apart after a 20 Hz low-pass); means and maxima null with no peak.
     *
     * @param model the activity the equation was fitted on: {@code walking/running} or {@code jumping}
     * @param equation the equation's name, whose coefficients the provenance holds
     * @param meanBodyWeights mean estimated peak GRF in body weights (N / (m · 9.80665 m/s²))
     */
    @Schema(name = "EstimatedPeakGrfModel")
    public record PeakGrfModel(
            String model,
            String equation,
            int peaks,
            Double meanPeakG,
            Double maxPeakG,
            Double meanNewtons,
            Double maxNewtons,
            Double meanBodyWeights,
            Double maxBodyWeights) {
        /** Newtons to 1 decimal, g and body weights to 3. */
        PeakGrfModel shown() {
            return new PeakGrfModel(
                    model,
                    equation,
                    peaks,
                    round(meanPeakG, 3),
                    round(maxPeakG, 3),
                    round(meanNewtons, 1),
                    round(maxNewtons, 1),
                    round(meanBodyWeights, 3),
                    round(maxBodyWeights, 3));
        }
    }

    /** The day of a row selected by {@link #SELECT}. */
    public static ScoredDay read(ResultSet rs, ObjectMapper json) throws SQLException {
        double wearMinutes = rs.getDouble("wear_minutes");
        return new ScoredDay(
                rs.getObject("local_date", LocalDate.class),
                wearMinutes / 60.0,
                wearMinutes,
                rs.getObject("enmo_mg", Double.class),
                rs.getObject("mvpa_minutes", Double.class),
                rs.getObject("vigorous_minutes", Double.class),
                new BoutedMvpa(
                        rs.getObject("mvpa_bouted_1_minutes", Double.class),
                        rs.getObject("mvpa_bouted_5_minutes", Double.class),
                        rs.getObject("mvpa_bouted_10_minutes", Double.class)),
                rs.getObject("steps", Integer.class),
                Json.read(json, rs.getString("impacts_by_band"), COUNTS, "day_summary.impacts_by_band"),
                Json.read(json, rs.getString("impacts_at_or_above"), COUNTS, "day_summary.impacts_at_or_above"),
                rs.getObject("osteogenic_index", Double.class),
                rs.getObject("daily_stress_stimulus", Double.class),
                rs.getObject("sedentary_minutes", Double.class),
                rs.getObject("longest_sedentary_bout_minutes", Double.class),
                rs.getObject("waking_sedentary_minutes", Double.class),
                rs.getObject("waking_longest_sedentary_bout_minutes", Double.class),
                rs.getObject("resistance_sessions", Integer.class),
                rs.getObject("relative_amplitude", Double.class),
                new Rolling7(
                        rs.getObject("rolling7_ra", Double.class),
                        rs.getObject("rolling7_is", Double.class),
                        rs.getObject("rolling7_iv", Double.class)),
                Json.read(json, rs.getString("provenance"), Json.OBJECT, "day_summary.provenance"),
                peakGrf(rs.getString("estimated_peak_grf"), json));
    }

    /** What {@link #readForTargets} and {@link #readForProgress} read of every row. */
    private static final String TARGET_COLUMNS =
            "local_date, wear_minutes, mvpa_bouted_1_minutes, mvpa_bouted_5_minutes, mvpa_bouted_10_minutes, "
                    + "steps, impacts_at_or_above, sedentary_minutes, longest_sedentary_bout_minutes, "
                    + "waking_sedentary_minutes, waking_longest_sedentary_bout_minutes";

    /**
     * The columns that adherence compares with a program's targets (wear, bouted MVPA, steps,
     * impacts at or above a threshold, sedentary time), for {@link #readForTargets}: append
     * {@code where ...}. A week of adherence, asked for with every look at the app, then neither
     * reads nor parses the JSON that only the days API shows (provenance, impacts by band, peak GRF).
     */
    public static final String SELECT_FOR_TARGETS = "select " + TARGET_COLUMNS + " from day_summary";

    /**
     * As {@link #SELECT_FOR_TARGETS}, with the day's MVPA minutes and, of its provenance, only {@code
     * dataThrough}: what a device's progress message shows besides adherence (DeviceProgress), sent
     * after the patient's scorings, so it neither reads nor parses the provenance's kilobytes.
     */
    public static final String SELECT_FOR_PROGRESS =
            "select " + TARGET_COLUMNS + ", mvpa_minutes, provenance->>'dataThrough' as data_through from day_summary";

    /**
     * The day of a row selected by {@link #SELECT_FOR_TARGETS}: what adherence reads of it as
     * {@link #read} gives it, every other component null. Not for showing.
     */
    public static ScoredDay readForTargets(ResultSet rs, ObjectMapper json) throws SQLException {
        return targets(rs, json, null, null);
    }

    /**
     * The day of a row selected by {@link #SELECT_FOR_PROGRESS}: as {@link #readForTargets}, with its
     * MVPA minutes and a provenance that holds only {@code dataThrough} (null when the row has none).
     */
    public static ScoredDay readForProgress(ResultSet rs, ObjectMapper json) throws SQLException {
        String through = rs.getString("data_through");
        return targets(
                rs,
                json,
                rs.getObject("mvpa_minutes", Double.class),
                through == null ? null : Map.of("dataThrough", through));
    }

    private static ScoredDay targets(
            ResultSet rs, ObjectMapper json, Double mvpaMinutes, Map<String, Object> provenance) throws SQLException {
        double wearMinutes = rs.getDouble("wear_minutes");
        return new ScoredDay(
                rs.getObject("local_date", LocalDate.class),
                wearMinutes / 60.0,
                wearMinutes,
                null,
                mvpaMinutes,
                null,
                new BoutedMvpa(
                        rs.getObject("mvpa_bouted_1_minutes", Double.class),
                        rs.getObject("mvpa_bouted_5_minutes", Double.class),
                        rs.getObject("mvpa_bouted_10_minutes", Double.class)),
                rs.getObject("steps", Integer.class),
                null,
                Json.read(json, rs.getString("impacts_at_or_above"), COUNTS, "day_summary.impacts_at_or_above"),
                null,
                null,
                rs.getObject("sedentary_minutes", Double.class),
                rs.getObject("longest_sedentary_bout_minutes", Double.class),
                rs.getObject("waking_sedentary_minutes", Double.class),
                rs.getObject("waking_longest_sedentary_bout_minutes", Double.class),
                null,
                null,
                null,
                provenance,
                null);
    }

    private static PeakGrf peakGrf(String text, ObjectMapper json) {
        return text == null ? null : Json.read(json, text, PeakGrf.class, "day_summary.estimated_peak_grf");
    }

    /**
     * Writes the day's row, replacing what an earlier scoring of it wrote, with the time of writing
     * and which scoring wrote it. The circadian columns are left to {@link RollingCircadian}.
     */
    void upsert(Connection c, UUID patientId, UUID scoringId, ObjectMapper json) throws SQLException {
        Map<String, Object> columns = columns(patientId, scoringId, json);
        String values = columns.values().stream()
                .map(v -> v instanceof Jsonb ? "?::jsonb" : "?")
                .collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("insert into day_summary (" + String.join(", ", columns.keySet())
                + ", computed_at) values (" + values + ", now()) " + onConflict(columns, false))) {
            bind(ps, 1, columns);
            ps.executeUpdate();
        }
    }

    /** The provenance keys of the derived values, written by RollingCircadian and SleepNights. */
    private static final String KEPT_DERIVED = "jsonb_strip_nulls(jsonb_build_object("
            + "'circadianDay', day_summary.provenance->'circadianDay', "
            + "'rolling7', day_summary.provenance->'rolling7', "
            + "'wakingSedentary', day_summary.provenance->'wakingSedentary', "
            + "'derivedThrough', coalesce(day_summary.provenance->'derivedThrough', day_summary.provenance->'dataThrough')))";

    /**
     * A scoring that defers the day's derived values, in one statement and one round trip
     * (ScoringEngine): locks the day's mark and, if its version is still {@code version}, writes the
     * row as {@link #upsert} does but keeps the provenance of the derived values the row holds,
     * with {@code derivedThrough}: the {@code dataThrough} of the last scoring that wrote them. It
     * keeps the mark due after {@code due} and sends the day's notice ({@link DayNotices});
     * otherwise it writes nothing, and the caller releases the claim (DirtyDays#release). Not here: a mark
     * changed by ingest after this statement's snapshot is one its sub-statements do not see, so
     * an update of it "where the version differs" would find no row (the lock returns the newest
     * version; the update keeping the mark re-checks its version on that row and does nothing).
     * Its commit does not wait for the WAL either, as any scoring's.
     *
     * @return whether the claim was still current, i.e. the row was written
     */
    boolean upsertDeferred(
            Connection c, UUID patientId, UUID scoringId, ObjectMapper json, long version, Duration due, String notice)
            throws SQLException {
        Map<String, Object> columns = columns(patientId, scoringId, json);
        String values = columns.values().stream().map(ScoredDay::typed).collect(Collectors.joining(", "));
        // cur: whether the mark, locked, still has the claimed version (no row: it is gone).
        String sql = "with cur as (select version = ? as current from day_dirty "
                + "where patient_id = ? and local_date = ? for update), "
                + "up as (insert into day_summary (" + String.join(", ", columns.keySet()) + ", computed_at) "
                + "select " + values + ", now() where (select current from cur) " + onConflict(columns, true)
                + "), kept as (update day_dirty set claimed_until = null, since = now(), min_start = 'infinity', "
                + "due_at = now() + ?::interval where patient_id = ? and local_date = ? and version = ?) "
                + "select coalesce((select current from cur), false), set_config('synchronous_commit', 'off', true), "
                + "case when (select current from cur) then pg_notify(?, ?) end";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, version);
            ps.setObject(i++, patientId);
            ps.setObject(i++, date);
            i = bind(ps, i, columns);
            ps.setString(i++, due.toMillis() + " milliseconds");
            ps.setObject(i++, patientId);
            ps.setObject(i++, date);
            ps.setLong(i++, version);
            ps.setString(i++, DayNotices.CHANNEL);
            ps.setString(i, notice);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A parameter with its type, for a select list (where PostgreSQL cannot take it from a column). */
    private static String typed(Object v) {
        if (v instanceof Jsonb) {
            return "?::jsonb";
        } else if (v instanceof UUID) {
            return "?::uuid";
        } else if (v instanceof LocalDate) {
            return "?::date";
        } else if (v instanceof Integer || v instanceof Long) {
            return "?::int8";
        }
        return "?::float8";
    }

    private Map<String, Object> columns(UUID patientId, UUID scoringId, ObjectMapper json) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("patient_id", patientId);
        columns.put("local_date", date);
        columns.put("wear_minutes", wearMinutes);
        columns.put("enmo_mg", enmoMg);
        columns.put("mvpa_minutes", mvpaMinutes);
        columns.put("vigorous_minutes", vigorousMinutes);
        columns.put("mvpa_bouted_1_minutes", mvpaBoutedMinutes.min1());
        columns.put("mvpa_bouted_5_minutes", mvpaBoutedMinutes.min5());
        columns.put("mvpa_bouted_10_minutes", mvpaBoutedMinutes.min10());
        columns.put("steps", steps);
        columns.put("impacts_by_band", new Jsonb(Json.write(json, impactsByBand, "day_summary.impacts_by_band")));
        columns.put(
                "impacts_at_or_above",
                new Jsonb(Json.write(json, impactsAtOrAbove, "day_summary.impacts_at_or_above")));
        columns.put("osteogenic_index", osteogenicIndex);
        columns.put("daily_stress_stimulus", dailyStressStimulus);
        columns.put("sedentary_minutes", sedentaryMinutes);
        columns.put("longest_sedentary_bout_minutes", longestSedentaryBoutMinutes);
        columns.put("resistance_sessions", resistanceSessions);
        columns.put("provenance", new Jsonb(Json.write(json, provenance, "day_summary.provenance")));
        columns.put(
                "estimated_peak_grf",
                new Jsonb(
                        estimatedPeakGrf == null
                                ? null
                                : Json.write(json, estimatedPeakGrf, "day_summary.estimated_peak_grf")));
        columns.put("scoring_id", scoringId);
        return columns;
    }

    private static String onConflict(Map<String, Object> columns, boolean keepDerived) {
        String updates = columns.keySet().stream()
                .filter(n -> !n.equals("patient_id") && !n.equals("local_date"))
                .map(n -> n + " = excluded." + n + (keepDerived && n.equals("provenance") ? " || " + KEPT_DERIVED : ""))
                .collect(Collectors.joining(", "));
        return "on conflict (patient_id, local_date) do update set " + updates + ", computed_at = excluded.computed_at";
    }

    /** Binds the columns' values from parameter {@code first} on; returns the next parameter's index. */
    private static int bind(PreparedStatement ps, int first, Map<String, Object> columns) throws SQLException {
        int i = first;
        for (Object v : columns.values()) {
            if (v == null) {
                ps.setNull(i++, Types.DOUBLE);
            } else if (v instanceof Jsonb j) {
                ps.setString(i++, j.text());
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    /**
     * The sedentary minutes a target is compared with: the waking value, or the all-day value for a
     * day whose waking value was never computed (scored before the sleep windows were stored).
     */
    public Double sedentaryMinutesForTargets() {
        return wakingSedentaryMinutes != null ? wakingSedentaryMinutes : sedentaryMinutes;
    }

    /** The longest sedentary bout a target is compared with, as {@link #sedentaryMinutesForTargets()}. */
    public Double longestSedentaryBoutForTargets() {
        return wakingLongestSedentaryBoutMinutes != null
                ? wakingLongestSedentaryBoutMinutes
                : longestSedentaryBoutMinutes;
    }

    /** A value written as JSON text and cast to jsonb by the statement. */
    private record Jsonb(String text) {}

    /**
     * This day as the API shows it, rounded to a stated precision: hours and minutes to 2 decimals
     * (wear is kept in whole 5-s epochs, so a minute's hundredth is below the resolution), ENMO in
     * mg to 2, and the indices (osteogenic index, daily stress stimulus, RA, IS, IV) to 3. Counts
     * are whole already. Adherence and alerts compute from the stored values, not from these.
     */
    public ScoredDay shown() {
        return new ScoredDay(
                date,
                round(wearHours, 2),
                wearMinutes,
                round(enmoMg, 2),
                round(mvpaMinutes, 2),
                round(vigorousMinutes, 2),
                mvpaBoutedMinutes == null
                        ? null
                        : new BoutedMvpa(
                                round(mvpaBoutedMinutes.min1(), 2),
                                round(mvpaBoutedMinutes.min5(), 2),
                                round(mvpaBoutedMinutes.min10(), 2)),
                steps,
                impactsByBand,
                impactsAtOrAbove,
                round(osteogenicIndex, 3),
                round(dailyStressStimulus, 3),
                round(sedentaryMinutes, 2),
                round(longestSedentaryBoutMinutes, 2),
                round(wakingSedentaryMinutes, 2),
                round(wakingLongestSedentaryBoutMinutes, 2),
                resistanceSessions,
                round(relativeAmplitude, 3),
                rolling7d == null
                        ? null
                        : new Rolling7(round(rolling7d.ra(), 3), round(rolling7d.is(), 3), round(rolling7d.iv(), 3)),
                provenance,
                estimatedPeakGrf == null ? null : estimatedPeakGrf.shown());
    }

    private static Double round(Double v, int decimals) {
        return Decimals.shown(v, decimals);
    }

    /** Up to when the row's numbers reach, as the engine recorded it in the provenance; null if it did not. */
    public Instant dataThrough() {
        Object through = provenance == null ? null : provenance.get("dataThrough");
        return through == null ? null : Instant.parse(through.toString());
    }

    /**
     * Impact peaks at or above {@code g}. The scoring core writes a count for every 0.1 g step up to
     * the day's largest peak, so a threshold beyond the last key has no peaks.
     */
    public int impactsAtOrAbove(double g) {
        Integer n = impactsAtOrAbove.get(thresholdKey(g));
        return n == null ? 0 : n;
    }

    /**
     * A threshold's key in {@code impacts_at_or_above}: {@code %.1f} of it. Remembered for the
     * few thresholds programs use, because adherence asks for it once per day and component and
     * {@link String#format} allocated more than the rest of a week's adherence request (a read
     * of a patient's week was 9 % of the service's allocation on this one line).
     */
    static String thresholdKey(double g) {
        String key = THRESHOLD_KEYS.get(g);
        if (key == null) {
            key = String.format(Locale.ROOT, "%.1f", g);
            if (THRESHOLD_KEYS.size() < MAX_THRESHOLD_KEYS) {
                THRESHOLD_KEYS.put(g, key);
            }
        }
        return key;
    }

    /** Thresholds come from programs: few distinct values; the bound keeps odd ones from piling up. */
    private static final int MAX_THRESHOLD_KEYS = 256;

    private static final Map<Double, String> THRESHOLD_KEYS = new java.util.concurrent.ConcurrentHashMap<>();
}
