package org.osteon.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.osteon.engine.RawCodec;
import org.osteon.ingest.Inbound.BatchKey;
import org.osteon.ingest.LoadBatch.LoadEvent;

/**
 * The SQL of one write transaction. Every statement covers the whole group of messages
 * (array parameters or JDBC batches), because a round trip per message caps ingest at a few
 * hundred batches a second.
 */
final class IngestRepository {
    private IngestRepository() {}

    /**
     * Inserts the ledger rows with one statement of constant text (the server plans it once,
     * whatever the group's size); returns the keys that were new, the others existed already.
     * Raw rows follow in their own JDBC batch: bytea sent in array literals is hex text, which
     * cost more than the round trip it saved (bench/ingest.sh).
     */
    static Set<BatchKey> insertLedger(Connection c, List<Inbound> firsts) throws SQLException {
        int n = firsts.size();
        Integer[] counts = new Integer[n];
        byte[][] hashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            counts[i] = firsts.get(i).batch.count();
            hashes[i] = firsts.get(i).batch.contentHash();
        }
        Set<BatchKey> inserted = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into ingest_batch (device_id, stream, seq, content_hash, samples, received_at) "
                        + "select d, s, q, h, n, now() from unnest(?::text[], ?::text[], ?::bigint[], ?::bytea[], ?::int[]) "
                        // In key order, so that writers inserting the same keys at once (a re-delivery
                        // in two groups) wait for each other instead of deadlocking.
                        + "as t(d, s, q, h, n) order by d, s, q on conflict do nothing returning device_id, stream, seq")) {
            setKeys(c, ps, keysOf(firsts));
            ps.setArray(4, c.createArrayOf("bytea", hashes));
            ps.setArray(5, c.createArrayOf("integer", counts));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(keyOf(rs));
                }
            }
        }
        return inserted;
    }

    /** Binds keys as the first three parameters: device, stream and seq arrays. */
    private static void setKeys(Connection c, PreparedStatement ps, List<BatchKey> keys) throws SQLException {
        String[] devices = new String[keys.size()], streams = new String[keys.size()];
        Long[] seqs = new Long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            devices[i] = keys.get(i).deviceId();
            streams[i] = keys.get(i).stream().wireName();
            seqs[i] = keys.get(i).seq();
        }
        ps.setArray(1, c.createArrayOf("text", devices));
        ps.setArray(2, c.createArrayOf("text", streams));
        ps.setArray(3, c.createArrayOf("bigint", seqs));
    }

    /** The key in the first three columns: device, stream, seq. */
    private static BatchKey keyOf(ResultSet rs) throws SQLException {
        return new BatchKey(
                rs.getString(1), Stream.fromWireName(rs.getString(2)).orElseThrow(), rs.getLong(3));
    }

    /** The stored content hashes of batches that already existed. */
    static Map<BatchKey, byte[]> storedHashes(Connection c, List<BatchKey> keys) throws SQLException {
        Map<BatchKey, byte[]> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps =
                c.prepareStatement("select b.device_id, b.stream, b.seq, b.content_hash from ingest_batch b "
                        + "join unnest(?::text[], ?::text[], ?::bigint[]) as k(d, s, q) "
                        + "on b.device_id = k.d and b.stream = k.s and b.seq = k.q")) {
            setKeys(c, ps, keys);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(keyOf(rs), rs.getBytes(4));
                }
            }
        }
        return out;
    }

    static void insertAccel(Connection c, List<Inbound> accepted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (Inbound m : accepted) {
                if (m.batch instanceof AccelBatch a) {
                    ps.setString(1, m.deviceId);
                    ps.setLong(2, a.seq());
                    ps.setTimestamp(3, Timestamp.from(a.start()));
                    ps.setDouble(4, a.rateHz());
                    ps.setInt(5, a.samples());
                    // Stored packed (encoding 3) when lossless; the ledger's hash stays that of the wire form.
                    RawCodec.Stored stored = m.stored;
                    ps.setShort(6, stored.encoding());
                    if (stored.scale() != null) {
                        ps.setDouble(7, stored.scale());
                    } else {
                        ps.setNull(7, Types.DOUBLE);
                    }
                    ps.setBytes(8, stored.data());
                    ps.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    static void insertLoad(Connection c, List<Inbound> accepted) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into load_event (device_id, seq, idx, t, kind, exercise, sets, reps, load_kg, one_rm_kg, "
                        + "peak_bw, cycles) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (Inbound m : accepted) {
                if (m.batch instanceof LoadBatch l) {
                    for (int i = 0; i < l.events().size(); i++) {
                        LoadEvent e = l.events().get(i);
                        ps.setString(1, m.deviceId);
                        ps.setLong(2, l.seq());
                        ps.setInt(3, i);
                        ps.setTimestamp(4, Timestamp.from(e.t()));
                        ps.setString(5, e.kind());
                        ps.setString(6, e.exercise());
                        ps.setObject(7, e.sets(), Types.INTEGER);
                        ps.setObject(8, e.reps(), Types.INTEGER);
                        ps.setObject(9, e.loadKg(), Types.DOUBLE);
                        ps.setObject(10, e.oneRmKg(), Types.DOUBLE);
                        ps.setObject(11, e.peakBw(), Types.DOUBLE);
                        ps.setObject(12, e.cycles(), Types.INTEGER);
                        ps.addBatch();
                        rows++;
                    }
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    /** A rejection to record; the payload itself is never stored. */
    record RejectionRow(
            String deviceId, Stream stream, Long seq, Rejection rejection, int payloadBytes, byte[] payloadSha256) {}

    static void insertRejections(Connection c, List<RejectionRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into ingest_rejection (device_id, stream, seq, reason_code, reason, payload_bytes, "
                        + "payload_sha256, received_at) values (?, ?, ?, ?, ?, ?, ?, now())")) {
            for (RejectionRow r : rows) {
                ps.setString(1, r.deviceId());
                ps.setString(2, r.stream().wireName());
                ps.setObject(3, r.seq(), Types.BIGINT);
                ps.setString(4, r.rejection().code().tag());
                ps.setString(5, r.rejection().reason());
                ps.setInt(6, r.payloadBytes());
                ps.setBytes(7, r.payloadSha256());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Messages of one unregistered id in a group: how many, and the last one's stream and reason. */
    record Unregistered(long messages, Stream stream, Rejection.Code code) {}

    static void countUnregistered(Connection c, TreeMap<String, Unregistered> byId) throws SQLException {
        if (byId.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into ingest_unregistered as u (device_id, messages, first_seen, last_seen, last_stream, "
                        + "last_reason_code) values (?, ?, now(), now(), ?, ?) on conflict (device_id) do update set "
                        + "messages = u.messages + excluded.messages, last_seen = now(), "
                        + "last_stream = excluded.last_stream, last_reason_code = excluded.last_reason_code")) {
            for (Map.Entry<String, Unregistered> e : byId.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setLong(2, e.getValue().messages());
                ps.setString(3, e.getValue().stream().wireName());
                ps.setString(4, e.getValue().code().tag());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Totals to add for one device and stream. */
    static final class Totals {
        long batches, samples, duplicates, rejections;
        Long lastSeq;
        /** The longest accepted batch in seconds (accelerometer), which bounds the engine's look-back. */
        double longestSeconds;

        void accepted(long seq, int count, double seconds) {
            batches++;
            samples += count;
            lastSeq = lastSeq == null ? seq : Math.max(lastSeq, seq);
            longestSeconds = Math.max(longestSeconds, seconds);
        }
    }

    /**
     * Adds to the running totals. Rows are updated in key order so that two instances writing
     * the same devices cannot deadlock.
     */
    static void addTotals(Connection c, TreeMap<String, Totals> byDeviceStream) throws SQLException {
        if (byDeviceStream.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into device_stream as d (device_id, stream, last_seq, batches_accepted, samples_accepted, "
                        + "duplicates, rejections, longest_batch_seconds, last_receipt_at) values (?, ?, ?, ?, ?, ?, ?, ?, now()) "
                        + "on conflict (device_id, stream) do update set "
                        + "last_seq = greatest(d.last_seq, excluded.last_seq), "
                        + "batches_accepted = d.batches_accepted + excluded.batches_accepted, "
                        + "samples_accepted = d.samples_accepted + excluded.samples_accepted, "
                        + "duplicates = d.duplicates + excluded.duplicates, "
                        + "rejections = d.rejections + excluded.rejections, "
                        + "longest_batch_seconds = greatest(d.longest_batch_seconds, excluded.longest_batch_seconds), "
                        + "last_receipt_at = now()")) {
            for (Map.Entry<String, Totals> e : byDeviceStream.entrySet()) {
                int sep = e.getKey().lastIndexOf('/');
                Totals t = e.getValue();
                ps.setString(1, e.getKey().substring(0, sep));
                ps.setString(2, e.getKey().substring(sep + 1));
                ps.setObject(3, t.lastSeq, Types.BIGINT);
                ps.setLong(4, t.batches);
                ps.setLong(5, t.samples);
                ps.setLong(6, t.duplicates);
                ps.setLong(7, t.rejections);
                ps.setDouble(8, t.longestSeconds);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<BatchKey> keysOf(List<Inbound> messages) {
        List<BatchKey> keys = new ArrayList<>(messages.size());
        for (Inbound m : messages) {
            keys.add(m.key());
        }
        return keys;
    }
}
