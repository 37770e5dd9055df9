package org.osteon.device;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.osteon.common.Text;
import org.osteon.engine.DirtyDays;
import org.osteon.engine.RawCodec;
import org.osteon.engine.ScoringEngine;
import org.osteon.scoring.io.AccelerometerReader;
import org.osteon.scoring.io.RecordingInfo;

/**
 * Reads uploaded baseline recordings, one at a time, with the readers of {@code ./osteon score},
 * and stores each as its pseudo-device's raw batches in one transaction: either every sample of
 * the wear period is stored and its days are marked for the engine, or nothing is (a failed
 * import leaves only its recording row, saying why). An import the service did not finish (a
 * restart) is marked failed at the next start: its spooled file is gone with the process.
 */
@ApplicationScoped
public class BaselineImports {
    private static final Logger LOG = Logger.getLogger(BaselineImports.class);
    /** Samples per stored batch: a minute, as a live device's look-back allows (docs/engine.md). */
    private static final int BATCH_SECONDS = 60;
    /** Stored batches per JDBC batch: at 100 Hz about 1 MB held at a time. */
    private static final int ROWS_PER_FLUSH = 16;
    /** Fraction of the file between two progress updates. */
    private static final double PROGRESS_STEP = 0.01;
    /** Longest time between two heartbeats while reading; well within osteon.baseline.stale-after. */
    private static final long HEARTBEAT_NANOS = 5_000_000_000L;

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final BaselineConfig config;

