package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.osteon.simulator.DayPlanner;
import org.osteon.simulator.SignalGenerator;
import org.osteon.support.Registry;

/**
 * Bytes per patient-day on stored rows (docs/scaling.md, "Bytes per patient-day"): one simulator
 * day at 100 Hz in one-minute batches, stored as ingest stores it (binary frames: int16 counts;
 * JSON: four decimals), measured as the growth of accel_batch's partitions with their indexes
 * and TOAST (pg_total_relation_size), so row and index overhead are included.
 */
@QuarkusTest
class StoredSizeTest {
    @Inject
    DataSource db;

    @Test
    void aSimulatorDayStoredAsIngestStoresIt() throws Exception {
        LocalDate day = LocalDate.of(2026, 11, 3);
        SignalGenerator gen = new SignalGenerator("size", DayPlanner.day(42, 0, day), 100, 42);
        int total = (int) gen.totalSamples();
        float[][] v = new float[3][total];
        int n = gen.fill(v[0], v[1], v[2], 0, total);
        float scale = (float) Math.floor(Short.MAX_VALUE / 8.0);
        for (boolean json : new boolean[] {false, true}) {
            String device = Registry.newDevice(Registry.newPatient(), 8);
            long before = size();
            long rows = store(device, day.atStartOfDay(ZoneOffset.UTC).toInstant(), v, n, scale, json);
            long bytes = size() - before;
            System.out.printf(
                    "stored day (%s): %d samples in %d rows, %d bytes with rows and indexes, %.3f bytes/sample%n",
                    json ? "JSON, 4 decimals" : "binary frames, int16", n, rows, bytes, (double) bytes / n);
            assertThat((double) bytes / n).isLessThan(json ? 5.0 : 4.5);
        }
    }

    private long store(String device, Instant start, float[][] v, int n, float scale, boolean json) throws Exception {
        int minute = 6000;
        long rows = 0;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                                + "values (?, ?, ?, 100, ?, ?, ?, ?)")) {
            for (int from = 0; from < n; from += minute) {
                int to = Math.min(n, from + minute);
                byte[] plain;
                RawCodec.Stored s;
                if (json) {
                    float[][] axes = new float[3][to - from];
                    for (int a = 0; a < 3; a++) {
                        for (int i = from; i < to; i++) {
                            axes[a][i - from] = (float) (Math.round(v[a][i] * 10_000.0) / 10_000.0);
                        }
                    }
                    plain = RawCodecTest.float32(axes, 0, to - from);
                    s = RawCodec.store(RawCodec.FLOAT32, 0, to - from, plain);
                } else {
                    short[][] axes = new short[3][to - from];
                    for (int a = 0; a < 3; a++) {
                        for (int i = from; i < to; i++) {
                            axes[a][i - from] =
                                    (short) Math.max(-8 * scale, Math.min(8 * scale, Math.round(v[a][i] * scale)));
                        }
                    }
                    plain = RawCodecTest.int16(axes, 0, to - from);
                    s = RawCodec.store(RawCodec.INT16, scale, to - from, plain);
                }
                ps.setString(1, device);
                ps.setLong(2, rows);
                ps.setTimestamp(3, Timestamp.from(start.plusSeconds(from / 100)));
                ps.setInt(4, to - from);
                ps.setShort(5, s.encoding());
                if (s.scale() != null) {
                    ps.setDouble(6, s.scale());
                } else {
                    ps.setNull(6, Types.DOUBLE);
                }
                ps.setBytes(7, s.data());
                ps.addBatch();
                rows++;
            }
            ps.executeBatch();
        }
        return rows;
    }

    /** accel_batch's partitions with their indexes and TOAST, in bytes. */
    private long size() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('accel_batch') "
                                + "where isleaf");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
