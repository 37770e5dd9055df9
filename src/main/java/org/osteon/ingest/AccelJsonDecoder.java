package org.osteon.ingest;

import static org.osteon.ingest.Rejection.Code.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Decodes the JSON accelerometer batch of the device contract with a streaming parser into
 * reused primitive arrays: no object per sample, and the only allocation proportional to the
 * batch is its storage form. Not thread-safe: one instance per receiving thread.
 */
public final class AccelJsonDecoder {
    static final JsonFactory JSON = new JsonFactoryBuilder()
            // NaN and Infinity are parsed so that the rejection can say which sample held one.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final Limits limits;
    private final float[][] axes = {new float[1024], new float[1024], new float[1024]};

    public AccelJsonDecoder(Limits limits) {
        this.limits = limits;
    }

    public AccelBatch decode(byte[] payload, Instant now) throws Rejection.Exception {
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw Rejection.of(MALFORMED, "payload: must be a JSON object");
            }
            Long seq = null;
            Instant start = null;
            Double rate = null;
            String deviceId = null;
            int[] lengths = {-1, -1, -1};
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "seq" -> seq = JsonFields.seq(p, value);
                    case "start" -> start = JsonFields.instant(p, value, "start");
                    case "rateHz" -> rate = JsonFields.number(p, value, "rateHz");
                    case "deviceId" -> deviceId = JsonFields.string(p, value, "deviceId", JsonFields.MAX_DEVICE_ID);
                    case "x" -> lengths[0] = readAxis(p, value, 0, "x");
                    case "y" -> lengths[1] = readAxis(p, value, 1, "y");
                    case "z" -> lengths[2] = readAxis(p, value, 2, "z");
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw Rejection.of(MALFORMED, "payload: unexpected content after the JSON object");
            }
            JsonFields.require(seq, "seq");
            JsonFields.require(start, "start");
            JsonFields.require(rate, "rateHz");
            String[] names = {"x", "y", "z"};
            for (int a = 0; a < 3; a++) {
                if (lengths[a] < 0) {
                    throw Rejection.of(MISSING_FIELD, names[a] + ": missing");
                }
            }
            return build(seq, start, rate, lengths, deviceId, now);
        } catch (JsonParseException e) {
            throw Rejection.of(
                    MALFORMED,
                    "payload: malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw Rejection.of(MALFORMED, "payload: unreadable JSON");
        }
    }

    private AccelBatch build(long seq, Instant start, double rate, int[] lengths, String deviceId, Instant now)
            throws Rejection.Exception {
        int n = lengths[0];
        if (lengths[1] != n || lengths[2] != n) {
            String other = lengths[1] != n ? "y" : "z";
            throw Rejection.of(
                    UNEQUAL_LENGTH,
                    other + ": has " + (lengths[1] != n ? lengths[1] : lengths[2]) + " samples but x has " + n);
        }
        if (n == 0) {
            throw Rejection.of(EMPTY, "x: must hold at least one sample");
        }
        limits.checkRate(rate);
        limits.checkStart(start, now);
        limits.checkEnd(start, n, rate, now);
        ByteBuffer buf = ByteBuffer.allocate(12 * n).order(ByteOrder.LITTLE_ENDIAN);
        double maxAbs = -1;
        String maxField = null;
        String[] names = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            float[] v = axes[a];
            buf.asFloatBuffer().position(a * n).put(v, 0, n);
            for (int i = 0; i < n; i++) {
                double abs = Math.abs(v[i]);
                if (abs > maxAbs) {
                    maxAbs = abs;
                    maxField = names[a] + "[" + i + "]";
                }
            }
        }
        byte[] data = buf.array();
        byte[] hash = ContentHash.accel(seq, start, rate, AccelBatch.FLOAT32, 0, data);
        return new AccelBatch(seq, start, rate, n, AccelBatch.FLOAT32, 0, data, maxAbs, maxField, deviceId, hash);
    }

    private int readAxis(JsonParser p, JsonToken value, int axis, String name) throws IOException, Rejection.Exception {
        if (value != JsonToken.START_ARRAY) {
            throw Rejection.of(WRONG_TYPE, name + ": must be an array of numbers");
        }
        float[] v = axes[axis];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw Rejection.of(WRONG_TYPE, name + "[" + n + "]: must be a number");
            }
            if (n == limits.maxSamples()) {
                throw Rejection.of(TOO_LARGE, name + ": more than " + limits.maxSamples() + " samples");
            }
            double d = p.getDoubleValue();
            if (!Double.isFinite(d) || !Float.isFinite((float) d)) {
                throw Rejection.of(NOT_FINITE, name + "[" + n + "]: must be a finite number");
            }
            if (n == v.length) {
                v = java.util.Arrays.copyOf(v, Math.min(limits.maxSamples(), v.length * 2));
                axes[axis] = v;
            }
            v[n++] = (float) d;
        }
        return n;
    }
}
