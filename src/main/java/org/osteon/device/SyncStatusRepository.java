package org.osteon.device;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osteon.device.DeviceDtos.LastRejection;
import org.osteon.device.DeviceDtos.SeqGap;
import org.osteon.device.DeviceDtos.StreamStatus;
import org.osteon.device.DeviceDtos.SyncStatus;
import org.osteon.ingest.LastSync;
import org.osteon.ingest.Stream;

/**
 * Reads sync status from the running totals and the ingest ledger; the newest accepted batch is
 * ingest's own answer ({@link LastSync}), the one the no-sync alert reads.
 */
@ApplicationScoped
public class SyncStatusRepository {
    /** Gaps listed per stream; the total of missing seqs is always complete. */
    static final int MAX_GAPS = 100;

    private final AgroalDataSource dataSource;
    private final LastSync lastSync;

    public SyncStatusRepository(AgroalDataSource dataSource, LastSync lastSync) {
        this.dataSource = dataSource;
        this.lastSync = lastSync;
    }

    public SyncStatus of(String deviceId) {
        try (Connection c = dataSource.getConnection()) {
            List<StreamStatus> streams = new ArrayList<>();
            for (Stream s : Stream.values()) {
                streams.add(stream(c, deviceId, s));
            }
            return new SyncStatus(deviceId, streams);
        } catch (SQLException e) {
            throw new IllegalStateException("sync status of device " + deviceId + " could not be read", e);
        }
    }

    private StreamStatus stream(Connection c, String deviceId, Stream s) throws SQLException {
        String stream = s.wireName();
        StreamStatus totals = first(c, "select last_seq, batches_accepted, samples_accepted, duplicates, rejections, "
                + "last_receipt_at from device_stream where device_id = ? and stream = ?", deviceId, stream,
                rs -> new StreamStatus(stream, rs.getObject(1, Long.class), rs.getLong(2), rs.getLong(3), null,
                        rs.getLong(4), rs.getLong(5), 0, List.of(), instant(rs.getTimestamp(6)), null, null));
        if (totals == null) {
            totals = new StreamStatus(stream, null, 0, 0L, null, 0, 0, 0, List.of(), null, null, null);
        }
        // In numeric: seqs 0 and 2^63 - 1 overflow bigint arithmetic, though the result always fits.
        long missing = first(c, "select coalesce(max(seq)::numeric - min(seq) + 1 - count(*), 0) from ingest_batch "
                + "where device_id = ? and stream = ?", deviceId, stream, rs -> rs.getLong(1));
        List<SeqGap> gaps = new ArrayList<>();
        if (missing > 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select prev + 1, seq - 1 from (select seq, lag(seq) over (order by seq) as prev "
                            + "from ingest_batch where device_id = ? and stream = ?) s "
                            + "where seq - prev > 1 order by seq limit " + MAX_GAPS)) {
                ps.setString(1, deviceId);
                ps.setString(2, stream);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        gaps.add(new SeqGap(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
        }
        Instant lastAccepted = lastSync.acceptedOf(deviceId, s).orElse(null);
        LastRejection lastRejection = first(c, "select seq, reason_code, reason, received_at from ingest_rejection "
                + "where device_id = ? and stream = ? order by received_at desc, id desc limit 1", deviceId, stream,
                rs -> new LastRejection(rs.getObject(1, Long.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4))));
        boolean events = s == Stream.LOAD;
        long counted = totals.samplesAccepted();
        return new StreamStatus(stream, totals.lastSeq(), totals.batchesAccepted(), events ? null : counted,
                events ? counted : null, totals.duplicates(), totals.rejections(), missing, gaps, totals.lastReceiptAt(),
                lastAccepted, lastRejection);
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row of a query by device and stream, or null. */
    private static <T> T first(Connection c, String sql, String deviceId, String stream, Row<T> row)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            ps.setString(2, stream);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
