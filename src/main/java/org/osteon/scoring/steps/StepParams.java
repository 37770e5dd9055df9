package org.osteon.scoring.steps;

/**
 * Parameters of the Verisense step algorithm (Gu et al. 2017 peak detection with a magnitude
 * threshold added by Shimmer; ShimmerEngineering/Verisense-Toolbox {@code verisense_count_steps.R},
 * the function GGIR's documentation calls). Defaults are the published
 * {@code c(3, 5, 15, -0.5, 3, 4, 0.001, 1.2)} at the 15 Hz the algorithm was designed for.
 *
 * <p>The algorithm is run on blocks of {@code blockMinutes} aligned to the recording start, so its
 * result does not depend on how the data arrive; steps at block edges may be lost as in GGIR's
 * chunks. The block length is an Osteon choice, configurable.
 *
 * @param k window (samples) in which a local maximum must be centred
 * @param periodMin minimum samples between peaks (exclusive)
 * @param periodMax maximum samples between peaks (exclusive)
 * @param similarityThreshold peaks kept when −|a[i+2] − a[i]| exceeds this (g)
 * @param continuityWindowSize number of inter-peak windows that must exceed the variance threshold
 * @param continuityThreshold number of inter-peak windows inspected
 * @param varianceThreshold variance (g²) an inter-peak window must exceed
 * @param magnitudeThresholdG minimum peak magnitude (g)
 * @param minSdG blocks whose magnitude SD is below this have no steps (g)
 * @param resampleHz rate the algorithm runs at (15)
 * @param blockMinutes length of the blocks the algorithm runs on; must divide 24 h
 */
public record StepParams(
        int k,
        int periodMin,
        int periodMax,
        double similarityThreshold,
        int continuityWindowSize,
        int continuityThreshold,
        double varianceThreshold,
        double magnitudeThresholdG,
        double minSdG,
        int resampleHz,
        int blockMinutes) {

    public static final StepParams VERISENSE_DEFAULT = new StepParams(3, 5, 15, -0.5, 3, 4, 0.001, 1.2, 0.025, 15, 60);

    public StepParams {
        if (blockMinutes <= 0 || (24 * 60) % blockMinutes != 0) {
            throw new IllegalArgumentException("blockMinutes must divide 24 h: " + blockMinutes);
        }
    }
}
