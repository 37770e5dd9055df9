package org.osteon.scoring.calibration;

import java.util.Arrays;

/**
 * Autocalibration after van Hees et al., J Appl Physiol 2014 (GGIR {@code g.calibrate}),
 * docs/metrics.md §1, as a streaming accumulator: feed raw samples while a file is read; only the
 * statistics of each 10-s window are kept, so memory grows by one point per still window.
 *
 * <ul>
 *   <li>A 10-s window is a still point when its SD is below 13 mg and its |mean| below 2 g on all
 *       three axes; the point is the window's mean.
 *   <li>The sphere is populated when every axis has still points below −0.3 g and above +0.3 g.
 *   <li>corrected = (raw + offset) · scale is fitted to the unit sphere by iterative weighted least
 *       squares, weight = min(1 / distance, 100), at most 1000 iterations, tolerance 1e-10.
 *   <li>The fit is accepted only when the error, mean |‖a‖ − 1| over the still points, decreases
 *       and ends below 0.01 g; otherwise the identity is returned with the reason.
 * </ul>
 *
 * Windows are aligned to the first sample; a trailing partial window is ignored.
 */
public final class AutoCalibrator {

    static final double WINDOW_SECONDS = 10;
    static final double STILL_SD_G = 0.013;
    static final double MAX_MEAN_G = 2;
    static final double SPHERE_G = 0.3;
    static final double ACCEPT_ERROR_G = 0.01;

    private final double rateHz;
    private final double[] sum = new double[3];
    private final double[] sumSq = new double[3];
    private int inWindow;
    private long window;
    private long sample;
    private long windowEnd;
    private double[] points = new double[3 * 1024];
    private int stillPoints;

    public AutoCalibrator(double rateHz) {
        this.rateHz = rateHz;
        this.windowEnd = sampleAt(WINDOW_SECONDS);
    }

    /** Adds raw samples (g). */
    public void accept(float[] x, float[] y, float[] z, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            add(0, x[i]);
            add(1, y[i]);
            add(2, z[i]);
            inWindow++;
            if (++sample == windowEnd) {
                closeWindow();
            }
        }
    }

    private void add(int axis, double v) {
        sum[axis] += v;
        sumSq[axis] += v * v;
    }

    private void closeWindow() {
        double[] mean = new double[3];
        boolean still = inWindow > 1;
        for (int axis = 0; axis < 3 && still; axis++) {
            mean[axis] = sum[axis] / inWindow;
            double var = Math.max(0, (sumSq[axis] - sum[axis] * mean[axis]) / (inWindow - 1));
            still = Math.sqrt(var) < STILL_SD_G && Math.abs(mean[axis]) < MAX_MEAN_G;
        }
        if (still) {
            if (3 * stillPoints == points.length) {
                points = Arrays.copyOf(points, points.length * 2);
            }
            System.arraycopy(mean, 0, points, 3 * stillPoints++, 3);
        }
        Arrays.fill(sum, 0);
        Arrays.fill(sumSq, 0);
        inWindow = 0;
        window++;
        windowEnd = sampleAt((window + 1) * WINDOW_SECONDS);
    }

    private long sampleAt(double seconds) {
        return (long) Math.ceil(seconds * rateHz - 1e-9);
    }

    /** Number of still windows seen so far. */
    public int stillPoints() {
        return stillPoints;
    }

    /** Fits the calibration to the still points seen so far (the accumulator may be fed further). */
    public Calibration fit() {
        double[] p = Arrays.copyOf(points, 3 * stillPoints);
        if (stillPoints == 0) {
            return Calibration.rejected("no still 10-s windows", Double.NaN, Double.NaN, 0);
        }
        double before = SphereFit.meanError(p, new double[3], new double[] {1, 1, 1});
        String unpopulated = unpopulatedAxes(p);
        if (unpopulated != null) {
            return Calibration.rejected("sphere not populated: " + unpopulated, before, Double.NaN, stillPoints);
        }
        SphereFit fit = SphereFit.fit(p);
        double after = SphereFit.meanError(p, fit.offset(), fit.scale());
        if (!(after < before)) {
            return Calibration.rejected("error did not decrease", before, after, stillPoints);
        }
        if (!(after < ACCEPT_ERROR_G)) {
            return Calibration.rejected("error after fit not below 0.01 g", before, after, stillPoints);
        }
        return new Calibration(fit.offset(), fit.scale(), true, "accepted", before, after, stillPoints);
    }

    /** The axes lacking still points beyond ±0.3 g, e.g. "y below -0.3 g", or null when populated. */
    private String unpopulatedAxes(double[] p) {
        StringBuilder missing = new StringBuilder();
        for (int axis = 0; axis < 3; axis++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = axis; i < p.length; i += 3) {
                min = Math.min(min, p[i]);
                max = Math.max(max, p[i]);
            }
            appendIf(missing, !(min < -SPHERE_G), "xyz".charAt(axis) + " below -0.3 g");
            appendIf(missing, !(max > SPHERE_G), "xyz".charAt(axis) + " above +0.3 g");
        }
        return missing.length() == 0 ? null : "no still points with " + missing;
    }

    private static void appendIf(StringBuilder sb, boolean condition, String text) {
        if (condition) {
            sb.append(sb.length() == 0 ? "" : ", ").append(text);
        }
    }
}
