package org.osteon.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Storage encoding 3 of {@code accel_batch.data} (docs/binary-frame.md, "Storage encoding 3"):
 * lossless and about 3.5 times smaller than encodings 1 and 2 on real recordings.
 *
 * <p>Each axis on its own (all x, then all y, then all z) as integers: first differences
 * (the first sample's from 0), zig-zag mapped to unsigned, in blocks of {@value #BLOCK} with one
 * bit width per block, packed least significant bit first. A full block takes exactly
 * {@code 1 + 2 * width} bytes, so every block starts on a byte. The integers are int16 counts
 * (the batch's {@code scale} in its column, as encoding 1) or, for float32 sources, the
 * float32 values times a power of two when every value of the batch is exactly such an integer
 * (binary fixed point, which JSON numbers such as {@code 0.0078125} are). A float32 batch that is
 * not (a {@code -0.0}, a subnormal, a value needing more than 30 bits) keeps encoding 2:
 * {@link #store} says which.
 *
 * <p>Framework-free; ingest writes with it, the engine reads with it.
 */
public final class RawCodec {
    public static final short INT16 = 1;
    public static final short FLOAT32 = 2;
    public static final short PACKED = 3;

    static final int VERSION = 1;
    static final int KIND_INT16 = 1;
    static final int KIND_BINARY = 2;
    static final int KIND_DECIMAL = 3;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    static final int BLOCK = 16;
    private static final int HEADER = 3;
    private static final long MAX_FIXED = 1L << 30;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private RawCodec() {}

    /** A batch in the form it is stored in: {@code scale} is null unless int16 counts. */
    public record Stored(short encoding, Double scale, byte[] data) {}

    /**
     * The storage form of a batch given as encoding 1 (int16 counts, {@code scale} LSB per g) or
     * 2 (float32 g), both planar little-endian: encoding 3 when it is exact, else unchanged.
     * Encoding 3 is returned as it is.
     */
    public static Stored store(short encoding, double scale, int samples, byte[] data) {
        if (encoding == INT16) {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            int[] k = new int[3 * samples];
            for (int i = 0; i < k.length; i++) {
                k[i] = b.getShort(2 * i);
            }
            return new Stored(PACKED, scale, pack(KIND_INT16, 0, k, samples));
        }
        if (encoding == FLOAT32) {
            byte[] packed = packFloats(data, samples);
            return packed == null ? new Stored(FLOAT32, null, data) : new Stored(PACKED, null, packed);
        }
        return new Stored(encoding, encoding == PACKED ? scale : null, data);
    }

    private static byte[] packFloats(byte[] data, int samples) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[3 * samples];
        for (int i = 0; i < f.length; i++) {
            f[i] = b.getFloat(4 * i);
            if (!Float.isFinite(f[i]) || Float.floatToRawIntBits(f[i]) == Integer.MIN_VALUE) {
                return null; // NaN and infinities never pass validation; -0.0 has no integer
            }
        }
        int[] decimal = new int[f.length];
        int places = decimal(f, decimal);
        int[] binary = new int[f.length];
        int shift = binary(f, binary);
        // Sized before packing, so that only the smaller of the two is packed (ingest's writer does this per batch).
        long decimalBytes = places < 0 ? Long.MAX_VALUE : packedSize(decimal, samples);
        long binaryBytes = shift < 0 ? Long.MAX_VALUE : packedSize(binary, samples);
        if (decimalBytes == Long.MAX_VALUE && binaryBytes == Long.MAX_VALUE) {
            return null;
        }
        byte[] best = binaryBytes < decimalBytes
                ? pack(KIND_BINARY, shift, binary, samples)
                : pack(KIND_DECIMAL, places, decimal, samples);
        return exact(best, f, samples) ? best : null;
    }

    /**
     * As k / 10^d (JSON's decimals, e.g. four places), with the fewest places d that are exact:
     * fills {@code k} and returns d, or -1 when no d up to 9 is.
     */
    private static int decimal(float[] f, int[] k) {
        for (int d = 0; d < POW10.length; d++) {
            boolean exact = true;
            for (int i = 0; i < f.length && exact; i++) {
                double scaled = Math.rint(f[i] * POW10[d]);
                exact = Math.abs(scaled) < MAX_FIXED && (float) (scaled / POW10[d]) == f[i];
                k[i] = (int) scaled;
            }
            if (exact) {
                return d;
            }
        }
        return -1;
    }

    /**
     * As k * 2^-m (binary fractions such as int16 counts over a power-of-two scale): fills {@code k}
     * and returns m, or -1 when some value needs more bits than the packing holds.
     */
    private static int binary(float[] f, int[] k) {
        int m = 0;
        float largest = 0;
        for (float v : f) {
            if (v == 0) {
                continue;
            }
            if (Math.abs(v) < Float.MIN_NORMAL) {
                return -1;
            }
            int significand = (Float.floatToRawIntBits(v) & 0x7FFFFF) | 0x800000;
            m = Math.max(m, 23 - Math.getExponent(v) - Integer.numberOfTrailingZeros(significand));
            largest = Math.max(largest, Math.abs(v));
        }
        // Decimal JSON values need so many bits that the largest one does not fit: known before scaling any.
        if (m > 126 || Math.scalb((double) largest, m) >= MAX_FIXED) {
            return -1;
        }
        for (int i = 0; i < f.length; i++) {
            double scaled = Math.scalb((double) f[i], m);
            if (Math.abs(scaled) >= MAX_FIXED) {
                return -1;
            }
            k[i] = (int) scaled;
        }
        return m;
    }

    /** Exactness is the contract: checked bit for bit rather than argued. */
    private static boolean exact(byte[] packed, float[] f, int samples) {
        float[][] axes = {new float[samples], new float[samples], new float[samples]};
        decode(packed, samples, 0, 0, samples, axes[0], axes[1], axes[2]);
        for (int i = 0; i < f.length; i++) {
            if (Float.floatToRawIntBits(axes[i / samples][i % samples]) != Float.floatToRawIntBits(f[i])) {
                return false;
            }
        }
        return true;
    }

    /** The zig-zagged difference of {@code v} from {@code previous}, as an unsigned 32-bit value. */
    private static long zigzag(int v, int previous) {
        int d = v - previous;
        return ((d << 1) ^ (d >> 31)) & 0xFFFFFFFFL;
    }

    /**
     * Zig-zags the differences of {@code k[at..at + len)} (each from the value before it, the first
     * from {@code previous}) into {@code zz} and returns the bits the largest needs: one block.
     */
    private static int block(int[] k, int at, int len, int previous, long[] zz) {
        long or = 0;
        for (int j = 0; j < len; j++) {
            int v = k[at + j];
            zz[j] = zigzag(v, previous);
            previous = v;
            or |= zz[j];
        }
        return 64 - Long.numberOfLeadingZeros(or);
    }

    /** The value a block's first difference is taken from: 0 at an axis's start. */
    private static int before(int[] k, int base, int start) {
        return start == 0 ? 0 : k[base + start - 1];
    }

    /** Bytes that {@link #pack} gives for {@code k}, without packing. */
    static long packedSize(int[] k, int samples) {
        long size = HEADER;
        long[] zz = new long[BLOCK];
        for (int axis = 0; axis < 3; axis++) {
            int base = axis * samples;
            for (int start = 0; start < samples; start += BLOCK) {
                int len = Math.min(BLOCK, samples - start);
                int width = block(k, base + start, len, before(k, base, start), zz);
                size += 1 + (len * width + 7) / 8;
            }
        }
        return size;
    }

    /** Packs {@code k} (three axes of {@code samples} each, one after the other). */
    static byte[] pack(int kind, int exponent, int[] k, int samples) {
        byte[] out = new byte[(int) packedSize(k, samples)];
        out[0] = VERSION;
        out[1] = (byte) kind;
        out[2] = (byte) exponent;
        int p = HEADER;
        long[] zz = new long[BLOCK];
        for (int axis = 0; axis < 3; axis++) {
            int base = axis * samples;
            for (int start = 0; start < samples; start += BLOCK) {
                int len = Math.min(BLOCK, samples - start);
                int width = block(k, base + start, len, before(k, base, start), zz);
                out[p++] = (byte) width;
                long acc = 0;
                int bits = 0;
                for (int j = 0; j < len; j++) {
                    acc |= zz[j] << bits;
                    bits += width;
                    while (bits >= 8) {
                        out[p++] = (byte) acc;
                        acc >>>= 8;
                        bits -= 8;
                    }
                }
                if (bits > 0) {
                    out[p++] = (byte) acc;
                }
            }
        }
        return out;
    }

    /**
     * Decodes samples {@code from..to-1} of each axis of an encoding-3 batch into g, from index 0
     * of the arrays. {@code scale} is the batch's column (int16 counts only).
     */
    public static void decode(
            byte[] data, int samples, double scale, int from, int to, float[] x, float[] y, float[] z) {
        if (data.length < HEADER || data[0] != VERSION) {
            throw new IllegalArgumentException("unknown encoding-3 version");
        }
        int kind = data[1];
        float unit = Math.scalb(1f, -(data[2] & 0xFF));
        double divisor = kind == KIND_INT16 ? scale : kind == KIND_DECIMAL ? POW10[data[2]] : 1;
        // Dividing by a power of two is multiplying by its exact inverse: same result, faster.
        boolean binary = kind == KIND_BINARY;
        boolean twoPower = !binary && divisor == Math.scalb(1.0, Math.getExponent(divisor));
        double inverse = 1 / divisor;
        int[] block = new int[BLOCK];
        int p = HEADER;
        float[][] axes = {x, y, z};
        for (int axis = 0; axis < 3; axis++) {
            float[] out = axes[axis];
            int value = 0;
            for (int start = 0; start < samples && start < to; start += BLOCK) {
                int len = Math.min(BLOCK, samples - start);
                int width = data[p++];
                if (width == 0) {
                    Arrays.fill(block, 0, len, value);
                } else if (len == BLOCK && p + 2 * width + 8 <= data.length) {
                    // A full block away from the end: each value from one unaligned 8-byte read.
                    long mask = (1L << width) - 1;
                    for (int j = 0, bit = 0; j < BLOCK; j++, bit += width) {
                        long word = (long) LONG.get(data, p + (bit >>> 3));
                        int zz = (int) ((word >>> (bit & 7)) & mask);
                        value += (zz >>> 1) ^ -(zz & 1);
                        block[j] = value;
                    }
                    p += 2 * width;
                } else {
                    p = unpack(data, p, len, width, value, block, 0);
                    value = block[len - 1];
                }
                int lo = Math.max(start, from);
                int hi = Math.min(start + len, to);
                if (binary) {
                    for (int i = lo; i < hi; i++) {
                        out[i - from] = block[i - start] * unit;
                    }
                } else if (twoPower) {
                    for (int i = lo; i < hi; i++) {
                        out[i - from] = (float) (block[i - start] * inverse);
                    }
                } else {
                    for (int i = lo; i < hi; i++) {
                        out[i - from] = (float) (block[i - start] / divisor);
                    }
                }
            }
            if (axis < 2) {
                p = skipAxisRest(data, p, samples, to);
            }
        }
    }

    /** Skips the blocks of an axis from the first block at or after {@code to}. */
    private static int skipAxisRest(byte[] data, int p, int samples, int to) {
        int first = to <= 0 ? 0 : ((to + BLOCK - 1) / BLOCK) * BLOCK;
        for (int start = first; start < samples; start += BLOCK) {
            int len = Math.min(BLOCK, samples - start);
            int width = data[p++];
            p += (len * width + 7) / 8;
        }
        return p;
    }

    /**
     * Unpacks {@code len} zig-zagged differences of {@code width} bits from {@code data[p..]}, adding
     * each to the running {@code value}, into {@code out[off..off + len)}; returns the position after
     * the block. Byte by byte, so it may run to the last byte of {@code data}.
     */
    private static int unpack(byte[] data, int p, int len, int width, int value, int[] out, int off) {
        long mask = (1L << width) - 1;
        long acc = 0;
        int bits = 0;
        for (int j = 0; j < len; j++) {
            while (bits < width) {
                acc |= (data[p++] & 0xFFL) << bits;
                bits += 8;
            }
            int zz = (int) (acc & mask);
            acc >>>= width;
            bits -= width;
            value += (zz >>> 1) ^ -(zz & 1);
            out[off + j] = value;
        }
        return p;
    }

    /** The integers of an encoding-3 batch, three axes one after the other (for tests and tools). */
    static int[] integers(byte[] data, int samples) {
        int[] k = new int[3 * samples];
        int p = HEADER;
        for (int axis = 0; axis < 3; axis++) {
            int value = 0;
            for (int start = 0; start < samples; start += BLOCK) {
                int len = Math.min(BLOCK, samples - start);
                int width = data[p++];
                p = unpack(data, p, len, width, value, k, axis * samples + start);
                value = k[axis * samples + start + len - 1];
            }
        }
        return k;
    }
}
