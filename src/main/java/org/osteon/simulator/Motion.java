package org.osteon.simulator;

import java.util.SplittableRandom;

/**
 * Writes short stretches of acceleration (g) into a buffer: resting with noise, slow changes of
 * posture, one gait cycle, one jump. The device's orientation is kept as the direction in which it
 * reads +1 g at rest ({@code up}) and two directions across it; movement along {@code up} is
 * "vertical". The resultant is what impact peaks are found on, so every stretch is built to keep
 * it below 1.3 g except in the single, smooth landing or heel-strike pulse whose peak the caller
 * asks for: each such pulse is then exactly one impact of exactly that magnitude.
 */
final class Motion {
    /** Below the 1.3-g impact threshold, with room for noise. */
    private static final double QUIET_CEILING = 1.25;

    private final SplittableRandom random;
    private final double rate;
    final float[][] buffer;
    private double[] up = {0, 0, 1};
    private double[] across1 = {1, 0, 0};
    private double[] across2 = {0, 1, 0};

    Motion(SplittableRandom random, double rateHz, double maxUnitSeconds) {
        this.random = random;
        this.rate = rateHz;
        this.buffer = new float[3][(int) Math.ceil(rateHz * maxUnitSeconds)];
    }

    /** Turns the device at once, e.g. when a segment starts in another posture. */
    void orient(double[] direction) {
        up = unit(direction);
        double[] helper = Math.abs(up[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        across1 = unit(cross(up, helper));
        across2 = cross(up, across1);
    }

    /** At rest: 1 g along {@code up}, Gaussian noise of {@code sdG} on each axis (clipped at 3 SD). */
    int rest(int length, double sdG) {
        for (int i = 0; i < length; i++) {
            put(i, up, 1 + noise(sdG), noise(sdG), noise(sdG));
        }
        return length;
    }

    /** A smooth change of posture towards {@code target}; the resultant stays at 1 g plus noise. */
    int turn(int length, double[] target, double sdG) {
        double[] from = up;
        double[] to = unit(target);
        for (int i = 0; i < length; i++) {
            double w = (1 - Math.cos(Math.PI * (i + 1) / length)) / 2;
            double[] dir = unit(new double[] {
                from[0] * (1 - w) + to[0] * w, from[1] * (1 - w) + to[1] * w, from[2] * (1 - w) + to[2] * w
            });
            put(i, dir, 1 + noise(sdG), noise(sdG), noise(sdG));
        }
        orient(to);
        return length;
    }

    /**
     * One gait cycle of {@code length} samples: a swing phase with arm sway below 1 g vertical, then a
     * heel-strike pulse of {@code width} samples (odd) peaking at exactly {@code peakG}. The swing
     * dips so that the cycle's mean vertical acceleration is 1 g, as it must be over a stride.
     *
     * @return index of the pulse's peak in the buffer
     */
    int gaitCycle(int length, int width, double peakG, double swayG) {
        int swing = length - width;
        int half = width / 2;
        double excess = 0;
        for (int k = -half; k <= half; k++) {
            excess += (peakG - 1) * bell(k, half);
        }
        double sines = 0;
        for (int j = 0; j < swing; j++) {
            sines += Math.sin(Math.PI * (j + 1) / (swing + 1));
        }
        double dip = Math.min(0.9, excess / sines);
        double phase = random.nextDouble() * 2 * Math.PI;
        for (int j = 0; j < swing; j++) {
            double v = 1 - dip * Math.sin(Math.PI * (j + 1) / (swing + 1)) + noise(0.01);
            double a = 2 * Math.PI * j / swing + phase;
            put(j, up, Math.min(v, 1.0), swayG * Math.sin(a), swayG / 2 * Math.cos(a) + noise(0.01));
        }
        pulse(swing, half, peakG);
        return swing + half;
    }

    /**
     * One counter-movement jump: standing, the dip, the push-off (below 1.3 g), flight near 0 g, the
     * landing pulse peaking at exactly {@code peakG}, and a damped settle that starts below 1.3 g.
     *
     * @return index of the landing peak in the buffer; the jump's length is {@link #jumpLength}
     */
    int jump(int standing, int width, double peakG) {
        int i = rest(standing, 0.01);
        int dip = samples(0.4);
        for (int j = 0; j < dip; j++) {
            put(i++, up, 1 - 0.5 * Math.sin(Math.PI * (j + 1) / (dip + 1)), 0, 0);
        }
        int push = samples(0.2);
        for (int j = 0; j < push; j++) {
            put(i++, up, 1 + (QUIET_CEILING - 1) * Math.sin(Math.PI * (j + 1) / (push + 1)), 0, 0);
        }
        int flight = samples(0.35);
        for (int j = 0; j < flight; j++) {
            put(i++, up, 0.05 + Math.abs(noise(0.005)), 0, 0);
        }
        int half = width / 2;
        pulse(i, half, peakG);
        int peak = i + half;
        i += width;
        int settle = samples(0.5);
        for (int j = 0; j < settle; j++) {
            double v = 1 + 0.2 * Math.exp(-j / (0.1 * rate)) * Math.cos(2 * Math.PI * 4 * j / rate);
            put(i++, up, v, noise(0.005), noise(0.005));
        }
        return peak;
    }

    int jumpLength(int standing, int width) {
        return standing + samples(0.4) + samples(0.2) + samples(0.35) + width + samples(0.5);
    }

    /** A raised-cosine pulse along {@code up} with no sideways part, so that its resultant peak is exact. */
    private void pulse(int from, int half, double peakG) {
        for (int k = -half; k <= half; k++) {
            put(from + half + k, up, 1 + (peakG - 1) * bell(k, half), 0, 0);
        }
    }

    private static double bell(int k, int half) {
        return 0.5 * (1 + Math.cos(Math.PI * k / (half + 1)));
    }

    int samples(double seconds) {
        return (int) Math.round(seconds * rate);
    }

    /** The nearest odd number of samples to {@code seconds}, at least 3, so a pulse has a middle sample. */
    int oddSamples(double seconds) {
        int n = (int) Math.round(seconds * rate);
        return Math.max(3, n % 2 == 0 ? n + 1 : n);
    }

    private double noise(double sd) {
        return Math.max(-3, Math.min(3, random.nextGaussian())) * sd;
    }

    private void put(int i, double[] along, double v, double a1, double a2) {
        for (int axis = 0; axis < 3; axis++) {
            buffer[axis][i] = (float) (along[axis] * v + across1[axis] * a1 + across2[axis] * a2);
        }
    }

    static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
