package org.osteon.scoring.summary;

/** Peaks of one day in one impact band {@code [lowerG, upperG)}. */
public record BandCount(String band, double lowerG, double upperG, int count) {}