    public BaselineImports(AgroalDataSource dataSource, Clock clock, BaselineConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.executor = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, config.queue())), r -> {
                    Thread t = new Thread(r, "osteon-baseline-import");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** What an import needs: the recording row's values and its spooled file. */
    record Job(
            UUID recordingId,
            UUID patientId,
            ZoneId patientZone,
            Path file,
            AccelerometerReader.Format format,
            String placement,
            Instant wearFrom,
            Instant wearTo) {}

    /** A failure of the file, reported on the recording as {@code field: message}. */
    static final class ImportFailure extends Exception {
        final String field;

        ImportFailure(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /**
     * Imports that lost their importer fail: at a start, those of this instance's previous run
     * (and of any other instance) whose heartbeat is older than osteon.baseline.stale-after;
     * readers of a recording ({@link #failStale}) catch those that go stale later.
     */
    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int n = failStale(c, null);
            if (n > 0) {
                LOG.warnf("%d baseline import(s) whose importer stopped were marked failed", n);
            }
        }
    }

    /** Marks the recording failed if its import is stale. */
    void failStale(UUID recordingId) {
        try (Connection c = dataSource.getConnection()) {
            failStale(c, recordingId);
        } catch (SQLException e) {
            throw new IllegalStateException("marking a stale import failed", e);
        }
    }

    /** Marks failed the stale imports (of one recording, or all when null); how many. */
    int failStale(Connection c, UUID recordingId) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps =
                c.prepareStatement("update baseline_recording set status = 'failed', error_field = 'file', error = ?, "
                        + "finished_at = ? where status = 'reading' and coalesce(heartbeat_at, created_at) < ?"
                        + (recordingId == null ? "" : " and id = ?"))) {
            ps.setString(1, "the import was interrupted (the service restarted or stopped); upload the file again");
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now.minus(config.staleAfter())));
            if (recordingId != null) {
                ps.setObject(4, recordingId);
            }
            return ps.executeUpdate();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Queues the import; false when the queue is full (the caller answers 503). */
    boolean submit(Job job) {
        try {
            executor.execute(() -> run(job));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void run(Job job) {
        try {
            store(job);
        } catch (ImportFailure f) {
            fail(job.recordingId(), f.field, f.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(
                    "Baseline import %s failed storing its samples (%s)",
                    job.recordingId(), e.getClass().getName());
            fail(job.recordingId(), "file", "the samples could not be stored; upload the file again");
        } finally {
            try {
                Files.deleteIfExists(job.file());
            } catch (IOException e) {
                LOG.warnf("Spooled upload %s could not be deleted", job.file());
            }
        }
    }

    /**
     * The month partitions of accel_batch (V20) for the wear period, in their own short
     * transaction: creating a partition locks the parent table, which the import's long
     * transaction must not hold, and a past month's rows left in the default partition would
     * stop that month's partition from ever being created. Should one not be creatable (rows of
     * that month already in the default partition), the samples go to the default partition.
     */
    private void ensurePartitions(Job job) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select osteon_ensure_month_partitions('accel_batch', (?::timestamptz at time zone 'UTC')::date, "
                                + "(?::timestamptz at time zone 'UTC')::date)")) {
            c.setAutoCommit(true);
            ps.setTimestamp(1, Timestamp.from(job.wearFrom()));
            ps.setTimestamp(2, Timestamp.from(job.wearTo()));
            ps.execute();
        } catch (SQLException e) {
            LOG.warnf(
                    "Month partitions for baseline import %s could not be created (%s); its samples go to the "
                            + "default partition",
                    job.recordingId(), e.getMessage());
        }
    }

    /** Reads the file and stores its samples of the wear period, all in one transaction. */
    private void store(Job job) throws ImportFailure, SQLException {
        String deviceId = ScoringEngine.BASELINE_DEVICE_PREFIX + job.recordingId();
        ensurePartitions(job);
        try (AccelerometerReader reader = open(job);
                Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                RecordingInfo info = reader.info();
                ZoneOffset offset = info.offset() != null
                        ? info.offset()
                        : job.patientZone().getRules().getOffset(info.start());
                Instant start = info.start().toInstant(offset);
                insertDevice(c, deviceId, job);
                Stored stored = writeSamples(c, reader, deviceId, start, info.sampleRateHz(), job);
                if (stored.samples == 0) {
                    throw new ImportFailure(
                            "from",
                            "no sample of the recording falls within the wear period " + job.wearFrom() + " to "
                                    + job.wearTo() + " (the recording starts at " + start + ")");
                }
                insertStreamTotals(c, deviceId, stored);
                DirtyDays.mark(c, List.of(new DirtyDays.Span(deviceId, stored.first, stored.last)));
                finishReading(c, job.recordingId(), deviceId, stored, info);
                c.commit();
            } catch (ImportFailure | IOException | SQLException | RuntimeException e) {
                // Before the connection goes back to the pool: returning it would commit.
                c.rollback();
                throw e;
            }
        } catch (IOException e) {
            throw new ImportFailure("file", message(e, job.file()));
        }
    }

    private static AccelerometerReader open(Job job) throws ImportFailure {
        try {
            return AccelerometerReader.open(job.file(), job.format());
        } catch (IOException | RuntimeException e) {
            throw new ImportFailure("file", message(e, job.file()));
        }
    }

    /**
     * The reader's message without the spool file's path, printable and bounded. Readers name the
     * place in the file (line, column), which is what the uploader needs.
     */
    static String message(Exception e, Path file) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace(file.toString() + ": ", "").replace(file.toString(), "the file");
        if (e instanceof RuntimeException) {
            m = "the file is not a valid recording of the stated format (" + m + ")";
        }
        return Text.printable(m, 300);
    }

    private void insertDevice(Connection c, String deviceId, Job job) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into device (id, patient_id, placement, range_g, model, registered_at, data_from, revoked_at, "
                        + "source) values (?, ?, ?, ?, 'baseline recording', ?, ?, ?, 'baseline')")) {
            ps.setString(1, deviceId);
            ps.setObject(2, job.patientId());
            ps.setString(3, job.placement());
            // Not checked for an import (the file is what the device recorded); ActiGraph's range.
            ps.setDouble(4, 8);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(job.wearFrom()));
            // Never live: nothing can be sent under it after the import.
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
    }

    /** What an import stored. */
    static final class Stored {
        long samples;
        long outside;
        long batches;
        Instant first;
        Instant last;
    }

    /**
     * Streams the reader's samples into minute batches (float32 g, axis after axis, as ingest
     * stores encoding 2), keeping those within {@code [wearFrom, wearTo)}: samples outside the
     * stated wear period are clipped (counted, not stored).
     */
    private Stored writeSamples(
            Connection c, AccelerometerReader reader, String deviceId, Instant start, int rate, Job job)
            throws SQLException, IOException {
        Stored s = new Stored();
        int chunk = rate * BATCH_SECONDS;
        float[] x = new float[chunk];
        float[] y = new float[chunk];
        float[] z = new float[chunk];
        long fromNanos = nanosSince(start, job.wearFrom());
        long toNanos = nanosSince(start, job.wearTo());
        long index = 0;
        int pending = 0;
        double reported = 0;
        long beat = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                        + "values (?, ?, ?, ?, ?, ?, null, ?)")) {
            for (int n = fill(reader, x, y, z); n > 0; n = fill(reader, x, y, z)) {
                // First and end (exclusive) index in this chunk of the samples inside the wear period.
                int lo = 0;
                while (lo < n && sampleNanos(index + lo, rate) < fromNanos) {
                    lo++;
                }
                int hi = n;
                while (hi > lo && sampleNanos(index + hi - 1, rate) >= toNanos) {
                    hi--;
                }
                s.outside += n - (hi - lo);
                if (hi > lo) {
                    Instant first = start.plusNanos(sampleNanos(index + lo, rate));
                    ps.setString(1, deviceId);
                    ps.setLong(2, s.batches);
                    ps.setTimestamp(3, Timestamp.from(first));
                    ps.setDouble(4, rate);
                    ps.setInt(5, hi - lo);
                    // Packed (encoding 3) when exact, else float32 (encoding 2); never a scale.
                    RawCodec.Stored stored = RawCodec.store(RawCodec.FLOAT32, 0, hi - lo, encode(x, y, z, lo, hi));
                    ps.setShort(6, stored.encoding());
                    ps.setBytes(7, stored.data());
                    ps.addBatch();
                    s.batches++;
                    s.samples += hi - lo;
                    s.first = s.first == null ? first : s.first;
                    s.last = start.plusNanos(sampleNanos(index + hi - 1, rate));
                    if (++pending == ROWS_PER_FLUSH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                index += n;
                if (reader.progress() - reported >= PROGRESS_STEP || System.nanoTime() - beat >= HEARTBEAT_NANOS) {
                    reported = reader.progress();
                    beat = System.nanoTime();
                    progress(job.recordingId(), reported, s.samples);
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return s;
    }

    /** Reads until the arrays are full or the recording ends; the count read, 0 at the end. */
    private static int fill(AccelerometerReader reader, float[] x, float[] y, float[] z) throws IOException {
        int n = 0;
        while (n < x.length) {
            int k = reader.read(x, y, z, n, x.length - n);
            if (k < 0) {
                break;
            }
            n += k;
        }
        return n;
    }

    private static long sampleNanos(long index, int rate) {
        return index * 1_000_000_000L / rate;
    }

    private static long nanosSince(Instant start, Instant t) {
        return java.time.Duration.between(start, t).toNanos();
    }

    private static byte[] encode(float[] x, float[] y, float[] z, int lo, int hi) {
        int n = hi - lo;
        ByteBuffer b = ByteBuffer.allocate(n * 12).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] axis : new float[][] {x, y, z}) {
            for (int i = lo; i < hi; i++) {
                b.putFloat(axis[i]);
            }
        }
        return b.array();
    }

    /**
     * The engine's look-back reads the longest batch from device_stream (V55). No receipt time:
     * nothing was received from a device, so the patient's last sync is not the import.
     */
    private void insertStreamTotals(Connection c, String deviceId, Stored s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into device_stream (device_id, stream, last_seq, batches_accepted, samples_accepted, "
                        + "duplicates, rejections, longest_batch_seconds, last_receipt_at) "
                        + "values (?, 'accel', ?, ?, ?, 0, 0, ?, null)")) {
            ps.setString(1, deviceId);
            ps.setLong(2, s.batches - 1);
            ps.setLong(3, s.batches);
            ps.setLong(4, s.samples);
            ps.setDouble(5, BATCH_SECONDS);
            ps.executeUpdate();
        }
    }

    private void finishReading(Connection c, UUID recordingId, String deviceId, Stored s, RecordingInfo info)
            throws SQLException, ImportFailure {
        try (PreparedStatement ps = c.prepareStatement(
                "update baseline_recording set status = 'scoring', device_id = ?, progress = 1, samples = ?, "
                        + "samples_outside = ?, first_sample = ?, last_sample = ?, rate_hz = ?, file_device = ? "
                        + "where id = ? and status = 'reading'")) {
            ps.setString(1, deviceId);
            ps.setLong(2, s.samples);
            ps.setLong(3, s.outside);
            ps.setTimestamp(4, Timestamp.from(s.first));
            ps.setTimestamp(5, Timestamp.from(s.last));
            ps.setDouble(6, info.sampleRateHz());
            ps.setString(7, Text.printable(info.device(), 64));
            ps.setObject(8, recordingId);
            if (ps.executeUpdate() == 0) {
                // Marked failed as stale meanwhile (or replaced by a new upload): store nothing.
                throw new ImportFailure("file", "the import was interrupted; upload the file again");
            }
        }
    }

    /** Progress is written outside the import's transaction, so that the recording shows it. */
    private void progress(UUID recordingId, double fraction, long samples) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update baseline_recording set progress = ?, samples = ?, heartbeat_at = ? "
                                + "where id = ? and status = 'reading'")) {
            c.setAutoCommit(true);
            ps.setDouble(1, Math.min(0.999, fraction));
            ps.setLong(2, samples);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setObject(4, recordingId);
            ps.executeUpdate();
        }
    }

    private void fail(UUID recordingId, String field, String message) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update baseline_recording set status = 'failed', "
                                + "error_field = ?, error = ?, samples = 0, finished_at = ? where id = ? and status = 'reading'")) {
            c.setAutoCommit(true);
            ps.setString(1, field);
            ps.setString(2, message);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setObject(4, recordingId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Baseline import %s failed and could not be marked so (%s)", recordingId, e.getMessage());
        }
    }
}
