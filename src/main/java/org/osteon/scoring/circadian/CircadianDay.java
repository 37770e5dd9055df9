package org.osteon.scoring.circadian;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * One local day's activity profile: everything {@link CircadianAnalyzer} keeps of the day, so that
 * days scored apart (the engine scores one day at a time) give, combined with {@link
 * CircadianAnalyzer#combine}, exactly what one analyzer fed all their epochs gives.
 *
 * <p>Indexes are local clock hours and local 10-min bins. A day with a daylight-saving change has
 * 23 or 25 hours: the skipped hour stays empty and the repeated hour is merged into its one clock
 * hour (both halves of 02:00–03:00 add to index 2), as the analyzer has always done. Only worn
 * epochs count.
 *
 * @param date the local day
 * @param hourSums per clock hour, the sum over its worn epochs of ENMO (mg), or of 1/0 for ENMO at or
 *     above / below the light threshold when the analyzer binarises
 * @param hourEpochs per clock hour, worn epochs
 * @param binSums per 10-min bin (144), the sum of worn epochs' ENMO in mg, never binarised
 * @param binEpochs per 10-min bin, worn epochs
 */
public record CircadianDay(LocalDate date, double[] hourSums, int[] hourEpochs, double[] binSums, int[] binEpochs) {

    public static final int HOURS = 24;
    public static final int BINS = 144;

    public CircadianDay {
        Objects.requireNonNull(date, "date");
        if (hourSums.length != HOURS
                || hourEpochs.length != HOURS
                || binSums.length != BINS
                || binEpochs.length != BINS) {
            throw new IllegalArgumentException("a day has 24 clock hours and 144 ten-minute bins");
        }
        hourSums = hourSums.clone();
        hourEpochs = hourEpochs.clone();
        binSums = binSums.clone();
        binEpochs = binEpochs.clone();
    }

    /** An empty day, to add epochs to. */
    static CircadianDay empty(LocalDate date) {
        return new CircadianDay(date, new double[HOURS], new int[HOURS], new double[BINS], new int[BINS]);
    }

    @Override
    public double[] hourSums() {
        return hourSums.clone();
    }

    @Override
    public int[] hourEpochs() {
        return hourEpochs.clone();
    }

    @Override
    public double[] binSums() {
        return binSums.clone();
    }

    @Override
    public int[] binEpochs() {
        return binEpochs.clone();
    }

    /** Worn epochs in the day. */
    public int epochs() {
        return Arrays.stream(binEpochs).sum();
    }

    double hourSum(int h) {
        return hourSums[h];
    }

    int hourEpochs(int h) {
        return hourEpochs[h];
    }

    double binSum(int b) {
        return binSums[b];
    }

    int binEpochs(int b) {
        return binEpochs[b];
    }

    /** Adds one worn epoch; only the analyzer builds days, and only before handing them out. */
    void add(int hour, double hourValue, int bin, double enmoMg) {
        hourSums[hour] += hourValue;
        hourEpochs[hour]++;
        binSums[bin] += enmoMg;
        binEpochs[bin]++;
    }

    /** Equal when the date and every sum and count are equal, to the bit. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CircadianDay d
                && date.equals(d.date)
                && Arrays.equals(hourSums, d.hourSums)
                && Arrays.equals(hourEpochs, d.hourEpochs)
                && Arrays.equals(binSums, d.binSums)
                && Arrays.equals(binEpochs, d.binEpochs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                date,
                Arrays.hashCode(hourSums),
                Arrays.hashCode(hourEpochs),
                Arrays.hashCode(binSums),
                Arrays.hashCode(binEpochs));
    }

    @Override
    public String toString() {
        return "CircadianDay[" + date + ", " + epochs() + " worn epochs]";
    }
}
