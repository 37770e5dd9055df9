package org.osteon.scoring.calibration;

import java.util.Arrays;

/**
 * Iterative weighted least-squares fit of (p + offset) · scale to the unit sphere, as GGIR {@code
 * g.calibrate} does it: each iteration projects the corrected points onto the sphere, regresses
 * the projections on the corrected values axis by axis, folds the regression into offset and
 * scale, and reweights each point by min(1 / distance, 100).
 */
record SphereFit(double[] offset, double[] scale) {

    static final int MAX_ITERATIONS = 1000;
    static final double TOLERANCE = 1e-10;
    static final double MAX_WEIGHT = 100;

    /** @param p still points, x, y, z interleaved */
    static SphereFit fit(double[] p) {
        int n = p.length / 3;
        double[] offset = new double[3];
        double[] scale = {1, 1, 1};
        double[] weight = new double[n];
        Arrays.fill(weight, 1);
        double[] fitted = new double[p.length];
        double[] closest = new double[p.length];
        double previous = Double.NaN;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            project(p, offset, scale, fitted, closest);
            for (int axis = 0; axis < 3; axis++) {
                double[] ab = weightedLine(fitted, closest, weight, axis);
                offset[axis] += ab[0] / (scale[axis] * ab[1]);
                scale[axis] *= ab[1];
                for (int i = axis; i < p.length; i += 3) {
                    fitted[i] = ab[0] + ab[1] * fitted[i];
                }
            }
            double residual = reweight(fitted, closest, weight);
            if (Math.abs(residual - previous) < TOLERANCE) {
                break;
            }
            previous = residual;
        }
        return new SphereFit(offset, scale);
    }

    /** Corrected points into {@code corrected}, their projections on the unit sphere into {@code closest}. */
    private static void project(double[] p, double[] offset, double[] scale, double[] corrected, double[] closest) {
        for (int i = 0; i < p.length; i += 3) {
            double norm = 0;
            for (int axis = 0; axis < 3; axis++) {
                corrected[i + axis] = (p[i + axis] + offset[axis]) * scale[axis];
                norm += corrected[i + axis] * corrected[i + axis];
            }
            norm = Math.sqrt(norm);
            for (int axis = 0; axis < 3; axis++) {
                closest[i + axis] = corrected[i + axis] / norm;
            }
        }
    }

    /** {intercept, slope} of the weighted regression of closest on corrected for one axis. */
    private static double[] weightedLine(double[] x, double[] y, double[] w, int axis) {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = axis, k = 0; i < x.length; i += 3, k++) {
            sw += w[k];
            sx += w[k] * x[i];
            sy += w[k] * y[i];
            sxx += w[k] * x[i] * x[i];
            sxy += w[k] * x[i] * y[i];
        }
        double slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / sw, slope};
    }

    /** Updates the weights and returns GGIR's residual, 3 · mean(w · d² / Σw) over all coordinates. */
    private static double reweight(double[] fitted, double[] closest, double[] weight) {
        double sumW = 0;
        for (double w : weight) {
            sumW += w;
        }
        double residual = 0;
        for (int i = 0, k = 0; i < fitted.length; i += 3, k++) {
            double d2 = 0;
            for (int axis = 0; axis < 3; axis++) {
                double d = fitted[i + axis] - closest[i + axis];
                d2 += d * d;
                residual += weight[k] * d * d / sumW;
            }
            weight[k] = Math.min(1 / Math.sqrt(d2), MAX_WEIGHT);
        }
        return 3 * residual / fitted.length;
    }

    /** Mean of |‖(p + offset) · scale‖ − 1| over the points. */
    static double meanError(double[] p, double[] offset, double[] scale) {
        double sum = 0;
        for (int i = 0; i < p.length; i += 3) {
            double norm = 0;
            for (int axis = 0; axis < 3; axis++) {
                double c = (p[i + axis] + offset[axis]) * scale[axis];
                norm += c * c;
            }
            sum += Math.abs(Math.sqrt(norm) - 1);
        }
        return sum / (p.length / 3);
    }
}
