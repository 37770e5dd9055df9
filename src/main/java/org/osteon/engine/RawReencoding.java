package org.osteon.engine;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.jboss.logging.Logger;

/**
 * Re-encodes raw batches stored as encoding 1 or 2 into encoding 3 ({@link RawCodec}), a bounded
 * number of rows per transaction, in (start_at, device_id, seq) order. Idempotent: a row is
 * updated only while it still has the encoding it was read with, and float32 rows that have no
 * exact packed form stay encoding 2. Resumable: a restart starts over and skips what is done,
 * the only rows it reads again being those float32 rows. One replica at a time (advisory lock).
 * Decoded values are the same bit for bit, so scores do not change.
 */
@ApplicationScoped
public class RawReencoding {
    private static final Logger LOG = Logger.getLogger(RawReencoding.class);
    private static final long LOCK_KEY = 0x05_7E_0A_70L;

    private final AgroalDataSource dataSource;
    private final RawReencodingConfig config;

    /** The last row looked at, (start_at, device_id, seq); null before the first. */
    private Timestamp afterStart;

    private String afterDevice;
    private long afterSeq;
    private volatile boolean done;

    public RawReencoding(AgroalDataSource dataSource, RawReencodingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** What one run did. */
    public record Report(int read, int reencoded, long bytesBefore, long bytesAfter, boolean finished) {}

    @Scheduled(
            every = "${osteon.raw-reencode.every:10s}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled() || done) {
            return;
        }
        try {
            Report r = runOnce(config.rowsPerRun());
            if (r.reencoded() > 0 || r.finished()) {
                LOG.infof(
                        "Raw re-encoding: %d rows, %d -> %d bytes%s",
                        r.reencoded(), r.bytesBefore(), r.bytesAfter(), r.finished() ? "; all old rows done" : "");
            }
        } catch (SQLException e) {
            // The SQLState only: a failed batch's message would hold the raw data.
            LOG.errorf("Raw re-encoding failed (SQLState %s); it runs again in %s", e.getSQLState(), config.every());
        }
    }

    /** Re-encodes up to {@code rows} old rows after the last one seen, in one transaction. */
    public synchronized Report runOnce(int rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Report r = runOnce(c, rows);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Report runOnce(Connection c, int rows) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new Report(0, 0, 0, 0, false);
                }
            }
        }
        int read = 0;
        int reencoded = 0;
        long before = 0;
        long after = 0;
        try (PreparedStatement select = c.prepareStatement(
                        "select device_id, seq, start_at, samples, encoding, scale, data from accel_batch "
                                + "where encoding in (1, 2)"
                                + (afterStart == null ? "" : " and (start_at, device_id, seq) > (?, ?, ?)")
                                + " order by start_at, device_id, seq limit ? for update skip locked");
                PreparedStatement update =
                        c.prepareStatement("update accel_batch set encoding = ?, scale = ?, data = ? "
                                + "where device_id = ? and seq = ? and start_at = ? and encoding = ?")) {
            int p = 1;
            if (afterStart != null) {
                select.setTimestamp(p++, afterStart);
                select.setString(p++, afterDevice);
                select.setLong(p++, afterSeq);
            }
            select.setInt(p, rows);
            Timestamp lastStart = afterStart;
            String lastDevice = afterDevice;
            long lastSeq = afterSeq;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    read++;
                    lastDevice = rs.getString(1);
                    lastSeq = rs.getLong(2);
                    lastStart = rs.getTimestamp(3);
                    short encoding = rs.getShort(5);
                    byte[] data = rs.getBytes(7);
                    RawCodec.Stored s = RawCodec.store(encoding, rs.getDouble(6), rs.getInt(4), data);
                    if (s.encoding() == encoding) {
                        continue; // float32 without an exact packed form
                    }
                    update.setShort(1, s.encoding());
                    if (s.scale() != null) {
                        update.setDouble(2, s.scale());
                    } else {
                        update.setNull(2, Types.DOUBLE);
                    }
                    update.setBytes(3, s.data());
                    update.setString(4, lastDevice);
                    update.setLong(5, lastSeq);
                    update.setTimestamp(6, lastStart);
                    update.setShort(7, encoding);
                    update.addBatch();
                    reencoded++;
                    before += data.length;
                    after += s.data().length;
                }
            }
            if (reencoded > 0) {
                update.executeBatch();
            }
            afterStart = lastStart;
            afterDevice = lastDevice;
            afterSeq = lastSeq;
        }
        boolean finished = read < rows;
        done = finished;
        return new Report(read, reencoded, before, after, finished);
    }

    /** Starts over from the first row (after a restore of old rows, and for tests). */
    public synchronized void restart() {
        afterStart = null;
        afterDevice = null;
        afterSeq = 0;
        done = false;
    }
}
