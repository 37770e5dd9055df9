package org.osteon.scoring.circadian;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.osteon.scoring.Provenance;
import org.osteon.scoring.intensity.IntensityMetric;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * IS, IV (van Someren 1999; GGIR {@code g.IVIS}), M10, L5 and RA from worn epochs' ENMO, over local
 * clock hours (docs/metrics.md §2).
 *
 * <ul>
 *   <li>Hourly values are means over the hour's worn epochs. When {@link CircadianParams#binarise()}
 *       (default, as GGIR ≥ 3.1-6) each epoch is first 1 when ENMO ≥ the light threshold, else 0.
 *   <li>An hour worn for less than {@link CircadianParams#minHourWearFraction()} is missing and left
 *       missing (GGIR ≥ 3.1-6): it is not imputed, it is left out of N and of the clock-hour means,
 *       and IV uses only differences between consecutive hours that are both present, with the
 *       number of such pairs in place of N − 1.
 *   <li>IS is computed as Σ_h n_h (x̄_h − x̄)² / Σ_i (x_i − x̄)², n_h being the days present at
 *       clock hour h. With no missing hour n_h = N / 24 and this is exactly van Someren's formula;
 *       with missing hours it stays within 0..1, which the unweighted formula does not.
 *   <li>M10 and L5 search the average day, at 10-min resolution, in 10-min steps, for the 10-h and
 *       5-h windows with the highest and lowest mean ENMO (never binarised); windows wrap past
 *       midnight only when {@link CircadianParams#wrapM10L5()} is set.
 * </ul>
 *
 * Days with a daylight-saving change have 23 or 25 clock hours; the repeated hour is merged.
 *
 * <p>What the analyzer keeps is one {@link CircadianDay} per local day ({@link #days()}); the
 * result is computed from those profiles alone ({@link #combine}), so days analysed apart and
 * combined later give the same numbers, to the bit, as one analyzer fed every epoch.
 */
public final class CircadianAnalyzer {

    private static final int BINS_PER_DAY = CircadianDay.BINS;
    private static final String VERSION = "1";

    private final ScoringParams params;
    private final CircadianParams settings;
    private final ZoneId zone;
    private final double threshold;
    private final Map<LocalDate, CircadianDay> days = new TreeMap<>();
    private CircadianDay lastDay;

    public CircadianAnalyzer(ScoringParams params, ZoneId zone) {
        this.params = params;
        this.settings = params.circadian();
        this.zone = zone;
        this.threshold = lightThreshold(params);
    }

    /** The threshold at which ENMO is binarised: the setting, else the ENMO set's light boundary, else 40 mg. */
    public static double lightThreshold(ScoringParams params) {
        if (!Double.isNaN(params.circadian().lightThresholdMg())) {
            return params.circadian().lightThresholdMg();
        }
        boolean enmoSet = params.cutPoints().metric() == IntensityMetric.ENMO_MG
                && params.cutPoints().definesSedentary();
        return enmoSet ? params.cutPoints().light() : 40.0;
    }

    private CircadianAnalyzer(CircadianAnalyzer o) {
        this.params = o.params;
        this.settings = o.settings;
        this.zone = o.zone;
        this.threshold = o.threshold;
        // The canonical constructor copies the sums; the day being filled is looked up again.
        o.days.forEach((date, d) ->
                days.put(date, new CircadianDay(date, d.hourSums(), d.hourEpochs(), d.binSums(), d.binEpochs())));
    }

    /** An independent analyzer with this one's epochs. */
    public CircadianAnalyzer copy() {
        return new CircadianAnalyzer(this);
    }

    /** Adds one epoch; non-wear epochs are skipped, so their hours lose wear and may go missing. */
    public void add(EpochResult e) {
        if (e.nonwear()) {
            return;
        }
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(e.epochStartMillis()), zone);
        LocalDate date = t.toLocalDate();
        if (lastDay == null || !lastDay.date().equals(date)) {
            lastDay = days.computeIfAbsent(date, CircadianDay::empty);
        }
        double hourValue = settings.binarise() ? (e.enmoMg() >= threshold ? 1 : 0) : e.enmoMg();
        lastDay.add(t.getHour(), hourValue, (t.getHour() * 60 + t.getMinute()) / 10, e.enmoMg());
    }

    /** The profile of every local day with a worn epoch so far, in date order. */
    public List<CircadianDay> days() {
        List<CircadianDay> out = new ArrayList<>();
        for (CircadianDay d : days.values()) {
            out.add(new CircadianDay(d.date(), d.hourSums(), d.hourEpochs(), d.binSums(), d.binEpochs()));
        }
        return out;
    }

    /** The result, or empty when fewer than {@link CircadianParams#minDays()} days have valid hours. */
    public Optional<Circadian> result() {
        return combine(params, List.copyOf(days.values()));
    }

    /**
     * IS, IV, M10, L5 and RA of the given day profiles, with the same rules and to the same bits as
     * one analyzer fed all their epochs: hours are laid out day after day from the first date, a
     * date without a profile being a day of missing hours, and the 10-min bins of all days are added
     * up in date order. The profiles must have been made with {@code params}' epoch length,
     * binarisation and threshold.
     *
     * @param days at most one per date, in any order; empty days may be among them
     * @return empty when fewer than {@link CircadianParams#minDays()} days have valid hours
     */
    public static Optional<Circadian> combine(ScoringParams params, List<CircadianDay> days) {
        CircadianParams settings = params.circadian();
        List<CircadianDay> sorted = sortedDistinct(days);
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        double[] x = hourlyValues(params, sorted);
        int validDays = validDays(x);
        if (validDays < settings.minDays()) {
            return Optional.empty();
        }
        double[] binSum = new double[BINS_PER_DAY];
        int[] binCount = new int[BINS_PER_DAY];
        for (CircadianDay d : sorted) {
            for (int b = 0; b < BINS_PER_DAY; b++) {
                binSum[b] += d.binSum(b);
                binCount[b] += d.binEpochs(b);
            }
        }
        double[] profile = averageDay(binSum, binCount);
        double[] m10 = window(settings, profile, 60, true);
        double[] l5 = window(settings, profile, 30, false);
        Provenance provenance = new Provenance("circadian-is-iv-m10-l5", VERSION, params.provenanceParameters())
                .with("settings", settings)
                .with("binariseThresholdMg", lightThreshold(params));
        return Optional.of(new Circadian(
                validDays,
                present(x),
                interdailyStability(x),
                intradailyVariability(x),
                m10[0],
                (int) m10[1] * 10,
                l5[0],
                (int) l5[1] * 10,
                (m10[0] - l5[0]) / (m10[0] + l5[0]),
                provenance));
    }

    /**
     * RA of one day on its own: M10 and L5 searched in that day's 10-min bins as {@link #combine}
     * searches the average day. Empty when the day has fewer valid hours (worn for at least {@link
     * CircadianParams#minHourWearFraction()}) than {@link CircadianParams#minDayValidHours()}: on
     * a day worn for a few hours the 10-h and 5-h windows would compare whatever was worn, not the
     * day's active and quiet parts.
     */
    public static OptionalDouble dayRelativeAmplitude(ScoringParams params, CircadianDay day) {
        if (validHours(params, day) < params.circadian().minDayValidHours()) {
            return OptionalDouble.empty();
        }
        double[] profile = averageDay(day.binSums(), day.binEpochs());
        double m10 = window(params.circadian(), profile, 60, true)[0];
        double l5 = window(params.circadian(), profile, 30, false)[0];
        return OptionalDouble.of((m10 - l5) / (m10 + l5));
    }

    /** Hours of the day worn for at least {@link CircadianParams#minHourWearFraction()}. */
    public static int validHours(ScoringParams params, CircadianDay day) {
        int valid = 0;
        for (int h = 0; h < CircadianDay.HOURS; h++) {
            if (valid(params, day.hourEpochs(h))) {
                valid++;
            }
        }
        return valid;
    }

    private static boolean valid(ScoringParams params, int epochs) {
        int expected = 3600 / params.epochSeconds();
        return epochs >= params.circadian().minHourWearFraction() * expected && epochs > 0;
    }

    private static List<CircadianDay> sortedDistinct(List<CircadianDay> days) {
        List<CircadianDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(CircadianDay::date));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
                throw new IllegalArgumentException(
                        "two profiles for " + sorted.get(i).date());
            }
        }
        return sorted;
    }

    /** Hourly means from the first day's midnight to the last day's end, {@code NaN} for missing hours. */
    private static double[] hourlyValues(ScoringParams params, List<CircadianDay> sorted) {
        LocalDate first = sorted.get(0).date();
        int span = (int) ChronoUnit.DAYS.between(
                        first, sorted.get(sorted.size() - 1).date())
                + 1;
        double[] x = new double[span * CircadianDay.HOURS];
        Arrays.fill(x, Double.NaN);
        for (CircadianDay d : sorted) {
            int offset = (int) ChronoUnit.DAYS.between(first, d.date()) * CircadianDay.HOURS;
            for (int h = 0; h < CircadianDay.HOURS; h++) {
                if (valid(params, d.hourEpochs(h))) {
                    x[offset + h] = d.hourSum(h) / d.hourEpochs(h);
                }
            }
        }
        return x;
    }

    static int validDays(double[] x) {
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

    static int present(double[] x) {
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

    static double interdailyStability(double[] x) {
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

    static double intradailyVariability(double[] x) {
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

    private static double[] averageDay(double[] binSum, int[] binCount) {
        double[] profile = new double[BINS_PER_DAY];
        for (int b = 0; b < BINS_PER_DAY; b++) {
            profile[b] = binCount[b] == 0 ? Double.NaN : binSum[b] / binCount[b];
        }
        return profile;
    }

    /** {mean, start bin} of the window of {@code length} bins with the highest (or lowest) mean. */
    static double[] window(CircadianParams settings, double[] profile, int length, boolean highest) {
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
