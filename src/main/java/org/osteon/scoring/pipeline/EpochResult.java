package org.osteon.scoring.pipeline;

import org.osteon.scoring.intensity.Intensity;

/**
 * Scores of one complete epoch (docs/metrics.md §2–§4).
 *
 * @param epochStartMillis start of the epoch, Unix epoch milliseconds
 * @param enmoMg mean of max(r − 1, 0) over the epoch, mg
 * @param madMg mean of |r − mean(r)| over the epoch, mg
 * @param axis1 ActiGraph Axis1 counts (device Y)
 * @param axis2 ActiGraph Axis2 counts (device X)
 * @param axis3 ActiGraph Axis3 counts (device Z)
 * @param vm √(axis1² + axis2² + axis3²)
 * @param peaks impact peaks whose maximum lies in this epoch
 * @param peakMaxG largest of those peaks, g (0 when there is none)
 * @param intensity class under the configured cut-point set
 * @param nonwear whether the epoch lies in detected non-wear time
 * @param steps steps detected in this epoch
 */
public record EpochResult(
        long epochStartMillis,
        double enmoMg,
        double madMg,
        int axis1,
        int axis2,
        int axis3,
        double vm,
        int peaks,
        double peakMaxG,
        Intensity intensity,
        boolean nonwear,
        int steps) {}
