package org.osteon.simulator;

import java.util.SplittableRandom;

/**
 * How each kind of gait is drawn. Cadence and heel-strike peak set the epoch's ENMO (about the
 * pulse's area over the cycle), chosen so that walking stays light (≈ 70 mg), brisk walking
 * moderate (≈ 170–200 mg) and running vigorous (≈ 300–500 mg) under the GGIR default cut points.
 * Walking peaks stay below the 1.3-g impact threshold; brisk walking lands in Deere's low band and
 * running in the medium band, clear of the band edges (2.1 and 4.2 g).
 *
 * @param cadenceLowHz lowest step frequency of a segment
 * @param cadenceHighHz highest step frequency of a segment
 * @param peakLowG lowest heel-strike peak of a segment
 * @param peakHighG highest heel-strike peak of a segment
 * @param pulseSeconds width of the heel-strike pulse
 * @param swayG sideways arm sway during the swing
 */
record Gait(
        double cadenceLowHz,
        double cadenceHighHz,
        double peakLowG,
        double peakHighG,
        double pulseSeconds,
        double swayG) {

    private static final Gait WALKING = new Gait(1.8, 1.95, 1.22, 1.27, 0.28, 0.08);
    private static final Gait BRISK = new Gait(1.95, 2.1, 1.72, 1.88, 0.22, 0.15);
    private static final Gait RUNNING = new Gait(2.3, 2.45, 2.4, 3.8, 0.16, 0.25);

    static Gait of(Activity activity) {
        return switch (activity) {
            case WALKING -> WALKING;
            case BRISK_WALKING -> BRISK;
            case RUNNING -> RUNNING;
            default -> throw new IllegalArgumentException(activity + " is not a gait");
        };
    }

    double cadence(SplittableRandom random) {
        return cadenceLowHz + random.nextDouble() * (cadenceHighHz - cadenceLowHz);
    }

    /** A segment's typical heel-strike peak. */
    double strike(SplittableRandom random) {
        return peakLowG + random.nextDouble() * (peakHighG - peakLowG);
    }

    /**
     * One step's peak: within ±0.1 g of the segment's, as consecutive strides are alike (step
     * detectors reject peaks that differ by more than 0.5 g from the one two before).
     */
    double stepPeak(double strikeG, SplittableRandom random) {
        return Math.max(peakLowG, Math.min(peakHighG, strikeG + 0.2 * (random.nextDouble() - 0.5)));
    }
}
