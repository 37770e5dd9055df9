package org.osteon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

/** What the database holds after a run, checked against what was sent. */
public final class StoredTotals {
    private StoredTotals() {}

    public static long storedBatches(TestDatabase db) throws SQLException {
        return db.queryLong("select count(*) from ingest_batch where stream = 'accel'");
    }

    /** Every batch exactly once: ledger, raw rows, samples and the running totals all agree with what was sent. */
    public static void assertExactlyOnce(TestDatabase db, NoLossRun run) throws SQLException {
        assertThat(storedBatches(db)).as("ledger rows").isEqualTo(run.total());
        assertThat(db.queryLong("select count(*) from accel_batch")).as("raw batches").isEqualTo(run.total());
        assertThat(db.queryLong("select coalesce(sum(samples), 0) from accel_batch")).as("raw samples")
                .isEqualTo(run.totalSamples());
        assertThat(db.queryLong("select coalesce(sum(batches_accepted), 0) from device_stream")).as("accepted totals")
                .isEqualTo(run.total());
        assertThat(db.queryLong("select coalesce(sum(samples_accepted), 0) from device_stream")).as("sample totals")
                .isEqualTo(run.totalSamples());
        assertThat(db.queryLong("select count(*) from ingest_rejection")).as("rejections").isZero();
    }
}
