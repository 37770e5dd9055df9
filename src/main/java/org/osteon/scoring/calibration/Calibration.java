package org.osteon.scoring.calibration;

import java.util.Arrays;

/**
 * Result of autocalibration (van Hees et al., J Appl Physiol 2014; GGIR {@code g.calibrate}),
 * docs/metrics.md §1: corrected = (raw + offset) · scale, per axis, in g.
 *
 * <p>When {@link #accepted()} is false the coefficients are the identity and {@link #reason()}
 * says why, so that a stored score can show that raw data were used and for what reason.
 *
 * @param offset offset per axis x, y, z in g (added before scaling)
 * @param scale scale per axis x, y, z
 * @param accepted whether the fit passed the acceptance rule and is applied
 * @param reason why the fit was rejected, or {@code "accepted"}
 * @param errorBeforeG mean of |‖a‖ − 1| over the still points before correction, g ({@code NaN}
 *     when there were no still points)
 * @param errorAfterG the same after the fitted correction ({@code NaN} when no fit was tried)
 * @param stillPoints number of 10-s still windows used
 */
public record Calibration(
        double[] offset,
        double[] scale,
        boolean accepted,
        String reason,
        double errorBeforeG,
        double errorAfterG,
        int stillPoints) {

    public Calibration {
        offset = offset.clone();
        scale = scale.clone();
        if (!accepted && !(Arrays.equals(offset, new double[3]) && Arrays.equals(scale, new double[] {1, 1, 1}))) {
            // A rejected fit must not change the data, whoever built the record.
            throw new IllegalArgumentException("a calibration that is not accepted must be the identity");
        }
    }

    /** No calibration supplied: raw data are used. */
    public static Calibration none() {
        return rejected("no calibration supplied", Double.NaN, Double.NaN, 0);
    }

    static Calibration rejected(String reason, double errorBefore, double errorAfter, int stillPoints) {
        return new Calibration(
                new double[3], new double[] {1, 1, 1}, false, reason, errorBefore, errorAfter, stillPoints);
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** Corrected value of one axis (0 = x, 1 = y, 2 = z); the identity when not accepted. */
    public double apply(int axis, double raw) {
        return (raw + offset[axis]) * scale[axis];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c
                && Arrays.equals(offset, c.offset)
                && Arrays.equals(scale, c.scale)
                && accepted == c.accepted
                && reason.equals(c.reason)
                && Double.compare(errorBeforeG, c.errorBeforeG) == 0
                && Double.compare(errorAfterG, c.errorAfterG) == 0
                && stillPoints == c.stillPoints;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(offset) + Arrays.hashCode(scale) + reason.hashCode() + stillPoints;
    }

    @Override
    public String toString() {
        return "Calibration[offset=" + Arrays.toString(offset) + ", scale=" + Arrays.toString(scale)
                + ", accepted=" + accepted + ", reason=" + reason + ", errorBeforeG=" + errorBeforeG
                + ", errorAfterG=" + errorAfterG + ", stillPoints=" + stillPoints + "]";
    }
}
