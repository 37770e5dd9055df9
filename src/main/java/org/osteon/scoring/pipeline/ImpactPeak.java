package org.osteon.scoring.pipeline;

/**
 * One impact peak: a continuous run of samples at or above the threshold (docs/metrics.md §4).
 *
 * @param timeMillis time of the run's maximum, Unix epoch milliseconds
 * @param magnitudeG the run's maximum, g
 * @param nonwear whether the epoch holding the maximum is non-wear (such peaks are excluded)
 */
public record ImpactPeak(long timeMillis, double magnitudeG, boolean nonwear) {}
