package org.osteon.device;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osteon.common.Jdbc;
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

    private final Jdbc jdbc;
    private final LastSync lastSync;

    public SyncStatusRepository(Jdbc jdbc, LastSync lastSync) {
        this.jdbc = jdbc;
        this.lastSync = lastSync;
    }

    public SyncStatus of(String deviceId) {
        List<StreamStatus> streams = new ArrayList<>();
        for (Stream s : Stream.values()) {
            streams.add(stream(deviceId, s));
        }
        return new SyncStatus(deviceId, streams);
    }

    private StreamStatus stream(String deviceId, Stream s) {
        String stream = s.wireName();
        StreamStatus totals = jdbc.one(
                        "select last_seq, batches_accepted, samples_accepted, duplicates, rejections, "
                                + "last_receipt_at from device_stream where device_id = ? and stream = ?",
                        rs -> new StreamStatus(
                                stream,
                                rs.getObject(1, Long.class),
                                rs.getLong(2),
                                rs.getLong(3),
                                null,
                                rs.getLong(4),
                                rs.getLong(5),
                                0,
                                List.of(),
                                instant(rs.getTimestamp(6)),
                                null,
                                null),
                        deviceId,
                        stream)
                .orElse(new StreamStatus(stream, null, 0, 0L, null, 0, 0, 0, List.of(), null, null, null));
        // In numeric: seqs 0 and 2^63 - 1 overflow bigint arithmetic, though the result always fits.
        long missing = jdbc.one(
                        "select coalesce(max(seq)::numeric - min(seq) + 1 - count(*), 0) from ingest_batch "
                                + "where device_id = ? and stream = ?",
                        rs -> rs.getLong(1),
                        deviceId,
                        stream)
                .orElse(0L);
        List<SeqGap> gaps = missing == 0
                ? List.of()
                : jdbc.list(
                        "select prev + 1, seq - 1 from (select seq, lag(seq) over (order by seq) as prev "
                                + "from ingest_batch where device_id = ? and stream = ?) s "
                                + "where seq - prev > 1 order by seq limit " + MAX_GAPS,
                        rs -> new SeqGap(rs.getLong(1), rs.getLong(2)),
                        deviceId,
                        stream);
        Instant lastAccepted = lastSync.acceptedOf(deviceId, s).orElse(null);
        LastRejection lastRejection = jdbc.one(
                        "select seq, reason_code, reason, received_at from ingest_rejection "
                                + "where device_id = ? and stream = ? order by received_at desc, id desc limit 1",
                        rs -> new LastRejection(
                                rs.getObject(1, Long.class),
                                rs.getString(2),
                                rs.getString(3),
                                instant(rs.getTimestamp(4))),
                        deviceId,
                        stream)
                .orElse(null);
        boolean events = s == Stream.LOAD;
        long counted = totals.samplesAccepted();
        return new StreamStatus(
                stream,
                totals.lastSeq(),
                totals.batchesAccepted(),
                events ? null : counted,
                events ? counted : null,
                totals.duplicates(),
                totals.rejections(),
                missing,
                gaps,
                totals.lastReceiptAt(),
                lastAccepted,
                lastRejection);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
