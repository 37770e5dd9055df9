package org.osteon.scoring.sleep;

import org.osteon.scoring.Provenance;

/**
 * Day-to-day variability of the sleep midpoint over a span of nights, usually a week.
 *
 * @param nights nights with a window
 * @param meanMinutesAfterNoon mean midpoint, minutes after the local noon that starts its night
 * @param sdMinutes sample standard deviation (n − 1) of the midpoints, minutes
 * @param provenance algorithm, version and parameters
 */
public record MidpointVariability(int nights, double meanMinutesAfterNoon, double sdMinutes, Provenance provenance) {}
