package org.osteon.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One stored accelerometer batch as {@code accel_batch} holds it: all x, then all y, then all z,
 * little-endian; int16 counts with their scale (encoding 1) or float32 g (encoding 2), or those
 * packed losslessly by {@link RawCodec} (encoding 3).
 *
 * @param startMicros time of the first sample, Unix epoch microseconds
 */
record RawBatch(long seq, long startMicros, double rateHz, int samples, short encoding, double scale, byte[] data) {
    static final short INT16 = 1;

    double periodMicros() {
        return 1_000_000.0 / rateHz;
    }

    /** Decodes samples {@code from..to-1} of each axis into g, from index 0 of the arrays. */
    void decode(int from, int to, float[] x, float[] y, float[] z) {
        if (encoding == RawCodec.PACKED) {
            RawCodec.decode(data, samples, scale, from, to, x, y, z);
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int width = encoding == INT16 ? 2 : 4;
        float[][] axes = {x, y, z};
        for (int axis = 0; axis < 3; axis++) {
            int base = axis * samples * width;
            float[] out = axes[axis];
            for (int i = from; i < to; i++) {
                int at = base + i * width;
                out[i - from] = encoding == INT16 ? (float) (b.getShort(at) / scale) : b.getFloat(at);
            }
        }
    }
}
