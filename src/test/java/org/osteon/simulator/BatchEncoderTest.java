package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.osteon.ingest.AccelBatch;
import org.osteon.ingest.AccelJsonDecoder;
import org.osteon.ingest.BinaryFrame;
import org.osteon.ingest.Limits;

/** Simulated payloads read back by Osteon's own decoders give the generated samples. */
class BatchEncoderTest {
    static final Limits LIMITS = new Limits(16 << 20, 400_000, 10_000, Duration.ofHours(24));
    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    /** A jump session's second: landing peaks, near-zero flight and small negative values. */
    static float[][] jumpingSeconds() {
        DayPlan plan = DayPlan.of(START, java.util.List.of(new Segment(Activity.JUMPS, 0, 30, 5.95)));
        SignalGenerator g = new SignalGenerator("d", plan, 50, 1);
        float[][] s = new float[3][1500];
        g.fill(s[0], s[1], s[2], 0, 1500);
        return s;
    }

    @Test
    void jsonBatchDecodesToTheSamplesWithinATenthOfAMilliG() throws Exception {
        float[][] s = jumpingSeconds();
        byte[] payload = new BatchEncoder(PayloadFormat.JSON, 16).accel(42, START, 50, s[0], s[1], s[2], 1500);
        AccelBatch b = new AccelJsonDecoder(LIMITS).decode(payload, START);

        assertThat(b.seq()).isEqualTo(42);
        assertThat(b.start()).isEqualTo(START);
        assertThat(b.samples()).isEqualTo(1500);
        assertThat(b.encoding()).isEqualTo(AccelBatch.FLOAT32);
        ByteBuffer data = ByteBuffer.wrap(b.data()).order(ByteOrder.LITTLE_ENDIAN);
        double maxAbs = 0;
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < 1500; i++) {
                assertThat((double) data.getFloat()).isCloseTo(s[axis][i], within(0.000051));
                maxAbs = Math.max(maxAbs, Math.abs(s[axis][i]));
            }
        }
        assertThat(maxAbs).as("a landing is in the batch").isGreaterThan(4);
        assertThat(b.maxAbsG()).isCloseTo(maxAbs, within(0.000051));
    }

    @Test
    void binaryFrameDecodesToTheSamplesWithinHalfACount() throws Exception {
        float[][] s = jumpingSeconds();
        byte[] payload = new BatchEncoder(PayloadFormat.BINARY, 16).accel(7, START, 50, s[0], s[1], s[2], 1500);
        AccelBatch b = new BinaryFrame(LIMITS).decode(payload, START);

        assertThat(b.seq()).isEqualTo(7);
        assertThat(b.scale()).isEqualTo(2047);
        ByteBuffer data = ByteBuffer.wrap(b.data()).order(ByteOrder.LITTLE_ENDIAN);
        for (int axis = 0; axis < 3; axis++) {
            for (int i = 0; i < 1500; i++) {
                assertThat(data.getShort() / 2047.0).isCloseTo(s[axis][i], within(0.5 / 2047 + 1e-6));
            }
        }
    }
}
