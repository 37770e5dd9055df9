package org.osteon.ingest;

import static org.osteon.ingest.Rejection.Code.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The binary accelerometer frame of device contract v1 (docs/binary-frame.md): a 36-byte
 * little-endian header and three axis blocks of int16 counts, either plain or delta-coded.
 * Decoding writes into reused arrays and never allocates per sample. Not thread-safe: one
 * decoder per receiving thread.
 */
public final class BinaryFrame {
    /** "OSTB": no JSON text can start with it, so the topic carries both forms. */
    public static final byte[] MAGIC = {'O', 'S', 'T', 'B'};

    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 36;
    /** Axis blocks are n int16 values each. */
    public static final int PLAIN = 0;
    /** Axis blocks are one int16 value, then n-1 zigzag varint differences to the previous value. */
    public static final int DELTA = 1;

    private final Limits limits;
    private short[][] axes = {new short[1024], new short[1024], new short[1024]};

    public BinaryFrame(Limits limits) {
        this.limits = limits;
    }

    public static boolean isFrame(byte[] payload) {
        return payload.length >= 4
                && payload[0] == MAGIC[0]
                && payload[1] == MAGIC[1]
                && payload[2] == MAGIC[2]
                && payload[3] == MAGIC[3];
    }

    public AccelBatch decode(byte[] payload, Instant now) throws Rejection.Exception {
        if (payload.length < HEADER_BYTES) {
            throw Rejection.of(MALFORMED, "frame: " + payload.length + " bytes is shorter than the 36-byte header");
        }
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        b.position(4);
        int version = b.get() & 0xff;
        int encoding = b.get() & 0xff;
        int reserved = b.getShort();
        if (version != VERSION) {
            throw Rejection.of(MALFORMED, "frame.version: unsupported version " + version);
        }
        if (encoding != PLAIN && encoding != DELTA) {
            throw Rejection.of(MALFORMED, "frame.encoding: unknown encoding " + encoding);
        }
        if (reserved != 0) {
            throw Rejection.of(MALFORMED, "frame.reserved: must be 0");
        }
        long seq = b.getLong();
        long startMicros = b.getLong();
        float rate = b.getFloat();
        float scale = b.getFloat();
        long n = b.getInt() & 0xffffffffL;
        if (seq < 0) {
            throw Rejection.of(INVALID_VALUE, "seq: must be >= 0");
        }
        if (!Float.isFinite(rate)) {
            throw Rejection.of(NOT_FINITE, "rateHz: must be a finite number");
        }
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw Rejection.of(INVALID_VALUE, "scale: must be a finite number > 0");
        }
        if (n == 0) {
            throw Rejection.of(EMPTY, "x: must hold at least one sample");
        }
        if (n > limits.maxSamples()) {
            throw Rejection.of(TOO_LARGE, "x: more than " + limits.maxSamples() + " samples");
        }
        int count = (int) n;
        ensureCapacity(count);
        if (encoding == PLAIN) {
            readPlain(b, count);
        } else {
            readDelta(b, count);
        }
        if (b.hasRemaining()) {
            throw Rejection.of(MALFORMED, "frame: " + b.remaining() + " bytes after the z block");
        }
        Instant start = Instant.EPOCH.plus(startMicros, ChronoUnit.MICROS);
        limits.checkRate(rate);
        limits.checkStart(start, now);
        limits.checkEnd(start, count, rate, now);
        return build(seq, start, rate, scale, count);
    }

    private void readPlain(ByteBuffer b, int n) throws Rejection.Exception {
        if (b.remaining() < 6L * n) {
            throw Rejection.of(
                    MALFORMED,
                    "frame: truncated, " + n + " samples need " + 6L * n + " bytes of blocks, " + b.remaining()
                            + " present");
        }
        for (int a = 0; a < 3; a++) {
            b.asShortBuffer().get(axes[a], 0, n);
            b.position(b.position() + 2 * n);
        }
    }

    private void readDelta(ByteBuffer b, int n) throws Rejection.Exception {
        String[] names = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            short[] v = axes[a];
            if (b.remaining() < 2) {
                throw Rejection.of(MALFORMED, "frame." + names[a] + ": truncated");
            }
            int prev = b.getShort();
            v[0] = (short) prev;
            for (int i = 1; i < n; i++) {
                int raw = 0;
                int shift = 0;
                int by;
                do {
                    if (!b.hasRemaining() || shift > 14) {
                        throw Rejection.of(MALFORMED, "frame." + names[a] + "[" + i + "]: truncated or invalid varint");
                    }
                    by = b.get();
                    raw |= (by & 0x7f) << shift;
                    shift += 7;
                } while ((by & 0x80) != 0);
                int next = prev + ((raw >>> 1) ^ -(raw & 1));
                if (next < Short.MIN_VALUE || next > Short.MAX_VALUE) {
                    throw Rejection.of(MALFORMED, "frame." + names[a] + "[" + i + "]: delta leaves the int16 range");
                }
                v[i] = (short) next;
                prev = next;
            }
        }
    }

    private AccelBatch build(long seq, Instant start, double rate, double scale, int n) {
        ByteBuffer data = ByteBuffer.allocate(6 * n).order(ByteOrder.LITTLE_ENDIAN);
        int maxAbs = -1;
        String maxField = null;
        String[] names = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            short[] v = axes[a];
            data.asShortBuffer().position(a * n).put(v, 0, n);
            for (int i = 0; i < n; i++) {
                int abs = Math.abs(v[i]);
                if (abs > maxAbs) {
                    maxAbs = abs;
                    maxField = names[a] + "[" + i + "]";
                }
            }
        }
        byte[] bytes = data.array();
        byte[] hash = ContentHash.accel(seq, start, rate, AccelBatch.INT16, scale, bytes);
        return new AccelBatch(
                seq, start, rate, n, AccelBatch.INT16, scale, bytes, maxAbs / scale, maxField, null, hash);
    }

    private void ensureCapacity(int n) {
        if (axes[0].length < n) {
            int size = Math.max(n, Math.min(limits.maxSamples(), axes[0].length * 2));
            axes = new short[][] {new short[size], new short[size], new short[size]};
        }
    }

    /**
     * Encodes counts as a frame; for devices, the simulator and tests.
     *
     * @param counts three axes of equal length, in counts of {@code scale} LSB per g
     */
    public static byte[] encode(long seq, Instant start, float rateHz, float scale, short[][] counts, int encoding) {
        int n = counts[0].length;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + (encoding == PLAIN ? 6 * n : 3 * (2 + 3 * n)))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC)
                .put((byte) VERSION)
                .put((byte) encoding)
                .putShort((short) 0)
                .putLong(seq)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, start))
                .putFloat(rateHz)
                .putFloat(scale)
                .putInt(n);
        for (short[] axis : counts) {
            if (encoding == PLAIN) {
                for (short s : axis) {
                    b.putShort(s);
                }
            } else {
                b.putShort(axis[0]);
                for (int i = 1; i < n; i++) {
                    int d = axis[i] - axis[i - 1];
                    int zz = (d << 1) ^ (d >> 31);
                    while ((zz & ~0x7f) != 0) {
                        b.put((byte) ((zz & 0x7f) | 0x80));
                        zz >>>= 7;
                    }
                    b.put((byte) zz);
                }
            }
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
