package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Registry;

/**
 * Rows stored before encoding 3 are re-encoded in place and decode to the same floats, bit for
 * bit, so the engine's scores of their day cannot change; a second pass changes nothing.
 */
@QuarkusTest
class RawReencodingTest {
    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Inject
    RawReencoding reencoding;

    @Test
    void oldRowsBecomeEncodingThreeAndDecodeIdentically() throws Exception {
        String device = Registry.newDevice(Registry.newPatient(), 8);
        short[][] counts = RawCodecTest.bhelselCounts();
        float[][] g = RawCodecTest.bhelselG();
        Instant start = clock.instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        int minute = 6000;
        for (int m = 0; m < 3; m++) {
            int from = m * minute;
            Timestamp at = Timestamp.from(start.plusSeconds(60L * m));
            if (m % 2 == 0) {
                jdbc.update(
                        "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                                + "values (?, ?, ?, 100, ?, 1, 256, ?)",
                        device,
                        (long) m,
                        at,
                        minute,
                        RawCodecTest.int16(counts, from, from + minute));
            } else {
                jdbc.update(
                        "insert into accel_batch (device_id, seq, start_at, rate_hz, samples, encoding, scale, data) "
                                + "values (?, ?, ?, 100, ?, 2, null, ?)",
                        device,
                        (long) m,
                        at,
                        minute,
                        RawCodecTest.float32(g, from, from + minute));
            }
        }
        List<int[]> before = decoded(device);
        long bytesBefore = jdbc.count("select sum(length(data)) from accel_batch where device_id = ?", device);

        reencoding.restart();
        while (!reencoding.runOnce(2).finished()) {
            // bounded passes of two rows each, as the scheduled job does with rows-per-run
        }

        assertThat(jdbc.count("select count(*) from accel_batch where device_id = ? and encoding = 3", device))
                .isEqualTo(3);
        long bytesAfter = jdbc.count("select sum(length(data)) from accel_batch where device_id = ?", device);
        assertThat(bytesAfter).isLessThan(bytesBefore / 3);
        List<int[]> after = decoded(device);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).containsExactly(before.get(i));
        }

        reencoding.restart();
        reencoding.runOnce(100);
        assertThat(decoded(device).get(1)).containsExactly(before.get(1));
    }

    /** Each row's samples as the engine decodes them, as float bits. */
    private List<int[]> decoded(String device) {
        List<RawBatch> batches = jdbc.list(
                "select seq, samples, encoding, scale, data from accel_batch where device_id = ? order by seq",
                rs -> new RawBatch(
                        rs.getLong(1), 0, 100, rs.getInt(2), rs.getShort(3), rs.getDouble(4), rs.getBytes(5)),
                device);
        List<int[]> out = new ArrayList<>();
        for (RawBatch b : batches) {
            int n = b.samples();
            float[][] a = new float[3][n];
            b.decode(0, n, a[0], a[1], a[2]);
            int[] bits = new int[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                bits[i] = Float.floatToRawIntBits(a[i / n][i % n]);
            }
            out.add(bits);
        }
        return out;
    }
}
