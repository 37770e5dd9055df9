package org.osteon.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/** Device payloads for tests, written as firmware would write them. */
public final class Batches {
    private Batches() {}

    /** A JSON accelerometer batch of a device lying still, face up, with a little noise. */
    public static byte[] accelJson(long seq, Instant start, int rateHz, int samples) {
        float[][] axes = stillAxes(seq, samples);
        return accelJson(seq, start, rateHz, axes[0], axes[1], axes[2]);
    }

    public static byte[] accelJson(long seq, Instant start, int rateHz, float[] x, float[] y, float[] z) {
        StringBuilder sb = new StringBuilder(32 + 24 * x.length);
        sb.append("{\"seq\":")
                .append(seq)
                .append(",\"start\":\"")
                .append(start)
                .append("\",\"rateHz\":")
                .append(rateHz);
        axis(sb, "x", x);
        axis(sb, "y", y);
        axis(sb, "z", z);
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void axis(StringBuilder sb, String name, float[] v) {
        sb.append(",\"").append(name).append("\":[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        sb.append(']');
    }

    /** Deterministic small noise around (0, 0, 1 g), different for each seq. */
    public static float[][] stillAxes(long seq, int samples) {
        float[][] axes = new float[3][samples];
        long s = seq * 6364136223846793005L + 1442695040888963407L;
        for (int i = 0; i < samples; i++) {
            for (int a = 0; a < 3; a++) {
                s = s * 6364136223846793005L + 1442695040888963407L;
                float noise = ((s >>> 40) % 21 - 10) / 1000f;
                axes[a][i] = (a == 2 ? 1f : 0f) + noise;
            }
        }
        return axes;
    }

    public static byte[] loadJson(long seq, Instant t) {
        return ("{\"seq\":" + seq + ",\"events\":["
                        + "{\"t\":\"" + t
                        + "\",\"kind\":\"resistance\",\"exercise\":\"deadlift\",\"sets\":5,\"reps\":5,"
                        + "\"loadKg\":60.0,\"oneRmKg\":72.5},"
                        + "{\"t\":\"" + t.plusSeconds(600) + "\",\"kind\":\"grf\",\"peakBw\":3.4,\"cycles\":30}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
