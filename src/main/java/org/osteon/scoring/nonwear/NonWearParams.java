package org.osteon.scoring.nonwear;

/**
 * Non-wear detection parameters (GGIR default, current code; docs/metrics.md §1). Docs that say
 * 50 mg for the range are stale (GGIR #1172); 150 mg is the default here.
 *
 * @param windowMinutes window length (60)
 * @param stepMinutes step between window starts (15); must divide {@code windowMinutes} and 60
 * @param sdThresholdG per-axis standard deviation below which an axis qualifies (0.013 g)
 * @param rangeThresholdG per-axis range below which an axis qualifies (0.150 g)
 * @param minAxes number of qualifying axes that make a window non-wear (2)
 */
public record NonWearParams(
        int windowMinutes, int stepMinutes, double sdThresholdG, double rangeThresholdG, int minAxes) {

    public static final NonWearParams GGIR_DEFAULT = new NonWearParams(60, 15, 0.013, 0.150, 2);

    public NonWearParams {
        if (stepMinutes <= 0 || windowMinutes % stepMinutes != 0 || 60 % stepMinutes != 0) {
            throw new IllegalArgumentException("step must divide the window and 60 min: " + stepMinutes);
        }
    }

    /** Number of steps that make up one window. */
    public int stepsPerWindow() {
        return windowMinutes / stepMinutes;
    }
}
