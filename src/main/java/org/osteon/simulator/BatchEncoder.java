package org.osteon.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osteon.ingest.BinaryFrame;

/** Writes batches as firmware would: accelerometer batches in JSON or as a binary frame, loads in JSON. */
final class BatchEncoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PayloadFormat format;
    private final double rangeG;
    private final float scale;

    /** @param rangeG the device's full scale; binary counts use the finest scale that still fits it */
    BatchEncoder(PayloadFormat format, double rangeG) {
        this.format = format;
        this.rangeG = rangeG;
        this.scale = (float) Math.floor(Short.MAX_VALUE / rangeG);
    }

    byte[] accel(long seq, Instant start, int rateHz, float[] x, float[] y, float[] z, int n) {
        return format == PayloadFormat.BINARY
                ? frame(seq, start, rateHz, x, y, z, n)
                : json(seq, start, rateHz, x, y, z, n);
    }

    byte[] load(long seq, List<Map<String, Object>> events) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("events", events);
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("loading events of plain values always serialise", e);
        }
    }

    private byte[] frame(long seq, Instant start, int rateHz, float[] x, float[] y, float[] z, int n) {
        short[][] counts = {counts(x, n), counts(y, n), counts(z, n)};
        return BinaryFrame.encode(seq, start, rateHz, scale, counts, BinaryFrame.DELTA);
    }

    /** Clipped at the device's range, as a saturated sensor reads. */
    private short[] counts(float[] v, int n) {
        int limit = (int) Math.floor(rangeG * scale);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = (short) Math.max(-limit, Math.min(limit, Math.round(v[i] * scale)));
        }
        return out;
    }

    /** Four decimals (0.1 mg), written by hand: formatting is most of the cost of a 1-h JSON batch. */
    private static byte[] json(long seq, Instant start, int rateHz, float[] x, float[] y, float[] z, int n) {
        StringBuilder sb = new StringBuilder(64 + 3 * 9 * n);
        sb.append("{\"seq\":")
                .append(seq)
                .append(",\"start\":\"")
                .append(start)
                .append("\",\"rateHz\":")
                .append(rateHz);
        axis(sb, "x", x, n);
        axis(sb, "y", y, n);
        axis(sb, "z", z, n);
        return sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void axis(StringBuilder sb, String name, float[] v, int n) {
        sb.append(",\"").append(name).append("\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            long tenThousandths = Math.round(v[i] * 10_000.0);
            if (tenThousandths < 0) {
                sb.append('-');
                tenThousandths = -tenThousandths;
            }
            long fraction = tenThousandths % 10_000;
            sb.append(tenThousandths / 10_000).append('.');
            for (long p = 1000; p > fraction && p > 1; p /= 10) {
                sb.append('0');
            }
            sb.append(fraction);
        }
        sb.append(']');
    }
}
