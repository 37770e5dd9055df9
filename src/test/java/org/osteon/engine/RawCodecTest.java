package org.osteon.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.osteon.simulator.DayPlanner;
import org.osteon.simulator.SignalGenerator;

/**
 * Encoding 3 (RawCodec): exact for int16 and float32 sources, and within 1.25 times the order-0
 * entropy of the per-axis first differences on the reference recording and on simulator days.
 * The measured sizes are printed (docs/scaling.md, "Stored size of raw data").
 */
class RawCodecTest {
    private static final Path BHELSEL =
            Path.of("src/test/resources/eval/bhelsel-agcounts/example_raw_100Hz_DERIVED.csv");
    private static final int MINUTE = 6000;

    @Test
    void int16CountsDecodeExactlyAsEncodingOne() throws IOException {
        short[][] axes = bhelselCounts();
        int n = axes[0].length;
        byte[] plain = int16(axes, 0, n);
        RawCodec.Stored s = RawCodec.store(RawCodec.INT16, 256, n, plain);
        assertEquals(RawCodec.PACKED, s.encoding());
        assertDecodesAs(
                new RawBatch(0, 0, 100, n, RawCodec.INT16, 256, plain),
                new RawBatch(0, 0, 100, n, s.encoding(), s.scale(), s.data()));
    }

