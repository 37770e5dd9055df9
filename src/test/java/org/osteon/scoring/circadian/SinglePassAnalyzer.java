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
 * The analyzer as it was before it kept per-day profiles: one pass, one running sum per hour since
 * the first day and per 10-min bin over all days. Kept as the oracle that the split into {@link
 * CircadianDay} profiles changed no result beyond the last bits of a sum's order.
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
        int days = validDays(x);
        if (days < settings.minDays()) {
            return Optional.empty();
        }
        double[] profile = averageDay();
        double[] m10 = window(profile, 60, true);
        double[] l5 = window(profile, 30, false);
        Provenance provenance = new Provenance("circadian-is-iv-m10-l5", VERSION, params.provenanceParameters())
                .with("settings", settings)
                .with("binariseThresholdMg", threshold);
        return Optional.of(new Circadian(days, present(x), interdailyStability(x), intradailyVariability(x),
                m10[0], (int) m10[1] * 10, l5[0], (int) l5[1] * 10, (m10[0] - l5[0]) / (m10[0] + l5[0]), provenance));
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

    private static int validDays(double[] x) {
        int days = 0;
        for (int d = 0; d * 24 < x.length; d++) {
            for (int h = d * 24; h < Math.min(x.length, d * 24 + 24); h++) {
                if (!Double.isNaN(x[h])) {
                    days++;
                    break;
                }
            }
        }
        return days;
    }

    private static int present(double[] x) {
        return (int) Arrays.stream(x).filter(v -> !Double.isNaN(v)).count();
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static double sumSquaresAbout(double[] x, double m) {
        double ss = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                ss += (v - m) * (v - m);
            }
        }
        return ss;
    }

    private static double interdailyStability(double[] x) {
        double m = mean(x);
        double between = 0;
        for (int h = 0; h < 24; h++) {
            double sum = 0;
            int n = 0;
            for (int i = h; i < x.length; i += 24) {
                if (!Double.isNaN(x[i])) {
                    sum += x[i];
                    n++;
                }
            }
            if (n > 0) {
                between += n * (sum / n - m) * (sum / n - m);
            }
        }
        return between / sumSquaresAbout(x, m);
    }

    private static double intradailyVariability(double[] x) {
        double m = mean(x);
        double diffs = 0;
        int pairs = 0;
        for (int i = 1; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(x[i - 1])) {
                diffs += (x[i] - x[i - 1]) * (x[i] - x[i - 1]);
                pairs++;
            }
        }
        return present(x) * diffs / (pairs * sumSquaresAbout(x, m));
    }

    private double[] averageDay() {
        double[] profile = new double[BINS_PER_DAY];
        for (int b = 0; b < BINS_PER_DAY; b++) {
            profile[b] = binCount[b] == 0 ? Double.NaN : binSum[b] / binCount[b];
        }
        return profile;
    }

    /** {mean, start bin} of the window of {@code length} bins with the highest (or lowest) mean. */
    private double[] window(double[] profile, int length, boolean highest) {
        int starts = settings.wrapM10L5() ? BINS_PER_DAY : BINS_PER_DAY - length + 1;
        double best = Double.NaN;
        int bestStart = -1;
        for (int s = 0; s < starts; s++) {
            double sum = 0;
            int n = 0;
            for (int j = s; j < s + length; j++) {
                double v = profile[j % BINS_PER_DAY];
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            if (!Double.isNaN(mean) && (Double.isNaN(best) || (highest ? mean > best : mean < best))) {
                best = mean;
                bestStart = s;
            }
        }
        return new double[] {best, bestStart};
    }
}
