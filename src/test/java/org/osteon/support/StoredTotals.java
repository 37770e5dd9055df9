package org.osteon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the database holds after a run, checked against what was sent. */
public final class StoredTotals {
    private StoredTotals() {}

    public static long storedBatches(TestDatabase db) throws SQLException {
        return db.queryLong("select count(*) from ingest_batch where stream = 'accel'");
    }

    /** Every batch exactly once: ledger, raw rows, samples and the running totals all agree with what was sent. */
    public static void assertExactlyOnce(TestDatabase db, NoLossRun run) throws SQLException {
        assertThat(storedBatches(db)).as("ledger rows").isEqualTo(run.total());
        assertThat(db.queryLong("select count(*) from accel_batch"))
                .as("raw batches")
                .isEqualTo(run.total());
        assertThat(db.queryLong("select coalesce(sum(samples), 0) from accel_batch"))
                .as("raw samples")
                .isEqualTo(run.totalSamples());
        assertThat(db.queryLong("select coalesce(sum(batches_accepted), 0) from device_stream"))
                .as("accepted totals")
                .isEqualTo(run.total());
        assertThat(db.queryLong("select coalesce(sum(samples_accepted), 0) from device_stream"))
                .as("sample totals")
                .isEqualTo(run.totalSamples());
        assertThat(db.queryLong("select count(*) from ingest_rejection"))
                .as("rejections")
                .isZero();
    }

    /**
     * For devices that forget a batch once the broker acknowledged it: every acknowledged batch is
     * stored, and whatever is stored is stored once (raw rows, samples and totals agree with the ledger).
     */
    public static void assertEveryAcknowledgedStoredOnce(TestDatabase db, NoLossRun run) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select device_id, seq from ingest_batch where stream = 'accel'")) {
            while (rs.next()) {
                stored.add(rs.getString(1) + "/" + rs.getLong(2));
            }
        }
        Set<String> missing = new HashSet<>(run.acknowledged());
        missing.removeAll(stored);
        assertThat(missing.size())
                .as("batches the broker acknowledged but that were never stored, by device: %s", byDevice(missing))
                .isZero();
        long ledger = stored.size();
        assertThat(db.queryLong("select count(*) from accel_batch"))
                .as("raw batches")
                .isEqualTo(ledger);
        assertThat(db.queryLong("select coalesce(sum(samples), 0) from accel_batch"))
                .as("raw samples")
                .isEqualTo(ledger * NoLossRun.SAMPLES);
        assertThat(db.queryLong("select coalesce(sum(batches_accepted), 0) from device_stream"))
                .as("accepted totals")
                .isEqualTo(ledger);
        assertThat(db.queryLong("select count(*) from ingest_rejection"))
                .as("rejections")
                .isZero();
    }

    private static Map<String, String> byDevice(Set<String> keys) {
        Map<String, TreeSet<Long>> seqs = new TreeMap<>();
        for (String k : keys) {
            int slash = k.lastIndexOf('/');
            seqs.computeIfAbsent(k.substring(0, slash), d -> new TreeSet<>())
                    .add(Long.parseLong(k.substring(slash + 1)));
        }
        Map<String, String> ranges = new TreeMap<>();
        seqs.forEach((device, s) -> ranges.put(device, s.size() + " from seq " + s.first() + " to " + s.last()));
        return ranges;
    }
}
