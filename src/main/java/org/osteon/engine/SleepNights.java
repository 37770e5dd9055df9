package org.osteon.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.osteon.common.Json;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.sleep.SleepParams;
import org.osteon.scoring.sleep.SleepWindow;
import org.osteon.scoring.sleep.SleepWindowDetector;

/**
 * Each night's sleep period time window and each day's waking sedentary time (docs/engine.md,
 * Sleep): the step after {@link RollingCircadian}, in the same transaction and under the same
 * per-patient lock.
 *
 * <p>A night is the local noon of its {@code night_date} to the next noon, so it takes the
 * afternoon and evening of one scored day and the morning of the next. Writing (or deleting) day D
 * therefore changes the nights D−1 and D, which are detected again from the stored epochs of days
 * D−1, D and D+1 ({@code day_sleep_epochs}); and the waking sedentary time of a day depends on the
 * two nights that touch it, so D−1, D and D+1 are recomputed. Every value is a function of the
 * stored epochs alone, so the days of a night give the same window whatever order they were scored
 * in. A night is looked for only when both of its days have stored epochs: with one, the onset or
 * the wake would be where the data starts or stops, so it has no window rather than half of one
 * (and, as in the detector, none when worn less than {@link SleepParams#minWornFraction()}).
 */
final class SleepNights {
    static final SleepParams PARAMS = SleepEpochs.PARAMS;
    /** Algorithm of the waking sedentary values in the day's provenance. */
    static final String WAKING_ALGORITHM = "waking-sedentary";

    static final String WAKING_VERSION = "1";
    static final String WAKING_DEFINITION = "worn sedentary epochs whose start lies outside the sleep period time"
            + " windows of the two nights that touch the day; the longest bout is the longest such stretch"
            + " (a window cuts a run of sedentary epochs in two)";

    private final ObjectMapper json;

    SleepNights(ObjectMapper json) {
        this.json = json;
    }

