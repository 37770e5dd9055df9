package org.osteon.scoring.circadian;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * The analyzer's aggregation as it was before it kept per-day profiles: one pass, one running sum
 * per hour since the first day and per 10-min bin over all days. Kept as the oracle that the split
 * into {@link CircadianDay} profiles changed no result beyond the last bits of a sum's order; the
 * formulas over the aggregates (IS, IV, M10/L5 windows) are the analyzer's own.
 */
final class SinglePassAnalyzer {

    private static final int BINS_PER_DAY = 144;
    private static final String VERSION = "1";

    private final ScoringParams params;
    private final CircadianParams settings;
    private final ZoneId zone;
    private final double threshold;
    private LocalDate firstDate;
    private double[] hourSum = new double[24 * 8];
    private int[] hourWear = new int[24 * 8];
    private final double[] binSum = new double[BINS_PER_DAY];
    private final int[] binCount = new int[BINS_PER_DAY];

    SinglePassAnalyzer(ScoringParams params, ZoneId zone) {
        this.params = params;
        this.settings = params.circadian();
        this.zone = zone;
        this.threshold = CircadianAnalyzer.lightThreshold(params);
    }

    /** Adds one epoch; non-wear epochs are skipped, so their hours lose wear and may go missing. */
    void add(EpochResult e) {
        if (e.nonwear()) {
            return;
        }
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(e.epochStartMillis()), zone);
        if (firstDate == null) {
            firstDate = t.toLocalDate();
        }
        int hour = (int) ChronoUnit.DAYS.between(firstDate, t.toLocalDate()) * 24 + t.getHour();
        if (hour >= hourSum.length) {
            hourSum = Arrays.copyOf(hourSum, Math.max(hourSum.length * 2, hour + 24));
            hourWear = Arrays.copyOf(hourWear, hourSum.length);
        }
        hourSum[hour] += settings.binarise() ? (e.enmoMg() >= threshold ? 1 : 0) : e.enmoMg();
        hourWear[hour]++;
        int bin = (t.getHour() * 60 + t.getMinute()) / 10;
        binSum[bin] += e.enmoMg();
        binCount[bin]++;
    }

    /** The result, or empty when fewer than {@link CircadianParams#minDays()} days have valid hours. */
    Optional<Circadian> result() {
        double[] x = hourlyValues();
        int days = CircadianAnalyzer.validDays(x);
        if (days < settings.minDays()) {
            return Optional.empty();
        }
        double[] profile = averageDay();
        double[] m10 = CircadianAnalyzer.window(settings, profile, 60, true);
        double[] l5 = CircadianAnalyzer.window(settings, profile, 30, false);
        Provenance provenance = new Provenance("circadian-is-iv-m10-l5", VERSION, params.provenanceParameters())
                .with("settings", settings)
                .with("binariseThresholdMg", threshold);
        return Optional.of(new Circadian(
                days,
                CircadianAnalyzer.present(x),
                CircadianAnalyzer.interdailyStability(x),
                CircadianAnalyzer.intradailyVariability(x),
                m10[0],
                (int) m10[1] * 10,
                l5[0],
                (int) l5[1] * 10,
                (m10[0] - l5[0]) / (m10[0] + l5[0]),
                provenance));
    }

    /** Hourly means, {@code NaN} for missing hours. */
    private double[] hourlyValues() {
        int expected = 3600 / params.epochSeconds();
        int hours = lastHour() + 1;
        double[] x = new double[hours];
        for (int h = 0; h < hours; h++) {
            x[h] = hourWear[h] >= settings.minHourWearFraction() * expected && hourWear[h] > 0
                    ? hourSum[h] / hourWear[h]
                    : Double.NaN;
        }
        return x;
    }

    private int lastHour() {
        int last = -1;
        for (int h = 0; h < hourWear.length; h++) {
            if (hourWear[h] > 0) {
                last = h;
            }
        }
        return last;
    }

    private double[] averageDay() {
        double[] profile = new double[BINS_PER_DAY];
        for (int b = 0; b < BINS_PER_DAY; b++) {
            profile[b] = binCount[b] == 0 ? Double.NaN : binSum[b] / binCount[b];
        }
        return profile;
    }
}
