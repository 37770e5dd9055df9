package org.osteon.scoring.summary;

/** One left-closed impact-peak histogram bin {@code [lowerG, upperG)} and its count of peaks. */
public record HistogramBin(double lowerG, double upperG, int count) {}
