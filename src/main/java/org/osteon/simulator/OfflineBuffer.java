package org.osteon.simulator;

import java.time.Instant;
import java.util.Arrays;

/** Samples a device records while it has no connection, up to one hour: one bulk re-sync batch. */
final class OfflineBuffer {
    private final int rateHz;
    /** Grows as the period lasts and shrinks back once sent: most devices are never offline long. */
    private float[][] axes;

    private Instant start;
    private int length;

    OfflineBuffer(int rateHz) {
        this.rateHz = rateHz;
        this.axes = new float[3][60 * rateHz];
    }

    void append(Instant second, float[] x, float[] y, float[] z, int n) {
        if (length == 0) {
            start = second;
        }
        if (length + n > axes[0].length) {
            int size = Math.max(length + n, Math.min(3600 * rateHz, 2 * axes[0].length));
            for (int a = 0; a < 3; a++) {
                axes[a] = Arrays.copyOf(axes[a], size);
            }
        }
        System.arraycopy(x, 0, axes[0], length, n);
        System.arraycopy(y, 0, axes[1], length, n);
        System.arraycopy(z, 0, axes[2], length, n);
        length += n;
    }

    boolean isEmpty() {
        return length == 0;
    }

    boolean holdsAnHour() {
        return length >= 3600 * rateHz;
    }

    /** The buffered hour (or less) as one batch, emptying the buffer. */
    byte[] drain(BatchEncoder encoder, long seq) {
        byte[] payload = encoder.accel(seq, start, rateHz, axes[0], axes[1], axes[2], length);
        length = 0;
        axes = new float[3][60 * rateHz];
        return payload;
    }

    int length() {
        return length;
    }
}