    @Test
    void extremesAndPartialRangesRoundTrip() {
        int n = 1000;
        short[][] axes = new short[3][n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            axes[0][i] = i % 2 == 0 ? Short.MIN_VALUE : Short.MAX_VALUE;
            axes[1][i] = (short) r.nextInt();
            axes[2][i] = (short) (i < 500 ? 0 : Short.MIN_VALUE);
        }
        byte[] plain = int16(axes, 0, n);
        RawCodec.Stored s = RawCodec.store(RawCodec.INT16, 1024, n, plain);
        int[] k = RawCodec.integers(s.data(), n);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                assertEquals(axes[a][i], k[a * n + i]);
            }
        }
        RawBatch old = new RawBatch(0, 0, 100, n, RawCodec.INT16, 1024, plain);
        RawBatch packed = new RawBatch(0, 0, 100, n, s.encoding(), s.scale(), s.data());
        for (int[] range : new int[][] {{0, n}, {0, 0}, {17, 18}, {15, 33}, {999, 1000}, {480, 720}}) {
            float[][] a = new float[3][n];
            float[][] b = new float[3][n];
            old.decode(range[0], range[1], a[0], a[1], a[2]);
            packed.decode(range[0], range[1], b[0], b[1], b[2]);
            for (int ax = 0; ax < 3; ax++) {
                assertArrayEquals(a[ax], b[ax]);
            }
        }
    }

    @Test
    void float32SourcesAreBitExactOrKeptAsEncodingTwo() throws IOException {
        // Binary fractions (the recording's g values are counts / 256).
        float[][] g = bhelselG();
        int n = g[0].length;
        assertExactFloat(g, n, true);
        // JSON's four decimals as the simulator writes them, parsed as ingest parses them.
        float[][] d = new float[3][2000];
        Random r = new Random(3);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < 2000; i++) {
                d[a][i] = (float) Double.parseDouble(String.format("%.4f", r.nextGaussian() * 2));
            }
        }
        d[0][5] = 16f;
        d[1][9] = -16f;
        assertExactFloat(d, 2000, true);
        // Arbitrary floats, -0.0 and subnormals have no exact integer form: encoding 2 is kept.
        float[][] any = new float[3][300];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < 300; i++) {
                any[a][i] = (float) r.nextGaussian();
            }
        }
        assertExactFloat(any, 300, false);
        float[][] negZero = {{0f, -0f, 1f}, {0, 0, 0}, {0, 0, 0}};
        assertExactFloat(negZero, 3, false);
        float[][] tiny = {{Float.MIN_VALUE, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        assertExactFloat(tiny, 3, false);
    }

    /** The size table of docs/scaling.md: bytes per triaxial sample, entropy and ratio. */
    @Test
    void storesWithinAQuarterOfTheEntropy() throws IOException {
        short[][] c = bhelselCounts();
        report("bhelsel 100 Hz wrist, int16 counts", c, 256);
        float[][] g = bhelselG();
        reportFloat("bhelsel 100 Hz wrist, float32 g", g, countsOf(c));
        for (int device = 0; device < 2; device++) {
            SignalGenerator gen =
                    new SignalGenerator("d" + device, DayPlanner.day(42, device, LocalDate.of(2026, 11, 3)), 100, 42);
            int total = (int) gen.totalSamples();
            float[][] v = new float[3][total];
            int got = gen.fill(v[0], v[1], v[2], 0, total);
            float scale = (float) Math.floor(Short.MAX_VALUE / 8.0);
            short[][] counts = new short[3][got];
            float[][] json = new float[3][got];
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < got; i++) {
                    counts[a][i] = (short) Math.max(-8 * scale, Math.min(8 * scale, Math.round(v[a][i] * scale)));
                    json[a][i] = (float) (Math.round(v[a][i] * 10_000.0) / 10_000.0);
                }
            }
            report("simulator day " + device + ", binary frames (int16)", trim(counts, got), scale);
            int[][] tenThousandths = new int[3][got];
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < got; i++) {
                    tenThousandths[a][i] = (int) Math.round(json[a][i] * 10_000.0);
                }
            }
            reportFloat("simulator day " + device + ", JSON (float32, 4 decimals)", trim(json, got), tenThousandths);
        }
    }

    private static void report(String name, short[][] c, double scale) {
        int n = c[0].length;
        long bytes = 0;
        for (int from = 0; from < n; from += MINUTE) {
            int to = Math.min(n, from + MINUTE);
            RawCodec.Stored s = RawCodec.store(RawCodec.INT16, scale, to - from, int16(c, from, to));
            assertEquals(RawCodec.PACKED, s.encoding());
            bytes += s.data().length;
        }
        print(name, n, bytes, entropy(countsOf(c)), countsOf(c));
    }

    private static void reportFloat(String name, float[][] g, int[][] ints) {
        int n = g[0].length;
        long bytes = 0;
        for (int from = 0; from < n; from += MINUTE) {
            int to = Math.min(n, from + MINUTE);
            RawCodec.Stored s = RawCodec.store(RawCodec.FLOAT32, 0, to - from, float32(g, from, to));
            assertEquals(RawCodec.PACKED, s.encoding());
            bytes += s.data().length;
        }
        print(name, n, bytes, entropy(ints));
    }

    private static void print(String name, int n, long bytes, double entropyBytes) {
        print(name, n, bytes, entropyBytes, null);
    }

    private static void print(String name, int n, long bytes, double entropyBytes, int[][] ints) {
        double perSample = (double) bytes / n;
        System.out.printf(
                "%-45s samples %9d  stored %6.3f B/sample  entropy %6.3f B/sample  ratio %5.3f%n",
                name, n, perSample, entropyBytes, perSample / entropyBytes);
        if (ints != null) {
            alternatives(ints, entropyBytes);
        }
        assertTrue(perSample <= 1.25 * entropyBytes, name + ": " + perSample + " > 1.25 × " + entropyBytes);
    }

    /**
     * What the alternatives would store, per minute batch: bit-packing with longer blocks, and
     * zlib (level 6) over the planar zig-zag deltas as int16 little-endian (int16 sources only).
     */
    private static void alternatives(int[][] axes, double entropyBytes) {
        int n = axes[0].length;
        for (int blockSize : new int[] {32, 64, 128}) {
            long bits = 0;
            for (int[] a : axes) {
                for (int from = 0; from < n; from += MINUTE) {
                    int to = Math.min(n, from + MINUTE);
                    for (int s = from; s < to; s += blockSize) {
                        long or = 0;
                        int len = Math.min(blockSize, to - s);
                        for (int i = s; i < s + len; i++) {
                            int d = a[i] - (i == from ? 0 : a[i - 1]);
                            or |= ((d << 1) ^ (d >> 31)) & 0xFFFFFFFFL;
                        }
                        bits += 8 + (long) len * (64 - Long.numberOfLeadingZeros(or));
                        bits = (bits + 7) / 8 * 8;
                    }
                }
            }
            double b = bits / 8.0 / n;
            System.out.printf(
                    "    alternative: bit-packing, %3d-sample blocks  %6.3f B/sample  ratio %5.3f%n",
                    blockSize, b, b / entropyBytes);
        }
        long zlib = 0;
        for (int from = 0; from < n; from += MINUTE) {
            int to = Math.min(n, from + MINUTE);
            ByteBuffer buf = ByteBuffer.allocate(12 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
            for (int[] a : axes) {
                for (int i = from; i < to; i++) {
                    int d = a[i] - (i == from ? 0 : a[i - 1]);
                    buf.putShort((short) ((d << 1) ^ (d >> 31)));
                }
            }
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(6);
            deflater.setInput(buf.array(), 0, buf.position());
            deflater.finish();
            byte[] out = new byte[buf.capacity() + 64];
            while (!deflater.finished()) {
                zlib += deflater.deflate(out);
            }
            deflater.end();
        }
        double z = (double) zlib / n;
        System.out.printf(
                "    alternative: zlib over planar int16 deltas    %6.3f B/sample  ratio %5.3f%n", z, z / entropyBytes);
    }

    /** Order-0 entropy of each axis's first differences, summed over axes, in bytes per sample. */
    static double entropy(int[][] axes) {
        double bits = 0;
        for (int[] a : axes) {
            java.util.HashMap<Integer, Integer> counts = new java.util.HashMap<>();
            for (int i = 1; i < a.length; i++) {
                counts.merge(a[i] - a[i - 1], 1, Integer::sum);
            }
            double t = a.length - 1;
            for (int c : counts.values()) {
                bits -= c / t * Math.log(c / t) / Math.log(2);
            }
        }
        return bits / 8;
    }

    private static void assertExactFloat(float[][] g, int n, boolean packs) {
        byte[] plain = float32(g, 0, n);
        RawCodec.Stored s = RawCodec.store(RawCodec.FLOAT32, 0, n, plain);
        assertEquals(packs ? RawCodec.PACKED : RawCodec.FLOAT32, s.encoding());
        assertDecodesAs(
                new RawBatch(0, 0, 100, n, RawCodec.FLOAT32, 0, plain),
                new RawBatch(0, 0, 100, n, s.encoding(), s.scale() == null ? 0 : s.scale(), s.data()));
    }

    private static void assertDecodesAs(RawBatch expected, RawBatch actual) {
        int n = expected.samples();
        float[][] a = new float[3][n];
        float[][] b = new float[3][n];
        expected.decode(0, n, a[0], a[1], a[2]);
        actual.decode(0, n, b[0], b[1], b[2]);
        for (int ax = 0; ax < 3; ax++) {
            for (int i = 0; i < n; i++) {
                assertEquals(
                        Float.floatToRawIntBits(a[ax][i]),
                        Float.floatToRawIntBits(b[ax][i]),
                        "axis " + ax + " sample " + i);
            }
        }
    }

    static short[][] bhelselCounts() throws IOException {
        List<String> lines = Files.readAllLines(BHELSEL);
        short[][] c = new short[3][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int a = 0; a < 3; a++) {
                c[a][i - 1] = Short.parseShort(f[4 + a]);
            }
        }
        return c;
    }

    static float[][] bhelselG() throws IOException {
        List<String> lines = Files.readAllLines(BHELSEL);
        float[][] g = new float[3][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int a = 0; a < 3; a++) {
                g[a][i - 1] = (float) Double.parseDouble(f[1 + a]);
            }
        }
        return g;
    }

    private static int[][] countsOf(short[][] c) {
        int[][] out = new int[3][c[0].length];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < c[a].length; i++) {
                out[a][i] = c[a][i];
            }
        }
        return out;
    }

    private static short[][] trim(short[][] c, int n) {
        return new short[][] {
            java.util.Arrays.copyOf(c[0], n), java.util.Arrays.copyOf(c[1], n), java.util.Arrays.copyOf(c[2], n)
        };
    }

    private static float[][] trim(float[][] c, int n) {
        return new float[][] {
            java.util.Arrays.copyOf(c[0], n), java.util.Arrays.copyOf(c[1], n), java.util.Arrays.copyOf(c[2], n)
        };
    }

    static byte[] int16(short[][] axes, int from, int to) {
        ByteBuffer b = ByteBuffer.allocate(6 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
        for (short[] axis : axes) {
            for (int i = from; i < to; i++) {
                b.putShort(axis[i]);
            }
        }
        return b.array();
    }

    static byte[] float32(float[][] axes, int from, int to) {
        ByteBuffer b = ByteBuffer.allocate(12 * (to - from)).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] axis : axes) {
            for (int i = from; i < to; i++) {
                b.putFloat(axis[i]);
            }
        }
        return b.array();
    }
}