    /**
     * After day {@code date} was upserted or deleted (call with the per-patient lock held): stores
     * what the nights need of it, detects the nights {@code date − 1} and {@code date} again, and
     * recomputes the waking sedentary values of {@code date − 1 .. date + 1}. Neighbour days whose
     * values changed are announced like a scored day.
     *
     * <p>Invariant: every night and every waking value stored is a function of the stored epochs.
     * So what reads the same stored epochs as before cannot change and is neither computed nor
     * written again: a night whose two days' epochs within it are unchanged (a live day that grows
     * at its end leaves the night that ended at its noon as it was, and the night that starts at
     * its noon has no window while the next day has no epochs), and a neighbour's waking values
     * while the night it shares with the day keeps its window. The day's own waking values are
     * always computed, since its upsert cleared them.
     *
     * @param day the day's sleep epochs; empty when the day's row was deleted
     * @return the day's own waking values when it has epochs, for the caller to write with its
     *     other columns; empty when they were written here (or it has no row)
     */
    Optional<DayWaking> dayWritten(
            Connection c, UUID patientId, LocalDate date, ZoneId zone, Optional<SleepEpochs.Day> day)
            throws SQLException {
        Stored around = stored(c, patientId, date);
        TreeMap<LocalDate, SleepEpochs.Day> days = around.days();
        SleepEpochs.Day before = days.get(date);
        SleepEpochs.Day after = day.orElse(null);
        if (after != null && !after.equals(before)) {
            writeEpochs(c, patientId, date, after);
        } else if (after == null && before != null) {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from day_sleep_epochs where patient_id = ? and local_date = ?")) {
                ps.setObject(1, patientId);
                ps.setObject(2, date);
                ps.executeUpdate();
            }
        }
        if (after == null) {
            days.remove(date);
        } else {
            days.put(date, after);
        }
        TreeMap<LocalDate, SleepWindow> nights = around.nights();
        Set<LocalDate> moved = new HashSet<>();
        for (LocalDate night : List.of(date.minusDays(1), date)) {
            LocalDate other = night.equals(date) ? date.plusDays(1) : date.minusDays(1);
            if (!days.containsKey(other) || sameWithin(night, zone, before, after)) {
                // Without the other day the night has no window (detect), and with the same epochs
                // the stored one is still theirs; a window stored without the other day is not.
                if (days.containsKey(other) || !nights.containsKey(night)) {
                    continue;
                }
            }
            Optional<SleepWindow> window = detect(night, zone, days);
            SleepWindow stored = nights.get(night);
            if (window.isPresent() || stored != null) {
                writeNight(c, patientId, night, zone, window);
            }
            if (!sameWindow(stored, window.orElse(null))) {
                moved.add(night);
            }
            if (window.isPresent()) {
                nights.put(night, window.get());
            } else {
                nights.remove(night);
            }
        }
        Optional<DayWaking> own = Optional.empty();
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            // A neighbour's waking values depend on its own epochs (not written here) and on the
            // night it shares with the day: unchanged while that night keeps its window.
            if (!d.equals(date) && !moved.contains(d.isBefore(date) ? d : date)) {
                continue;
            }
            Map<LocalDate, SleepWindow> touching = new TreeMap<>(nights.subMap(d.minusDays(1), true, d, true));
            if (d.equals(date) && after != null) {
                // The day just upserted, with epochs: its values need nothing of its row.
                Waking w = waking(after, List.copyOf(touching.values()));
                own = Optional.of(
                        new DayWaking(w.minutes(), w.longestBoutMinutes(), write(wakingProvenance(after, touching))));
            } else {
                writeWaking(c, patientId, d, !d.equals(date), days.get(d), touching);
            }
        }
        return own;
    }

    /**
     * The waking values of a day just upserted, left to its caller to write with the day's other
     * columns (one row version instead of two).
     *
     * @param provenance JSON of the day's {@code wakingSedentary} provenance
     */
    record DayWaking(Double minutes, Double longestBoutMinutes, String provenance) {}

    /**
     * Whether the night starting at noon of {@code night} gets the same input from the two
     * versions of one of its days, slot by slot as {@link #detect} reads them: then, with its other
     * day unchanged, its window is the same.
     */
    static boolean sameWithin(LocalDate night, ZoneId zone, SleepEpochs.Day a, SleepEpochs.Day b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.startMillis() != b.startMillis()
                || a.epochSeconds() != b.epochSeconds()
                || a.zAngle().length != b.zAngle().length) {
            return false;
        }
        if (a.epochSeconds() != PARAMS.epochSeconds()) {
            return true; // detect reads neither
        }
        long from = nightStart(night, zone);
        int n = slots(night, zone);
        long epochMillis = PARAMS.epochSeconds() * 1000L;
        float[] x = a.zAngle();
        float[] y = b.zAngle();
        for (int s = 0; s < x.length; s++) {
            long i = (a.startMillis() + s * epochMillis - from) / epochMillis;
            if (i >= 0 && i < n && Float.compare(x[s], y[s]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Same window for waking time: both absent, or the same onset and wake. */
    private static boolean sameWindow(SleepWindow a, SleepWindow b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.onset().equals(b.onset()) && a.wake().equals(b.wake());
    }

    private static long nightStart(LocalDate night, ZoneId zone) {
        return night.atTime(LocalTime.NOON).atZone(zone).toInstant().toEpochMilli();
    }

    /** Epochs of the night, its noon to the next noon. */
    private static int slots(LocalDate night, ZoneId zone) {
        long to = nightStart(night.plusDays(1), zone);
        return (int) ((to - nightStart(night, zone)) / (PARAMS.epochSeconds() * 1000L));
    }

    /** The night that starts at noon of {@code night}, from the stored epochs of it and the next day. */
    static Optional<SleepWindow> detect(LocalDate night, ZoneId zone, Map<LocalDate, SleepEpochs.Day> days) {
        if (!days.containsKey(night) || !days.containsKey(night.plusDays(1))) {
            // Half a night would put its onset or wake where the data starts or stops.
            return Optional.empty();
        }
        long from = nightStart(night, zone);
        long epochMillis = PARAMS.epochSeconds() * 1000L;
        int n = slots(night, zone);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        boolean[] nonwear = new boolean[n];
        Arrays.fill(nonwear, true);
        for (LocalDate d : List.of(night, night.plusDays(1))) {
            SleepEpochs.Day day = days.get(d);
            if (day == null || day.epochSeconds() != PARAMS.epochSeconds()) {
                continue;
            }
            float[] a = day.zAngle();
            for (int s = 0; s < a.length; s++) {
                long i = (day.startMillis() + s * epochMillis - from) / epochMillis;
                if (i < 0 || i >= n || Float.isNaN(a[s])) {
                    continue;
                }
                // The detector takes gravity components: these give back exactly the stored angle.
                double rad = Math.toRadians(a[s]);
                x[(int) i] = Math.cos(rad);
                z[(int) i] = Math.sin(rad);
                nonwear[(int) i] = false;
            }
        }
        return SleepWindowDetector.detect(PARAMS, from, x, y, z, nonwear);
    }

    /** Minutes of waking sedentary time and the longest waking bout of a day's sedentary runs. */
    record Waking(double minutes, double longestBoutMinutes) {}

    /** The day's worn sedentary epochs outside the windows: their minutes and the longest stretch. */
    static Waking waking(SleepEpochs.Day day, List<SleepWindow> windows) {
        long epochMillis = day.epochSeconds() * 1000L;
        int[] runs = day.sedentaryRuns();
        long epochs = 0;
        long longest = 0;
        for (int r = 0; r + 1 < runs.length; r += 2) {
            long start = day.startMillis() + runs[r];
            long stretch = 0;
            for (int k = 0; k < runs[r + 1]; k++) {
                long t = start + k * epochMillis;
                if (asleep(t, windows)) {
                    stretch = 0;
                } else {
                    epochs++;
                    longest = Math.max(longest, ++stretch);
                }
            }
        }
        return new Waking(epochs * day.epochSeconds() / 60.0, longest * day.epochSeconds() / 60.0);
    }

    private static boolean asleep(long millis, List<SleepWindow> windows) {
        for (SleepWindow w : windows) {
            if (millis >= w.onset().toEpochMilli() && millis < w.wake().toEpochMilli()) {
                return true;
            }
        }
        return false;
    }

    private void writeEpochs(Connection c, UUID patientId, LocalDate date, SleepEpochs.Day day) throws SQLException {
        ByteBuffer bytes = ByteBuffer.allocate(day.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float a : day.zAngle()) {
            bytes.putFloat(a);
        }
        Integer[] runs = new Integer[day.sedentaryRuns().length];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = day.sedentaryRuns()[i];
        }
        try (PreparedStatement ps = c.prepareStatement("insert into day_sleep_epochs (patient_id, local_date, "
                + "starts_at, epoch_seconds, z_angle, sedentary_runs) values (?, ?, ?, ?, ?, ?) "
                + "on conflict (patient_id, local_date) do update set starts_at = excluded.starts_at, "
                + "epoch_seconds = excluded.epoch_seconds, z_angle = excluded.z_angle, "
                + "sedentary_runs = excluded.sedentary_runs")) {
            ps.setObject(1, patientId);
            ps.setObject(2, date);
            ps.setTimestamp(3, Timestamp.from(Instant.ofEpochMilli(day.startMillis())));
            ps.setInt(4, day.epochSeconds());
            ps.setBytes(5, bytes.array());
            ps.setArray(6, c.createArrayOf("int4", runs));
            ps.executeUpdate();
        }
    }

    /**
     * What is stored around day {@code date}: the epochs of {@code date − 1 .. date + 1} and the
     * nights {@code date − 2 .. date + 1}.
     */
    private record Stored(TreeMap<LocalDate, SleepEpochs.Day> days, TreeMap<LocalDate, SleepWindow> nights) {}

    /** Both in one round trip: epochs rows have an epoch length, night rows do not. */
    private static Stored stored(Connection c, UUID patientId, LocalDate date) throws SQLException {
        TreeMap<LocalDate, SleepEpochs.Day> days = new TreeMap<>();
        TreeMap<LocalDate, SleepWindow> nights = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("select local_date, epoch_seconds, starts_at, z_angle, "
                + "sedentary_runs, null::timestamptz, null::float8, null::timestamptz, null::float8 "
                + "from day_sleep_epochs where patient_id = ? and local_date between ? and ? "
                + "union all select night_date, null, onset, null, null, wake, duration_minutes, midpoint, "
                + "threshold_deg from sleep_night where patient_id = ? and night_date between ? and ?")) {
            ps.setObject(1, patientId);
            ps.setObject(2, date.minusDays(1));
            ps.setObject(3, date.plusDays(1));
            ps.setObject(4, patientId);
            ps.setObject(5, date.minusDays(2));
            ps.setObject(6, date.plusDays(1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    Integer epochSeconds = rs.getObject(2, Integer.class);
                    if (epochSeconds != null) {
                        ByteBuffer bytes = ByteBuffer.wrap(rs.getBytes(4)).order(ByteOrder.LITTLE_ENDIAN);
                        float[] angle = new float[bytes.remaining() / 4];
                        bytes.asFloatBuffer().get(angle);
                        days.put(
                                d,
                                new SleepEpochs.Day(
                                        rs.getTimestamp(3).getTime(),
                                        epochSeconds,
                                        angle,
                                        RollingCircadian.ints(rs.getArray(5))));
                    } else {
                        nights.put(
                                d,
                                new SleepWindow(
                                        rs.getTimestamp(3).toInstant(),
                                        rs.getTimestamp(6).toInstant(),
                                        rs.getDouble(7),
                                        rs.getTimestamp(8).toInstant(),
                                        rs.getDouble(9),
                                        null));
                    }
                }
            }
        }
        return new Stored(days, nights);
    }

    private void writeNight(Connection c, UUID patientId, LocalDate night, ZoneId zone, Optional<SleepWindow> window)
            throws SQLException {
        if (window.isEmpty()) {
            try (PreparedStatement ps =
                    c.prepareStatement("delete from sleep_night where patient_id = ? and night_date = ?")) {
                ps.setObject(1, patientId);
                ps.setObject(2, night);
                ps.executeUpdate();
            }
            return;
        }
        SleepWindow w = window.get();
        try (PreparedStatement ps = c.prepareStatement("insert into sleep_night (patient_id, night_date, onset, wake, "
                + "duration_minutes, midpoint, threshold_deg, provenance, computed_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now()) on conflict (patient_id, night_date) do update set "
                + "onset = excluded.onset, wake = excluded.wake, duration_minutes = excluded.duration_minutes, "
                + "midpoint = excluded.midpoint, threshold_deg = excluded.threshold_deg, "
                + "provenance = excluded.provenance, computed_at = excluded.computed_at")) {
            ps.setObject(1, patientId);
            ps.setObject(2, night);
            ps.setTimestamp(3, Timestamp.from(w.onset()));
            ps.setTimestamp(4, Timestamp.from(w.wake()));
            ps.setDouble(5, w.durationMinutes());
            ps.setTimestamp(6, Timestamp.from(w.midpoint()));
            ps.setDouble(7, w.thresholdDeg());
            ps.setString(8, write(nightProvenance(w, night, zone)));
            ps.executeUpdate();
        }
    }

    private static Map<String, Object> nightProvenance(SleepWindow w, LocalDate night, ZoneId zone) {
        Provenance p = w.provenance()
                .with("zone", zone.getId())
                .with(
                        "periodStart",
                        night.atTime(LocalTime.NOON)
                                .atZone(zone)
                                .toOffsetDateTime()
                                .toString())
                .with(
                        "periodEnd",
                        night.plusDays(1)
                                .atTime(LocalTime.NOON)
                                .atZone(zone)
                                .toOffsetDateTime()
                                .toString())
                .with("daysUsed", List.of(night.toString(), night.plusDays(1).toString()))
                .with("nonwear", "the scorer's non-wear epochs (docs/metrics.md) are never still");
        return map(p);
    }

    /**
     * Writes the day's waking values, when it has a row. Without stored epochs (a day of loading
     * events only) the waking values are the all-day ones, which are null then.
     */
    private void writeWaking(
            Connection c,
            UUID patientId,
            LocalDate date,
            boolean announce,
            SleepEpochs.Day day,
            Map<LocalDate, SleepWindow> nights)
            throws SQLException {
        Double oldMinutes;
        Double oldLongest;
        Double allDayMinutes;
        Double allDayLongest;
        Instant dataThrough;
        try (PreparedStatement ps = c.prepareStatement("select waking_sedentary_minutes, "
                + "waking_longest_sedentary_bout_minutes, provenance->>'dataThrough', sedentary_minutes, "
                + "longest_sedentary_bout_minutes from day_summary "
                + "where patient_id = ? and local_date = ?")) {
            ps.setObject(1, patientId);
            ps.setObject(2, date);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                oldMinutes = rs.getObject(1, Double.class);
                oldLongest = rs.getObject(2, Double.class);
                String through = rs.getString(3);
                dataThrough = through == null ? null : Instant.parse(through);
                allDayMinutes = rs.getObject(4, Double.class);
                allDayLongest = rs.getObject(5, Double.class);
            }
        }
        // Without stored epochs the waking values are the all-day ones.
        Double minutes = allDayMinutes;
        Double longest = allDayLongest;
        if (day != null) {
            Waking w = waking(day, List.copyOf(nights.values()));
            minutes = w.minutes();
            longest = w.longestBoutMinutes();
        }
        Map<String, Object> provenance = wakingProvenance(day, nights);
        try (PreparedStatement ps = c.prepareStatement("update day_summary set "
                + "waking_sedentary_minutes = ?, waking_longest_sedentary_bout_minutes = ?, "
                + "provenance = provenance || jsonb_build_object('wakingSedentary', ?::jsonb) "
                + "where patient_id = ? and local_date = ?")) {
            ps.setObject(1, minutes, Types.DOUBLE);
            ps.setObject(2, longest, Types.DOUBLE);
            ps.setString(3, write(provenance));
            ps.setObject(4, patientId);
            ps.setObject(5, date);
            ps.executeUpdate();
        }
        boolean changed = !Objects.equals(minutes, oldMinutes) || !Objects.equals(longest, oldLongest);
        if (announce && changed) {
            DayNotices.dayScored(c, patientId, date, dataThrough);
        }
    }

    /** The {@code wakingSedentary} provenance of a day's waking values ({@code day} null: no epochs stored). */
    private static Map<String, Object> wakingProvenance(SleepEpochs.Day day, Map<LocalDate, SleepWindow> nights) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("definition", WAKING_DEFINITION);
        parameters.put("epochSeconds", PARAMS.epochSeconds());
        parameters.put("sleepAlgorithm", SleepWindowDetector.ALGORITHM + "/" + SleepWindowDetector.VERSION);
        parameters.put("reference", SleepWindowDetector.REFERENCE);
        parameters.put(
                "nightsWithWindow",
                nights.keySet().stream().map(LocalDate::toString).toList());
        parameters.put("allDayValues", "sedentaryMinutes and longestSedentaryBoutMinutes count the night too");
        Map<String, Object> provenance = map(new Provenance(WAKING_ALGORITHM, WAKING_VERSION, parameters));
        if (day == null) {
            provenance.put("note", "no accelerometer epochs stored for the day: waking values equal the all-day ones");
        }
        return provenance;
    }

    private static Map<String, Object> map(Provenance p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithm", p.algorithm());
        out.put("version", p.version());
        out.put("parameters", p.parameters());
        return out;
    }

    private String write(Object value) {
        return Json.write(json, value, "sleep night");
    }
}
