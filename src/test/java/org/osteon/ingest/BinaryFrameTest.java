package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.scoring.io.AccelerometerReader;
import org.osteon.support.Batches;

class BinaryFrameTest {
    static final Limits LIMITS = new Limits(16 << 20, 400_000, 10_000, Duration.ofHours(24));
    static final Instant START = Instant.parse("2026-11-27T08:00:00.123456Z");
    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void bothEncodingsDecodeToTheSamplesAndHeaderThatWereSent() throws Exception {
        short[][] counts = {{0, 1, -1, 32767, -32768, 5}, {100, -100, 7, 7, 7, 0}, {4096, 4100, 4090, 0, 1, 2}};
        for (int encoding : new int[] {BinaryFrame.PLAIN, BinaryFrame.DELTA}) {
            AccelBatch b =
                    new BinaryFrame(LIMITS).decode(BinaryFrame.encode(42, START, 100, 4096, counts, encoding), NOW);
            assertThat(b.seq()).isEqualTo(42);
            assertThat(b.start()).isEqualTo(START);
            assertThat(b.rateHz()).isEqualTo(100);
            assertThat(b.scale()).isEqualTo(4096);
            assertThat(b.samples()).isEqualTo(6);
            assertThat(axes(b)).isEqualTo(counts);
            assertThat(b.maxAbsField()).isEqualTo("x[4]");
            assertThat(b.maxAbsG()).isEqualTo(8.0);
        }
    }

    @Test
    void deltaFrameIsAtLeastFourTimesSmallerThanJsonOnARealRecording() throws Exception {
        // AGread's ActiLife export: 3 minutes of a waist-worn device at 90 Hz, 3 decimals as
        // ActiLife writes them. At 1000 LSB per g the frame carries exactly the same values.
        List<float[]> axes = read(Path.of("src/test/resources/eval/agread/exampleRAW.csv"));
        int n = axes.get(0).length;
        long json = 0, plain = 0, delta = 0;
        for (int from = 0, seq = 0; from + 90 <= n; from += 90, seq++) {
            float[][] g = new float[3][];
            short[][] c = new short[3][90];
            for (int a = 0; a < 3; a++) {
                g[a] = java.util.Arrays.copyOfRange(axes.get(a), from, from + 90);
                for (int i = 0; i < 90; i++) {
                    c[a][i] = (short) Math.round(g[a][i] * 1000);
                }
            }
            Instant t = START.plusSeconds(seq);
            json += Batches.accelJson(seq, t, 90, g[0], g[1], g[2]).length;
            plain += BinaryFrame.encode(seq, t, 90, 1000, c, BinaryFrame.PLAIN).length;
            delta += BinaryFrame.encode(seq, t, 90, 1000, c, BinaryFrame.DELTA).length;
        }
        assertThat((double) json / delta).as("JSON / delta frame").isGreaterThanOrEqualTo(4.0);
        assertThat((double) json / plain).as("JSON / plain frame").isGreaterThan(3.0);
    }

    @Test
    void decodingAllocatesNothingPerSample() throws Exception {
        int n = 360_000;
        short[][] counts = new short[3][n];
        for (int i = 0; i < n; i++) {
            counts[0][i] = (short) (i % 200 - 100);
            counts[2][i] = (short) (4096 + i % 50);
        }
        byte[] frame = BinaryFrame.encode(1, START, 100, 4096, counts, BinaryFrame.DELTA);
        BinaryFrame decoder = new BinaryFrame(LIMITS);
        decoder.decode(frame, NOW);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        AccelBatch b = decoder.decode(frame, NOW);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // The stored form (6 bytes a sample) plus a small constant; one object per sample would
        // add at least 16 bytes a sample.
        assertThat(allocated).isLessThan(b.data().length + 64 * 1024L);
    }

    @Test
    void damagedFramesAreRefusedNamingWhatIsWrong() {
        byte[] good = BinaryFrame.encode(3, START, 100, 4096, new short[3][10], BinaryFrame.DELTA);
        assertRefused(java.util.Arrays.copyOf(good, 20), "shorter than the 36-byte header");
        assertRefused(java.util.Arrays.copyOf(good, good.length - 1), "frame.z");
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 2);
        assertRefused(longer, "2 bytes after the z block");
        byte[] version = good.clone();
        version[4] = 9;
        assertRefused(version, "frame.version");
        byte[] encoding = good.clone();
        encoding[5] = 7;
        assertRefused(encoding, "frame.encoding");
        byte[] scale = good.clone();
        ByteBuffer.wrap(scale).order(ByteOrder.LITTLE_ENDIAN).putFloat(28, 0f);
        assertRefused(scale, "scale: must be a finite number > 0");
        byte[] empty = BinaryFrame.encode(3, START, 100, 4096, new short[3][0], BinaryFrame.PLAIN);
        assertRefused(empty, "x: must hold at least one sample");
        byte[] rate = BinaryFrame.encode(3, START, 2000, 4096, new short[3][1], BinaryFrame.PLAIN);
        assertRefused(rate, "rateHz: must be between 1 and 1000");
    }

    @Test
    void exampleOfTheDocumentationDecodes() throws Exception {
        String hex = "4f535442" + "01" + "00" + "0000" + "0700000000000000" + "00205f723d610600" + "00004842"
                + "00008045" + "02000000" + "00000c00" + "fcfffcff" + "0010fa0f";
        byte[] frame = java.util.HexFormat.of().parseHex(hex);
        AccelBatch b = new BinaryFrame(LIMITS).decode(frame, NOW);
        assertThat(b.seq()).isEqualTo(7);
        assertThat(b.start()).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(b.rateHz()).isEqualTo(50);
        assertThat(axes(b)).isEqualTo(new short[][] {{0, 12}, {-4, -4}, {4096, 4090}});
        assertThat(frame).isEqualTo(BinaryFrame.encode(7, b.start(), 50, 4096, axes(b), BinaryFrame.PLAIN));
    }

    @Test
    void framesAreToldApartFromJsonByTheirMagic() {
        assertThat(BinaryFrame.isFrame(BinaryFrame.encode(0, START, 50, 100, new short[3][1], 0)))
                .isTrue();
        assertThat(BinaryFrame.isFrame("{\"seq\":0}".getBytes())).isFalse();
    }

    private static void assertRefused(byte[] frame, String reason) {
        assertThatThrownBy(() -> new BinaryFrame(LIMITS).decode(frame, NOW))
                .isInstanceOf(Rejection.Exception.class)
                .hasMessageContaining(reason);
    }

    private static short[][] axes(AccelBatch b) {
        ByteBuffer buf = ByteBuffer.wrap(b.data()).order(ByteOrder.LITTLE_ENDIAN);
        short[][] out = new short[3][b.samples()];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < b.samples(); i++) {
                out[a][i] = buf.getShort();
            }
        }
        return out;
    }

    private static List<float[]> read(Path file) throws Exception {
        try (AccelerometerReader r = AccelerometerReader.open(file)) {
            float[] x = new float[100_000], y = new float[100_000], z = new float[100_000];
            int n = 0, got;
            while ((got = r.read(x, y, z, n, x.length - n)) > 0) {
                n += got;
            }
            List<float[]> out = new ArrayList<>();
            out.add(java.util.Arrays.copyOf(x, n));
            out.add(java.util.Arrays.copyOf(y, n));
            out.add(java.util.Arrays.copyOf(z, n));
            return out;
        }
    }
}
