package org.osteon.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.bone.LoadingEvent;
import org.osteon.scoring.bone.LoadingScore;
import org.osteon.scoring.bone.LoadingSource;
import org.osteon.scoring.bone.grf.GrfDay;
import org.osteon.scoring.summary.BandCount;
import org.osteon.scoring.summary.BoutMinutes;
import org.osteon.scoring.summary.DaySummary;

/**
 * The SQL of scoring a day: what it reads from the raw tables, and the {@code day_summary} row a
 * scoring makes of the scorer's summary ({@link ScoredDay} maps the table).
 */
final class DayScoreRepository {
    /** Rows fetched at a time while a day's batches are streamed. */
    private static final int FETCH_BATCHES = 16;

    private final ObjectMapper json;

    DayScoreRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param scoringId which scoring wrote the day's row (null: no row)
     * @param openPlacement where the device of the day's open state is worn (null without one)
     * @param devices the patient's registered devices
     * @param loadingEvents whether any device of the patient ever had a loading-event batch
     *     accepted: if not, the day has none to read
     */
    record PatientInfo(
            ZoneId zone, Double bodyMassKg, UUID scoringId, String openPlacement, int devices, boolean loadingEvents) {}

    /** The device whose data a day is scored from, its placement and most common rate that day. */
    record SourceDevice(String id, String placement, double rateHz) {}

