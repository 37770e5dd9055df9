package org.osteon.scoring.sleep;

import java.time.Instant;
import org.osteon.scoring.Provenance;

/**
 * The sleep period time window of one night (HDCZA, van Hees et al. 2018, Sci Rep 8:12975): from
 * the first to the last epoch of the longest joined block of little z-angle change between one
 * noon and the next.
 *
 * @param onset start of the window's first epoch
 * @param wake end of the window's last epoch
 * @param durationMinutes wake − onset, minutes
 * @param midpoint halfway between onset and wake
 * @param thresholdDeg the threshold on the rolling median of z-angle change used that night, degrees
 * @param provenance algorithm, version and parameters
 */
public record SleepWindow(
        Instant onset,
        Instant wake,
        double durationMinutes,
        Instant midpoint,
        double thresholdDeg,
        Provenance provenance) {}