    /** The patient, with what the engine checks of the day's row and of its open state's device. */
    Optional<PatientInfo> patient(Connection c, UUID patientId, LocalDate date, String openDevice) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select p.time_zone, p.body_mass_kg, s.scoring_id, "
                + "(select placement from device where id = ?), "
                + "(select count(*) from device where patient_id = p.id), "
                + "exists (select 1 from device_stream t join device d on d.id = t.device_id "
                + "where d.patient_id = p.id and t.stream = 'load' and t.batches_accepted > 0) from patient p "
                + "left join day_summary s on s.patient_id = p.id and s.local_date = ? where p.id = ?")) {
            ps.setString(1, openDevice);
            ps.setObject(2, date);
            ps.setObject(3, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new PatientInfo(
                                ZoneId.of(rs.getString(1)),
                                rs.getObject(2, Double.class),
                                rs.getObject(3, UUID.class),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getBoolean(6)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Samples per device in the day of the patient's devices other than {@code except}: what
     * decides whether {@code except} is still the day's source device without adding up its own
     * batches again.
     */
    Map<String, Long> otherDevicesSamples(Connection c, UUID patientId, String except, Instant from, Instant to)
            throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select a.device_id, sum(a.samples) from accel_batch a "
                + "join device d on d.id = a.device_id where d.patient_id = ? and a.device_id <> ? "
                + overlaps("a", "patient")
                + " group by a.device_id")) {
            ps.setObject(1, patientId);
            ps.setString(2, except);
            bindRange(ps, 3, patientId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /**
     * The patient's accelerometer device with the most samples in the day (ties by id, so the
     * choice never depends on arrival order). A patient wears one accelerometer at a time in
     * practice; should two overlap, their epochs are not mixed.
     */
    Optional<SourceDevice> sourceDevice(Connection c, UUID patientId, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select a.device_id, d.placement, mode() within group (order by a.rate_hz) from accel_batch a "
                        + "join device d on d.id = a.device_id where d.patient_id = ? " + overlaps("a", "patient")
                        + " group by a.device_id, d.placement order by sum(a.samples) desc, a.device_id limit 1")) {
            ps.setObject(1, patientId);
            bindRange(ps, 2, patientId, from, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SourceDevice(rs.getString(1), rs.getString(2), rs.getDouble(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Streams the device's batches that overlap {@code from..to} in start order (then seq), a few
     * rows at a time: a day at 100 Hz is about 100 MB of samples, and only the batch being
     * scored needs to be in memory. Needs a connection with auto-commit off (a cursor).
     */
    void batches(Connection c, String deviceId, Instant from, Instant to, Consumer<RawBatch> each) throws SQLException {
        batchesAfter(c, deviceId, from, to, null, each);
    }

    /**
     * As {@link #batches}, only those after the batch {@code after} in (start, seq) order, all of
     * them when it is null.
     */
    void batchesAfter(
            Connection c, String deviceId, Instant from, Instant to, LiveDays.Open after, Consumer<RawBatch> each)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select a.seq, a.start_at, a.rate_hz, a.samples, a.encoding, a.scale, a.data from accel_batch a "
                        + "where a.device_id = ? " + overlaps("a", "device")
                        + (after == null ? "" : " and (a.start_at, a.seq) > (?, ?)")
                        + " order by a.start_at, a.seq")) {
            ps.setFetchSize(FETCH_BATCHES);
            ps.setString(1, deviceId);
            bindRange(ps, 2, deviceId, from, to);
            if (after != null) {
                ps.setTimestamp(6, Timestamp.from(Micros.toInstant(after.lastStartMicros)));
                ps.setLong(7, after.lastSeq);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long micros = Micros.of(rs.getTimestamp(2).toInstant());
                    each.accept(new RawBatch(
                            rs.getLong(1),
                            micros,
                            rs.getDouble(3),
                            rs.getInt(4),
                            rs.getShort(5),
                            rs.getDouble(6),
                            rs.getBytes(7)));
                }
            }
        }
    }

    /**
     * How many of the device's batches of the day come at or before {@code open}'s last batch in
     * (start, seq) order: equal to the number it was fed exactly when no batch arrived since that
     * belongs before its end, i.e. when the open state can go on with the newer batches.
     */
    long batchesThrough(Connection c, LiveDays.Open open, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from accel_batch a where a.device_id = ? "
                + overlaps("a", "device") + " and (a.start_at, a.seq) <= (?, ?)")) {
            ps.setString(1, open.deviceId);
            bindRange(ps, 2, open.deviceId, from, to);
            ps.setTimestamp(6, Timestamp.from(Micros.toInstant(open.lastStartMicros)));
            ps.setLong(7, open.lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A batch overlaps the range if it starts before its end and ends after its start. To keep the
     * scan on the (device, start) index, batches are looked for from the range's start less the
     * longest batch the devices in question ever sent (kept by ingest in device_stream, V55), plus
     * a second for rounding: a fixed day of look-back missed the later days of a contract-valid
     * 1-Hz batch of 400,000 samples (4.6 days), and the longest of a live device is seconds.
     * {@code scope} is "device" (the next parameter is a device id) or "patient" (a patient id).
     */
    private static String overlaps(String a, String scope) {
        String longest = scope.equals("device")
                ? "select max(ds.longest_batch_seconds) from device_stream ds where ds.device_id = ? and ds.stream = 'accel'"
                : "select max(ds.longest_batch_seconds) from device_stream ds join device d2 on d2.id = ds.device_id "
                        + "where d2.patient_id = ? and ds.stream = 'accel'";
        return "and " + a + ".start_at >= ?::timestamptz - (coalesce((" + longest + "), 0) + 1) * interval '1 second' "
                + "and " + a + ".start_at < ? and " + a + ".start_at + " + a + ".samples / " + a
                + ".rate_hz * interval '1 second' > ?";
    }

    /** Binds {@link #overlaps}' four parameters from {@code first} on. */
    private static void bindRange(PreparedStatement ps, int first, Object scopeId, Instant from, Instant to)
            throws SQLException {
        ps.setTimestamp(first, Timestamp.from(from));
        ps.setObject(first + 1, scopeId);
        ps.setTimestamp(first + 2, Timestamp.from(to));
        ps.setTimestamp(first + 3, Timestamp.from(from));
    }

    /** Loading events of all the patient's devices in {@code from..to}. */
    void loadingEvents(
            Connection c, UUID patientId, Instant from, Instant to, Double bodyMassKg, Consumer<LoadingEvent> each)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select e.t, e.kind, e.exercise, e.sets, e.reps, e.load_kg, e.one_rm_kg, e.peak_bw, e.cycles "
                        + "from load_event e join device d on d.id = e.device_id "
                        + "where d.patient_id = ? and e.t >= ? and e.t < ? order by e.t, e.device_id, e.seq, e.idx")) {
            ps.setObject(1, patientId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long t = rs.getTimestamp(1).getTime();
                    if ("grf".equals(rs.getString(2))) {
                        each.accept(new LoadingEvent.GrfPeaks(t, rs.getDouble(8), rs.getInt(9)));
                    } else {
                        Double oneRm = rs.getObject(7, Double.class);
                        each.accept(new LoadingEvent.ResistanceSet(
                                t,
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getInt(5),
                                rs.getDouble(6),
                                oneRm == null ? 0 : oneRm,
                                bodyMassKg == null ? Double.NaN : bodyMassKg));
                    }
                }
            }
        }
    }

    /** Removes the day's row: its raw data and events are gone (e.g. none was ever scorable). */
    void delete(Connection c, UUID patientId, LocalDate date) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("delete from day_summary where patient_id = ? and local_date = ?")) {
            ps.setObject(1, patientId);
            ps.setObject(2, date);
            ps.executeUpdate();
        }
    }

    /**
     * Writes the day's row, replacing what an earlier scoring of it wrote.
     *
     * @param bodyMassKg the patient's body mass now (null: none), for the estimated peak GRF
     */
    void upsert(
            Connection c,
            UUID patientId,
            DayScoring.Result r,
            Map<String, Object> source,
            UUID scoringId,
            Double bodyMassKg)
            throws SQLException {
        row(r, source, bodyMassKg).upsert(c, patientId, scoringId, json);
    }

    /**
     * Writes the day's row without its derived values if the claim is still current, keeping its
     * mark due after {@code due} (ScoredDay#upsertDeferred); returns whether it was.
     */
    boolean upsertDeferred(
            Connection c,
            DirtyDays.Claim claim,
            DayScoring.Result r,
            Map<String, Object> source,
            UUID scoringId,
            Double bodyMassKg,
            Duration due)
            throws SQLException {
        return row(r, source, bodyMassKg)
                .upsertDeferred(
                        c,
                        claim.patientId(),
                        scoringId,
                        json,
                        claim.version(),
                        due,
                        DayNotices.dayPayload(claim.patientId(), claim.date(), r.dataThrough()));
    }

    /**
     * The row a scoring of the day writes: the scorer's summary with what {@code day_summary} keeps
     * of it (the osteogenic index summed over its sources, counts at every 0.1 g threshold, ...);
     * a metric the scorer could not compute (NaN) is stored as null. The circadian columns are
     * RollingCircadian's, written after the row.
     */
    static ScoredDay row(DayScoring.Result r, Map<String, Object> source, Double bodyMassKg) {
        DaySummary d = r.summary();
        return new ScoredDay(
                d.date(),
                d.wearMinutes() / 60.0,
                d.wearMinutes(),
                finite(d.enmoMeanMg()),
                finite(d.mvpaMinutes()),
                finite(d.vigorousMinutes()),
                new ScoredDay.BoutedMvpa(bout(d, 1), bout(d, 5), bout(d, 10)),
                d.steps(),
                bands(d),
                atOrAbove(r.peaks()),
                finite(osteogenicIndex(d)),
                finite(accelerometer(d).map(LoadingScore::dailyStressStimulus).orElse(Double.NaN)),
                finite(d.sedentaryMinutes()),
                finite(r.longestSedentaryBoutMinutes()),
                null,
                null,
                resistanceSessions(d),
                null,
                null,
                provenance(d, r, source),
                peakGrf(r.grf().estimate(bodyMassKg)));
    }

    /** The day's estimated peak GRF as the row keeps it: NaN (no peaks) as null, equations by name. */
    static ScoredDay.PeakGrf peakGrf(GrfDay grf) {
        Map<String, Object> provenance = provenance(grf.provenance());
        if (!(grf instanceof GrfDay.Estimated e)) {
            return new ScoredDay.PeakGrf(false, ((GrfDay.NotEstimated) grf).reason(), List.of(), provenance);
        }
        return new ScoredDay.PeakGrf(
                true,
                null,
                e.summaries().stream()
                        .map(s -> new ScoredDay.PeakGrfModel(
                                s.equation().model().label(),
                                s.equation().name(),
                                s.peaks(),
                                finite(s.meanPeakG()),
                                finite(s.maxPeakG()),
                                finite(s.meanNewtons()),
                                finite(s.maxNewtons()),
                                finite(s.meanBodyWeights()),
                                finite(s.maxBodyWeights())))
                        .toList(),
                provenance);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double bout(DaySummary d, int minutes) {
        return finite(d.mvpaBouts().stream()
                .filter(b -> b.boutMinutes() == minutes)
                .mapToDouble(BoutMinutes::minutes)
                .findFirst()
                .orElse(Double.NaN));
    }

    private static Map<String, Integer> bands(DaySummary d) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (BandCount b : d.impactBands()) {
            out.put(b.band(), b.count());
        }
        return out;
    }

    /** The scorer's impact threshold in tenths of a g: the first step of {@link #atOrAbove}. */
    private static final int FIRST_TENTHS = 13;

    /**
     * Peaks at or above every 0.1 g step from the scorer's 1.3 g threshold up to the largest peak:
     * step {@code t/10.0} counts the peaks {@code g >= t/10.0}. One pass over the peaks into a
     * count per step, then sums from the top, since a live day's thousands of peaks are counted
     * again at every scoring (a NaN peak leaves nothing to count, as no step lies below it).
     */
    static Map<String, Integer> atOrAbove(List<Double> peaks) {
        double max = 0;
        for (double g : peaks) {
            if (Double.isNaN(g)) {
                return new LinkedHashMap<>();
            }
            max = Math.max(max, g);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        int top = step(max);
        if (top < FIRST_TENTHS) {
            return out;
        }
        int[] from = new int[top - FIRST_TENTHS + 1];
        for (double g : peaks) {
            int t = step(g);
            if (t >= FIRST_TENTHS) {
                from[t - FIRST_TENTHS]++;
            }
        }
        for (int i = from.length - 2; i >= 0; i--) {
            from[i] += from[i + 1];
        }
        for (int t = FIRST_TENTHS; t <= top; t++) {
            out.put(t / 10 + "." + t % 10, from[t - FIRST_TENTHS]);
        }
        return out;
    }

    /** The largest {@code t} with {@code t / 10.0 <= g}, for a finite g (exact, whatever g*10 rounds to). */
    private static int step(double g) {
        int t = (int) Math.floor(g * 10);
        while (t / 10.0 > g) {
            t--;
        }
        while ((t + 1) / 10.0 <= g) {
            t++;
        }
        return t;
    }

    /** OI adds over loading groups (Σ E·ln(1 + N)), so the day's is the sum of its sources'. */
    private static double osteogenicIndex(DaySummary d) {
        double oi = 0;
        boolean any = false;
        for (LoadingScore s : d.loading()) {
            if (Double.isFinite(s.osteogenicIndex())) {
                oi += s.osteogenicIndex();
                any = true;
            }
        }
        return any ? oi : Double.NaN;
    }

    private static Optional<LoadingScore> accelerometer(DaySummary d) {
        return d.loading().stream()
                .filter(s -> s.source() == LoadingSource.ACCELEROMETER)
                .findFirst();
    }

    /** A session is a day with resistance sets, as adherence counts sessions by day. */
    private static int resistanceSessions(DaySummary d) {
        return d.loading().stream().anyMatch(s -> s.source() == LoadingSource.RESISTANCE) ? 1 : 0;
    }

    private static Map<String, Object> provenance(DaySummary d, DayScoring.Result r, Map<String, Object> source) {
        Map<String, Object> p = new LinkedHashMap<>(source);
        p.put("runs", r.runs());
        p.put("activity", provenance(d.activityProvenance()));
        p.put("steps", provenance(d.stepsProvenance()));
        p.put("impacts", provenance(d.impactProvenance()));
        Map<String, Object> loading = new LinkedHashMap<>();
        for (LoadingScore s : d.loading()) {
            loading.put(s.source().name().toLowerCase(Locale.ROOT), provenance(s.provenance()));
        }
        p.put("loading", loading);
        p.put("longestSedentaryBout", "longest run of worn sedentary epochs, the night included");
        return p;
    }

    private static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("algorithm", p.algorithm());
        out.put("version", p.version());
        out.put("parameters", p.parameters());
        return out;
    }
}
