package org.osteon.scoring.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.osteon.scoring.bone.LoadingScore;
import org.osteon.scoring.bone.LoadingSource;
import org.osteon.scoring.summary.BandCount;
import org.osteon.scoring.summary.BoutMinutes;
import org.osteon.scoring.summary.DaySummary;

/**
 * Renders the per-day summaries of one scored file as CSV, one row per local day, for a
 * spreadsheet or R: the same numbers as the day JSON without its nesting. Bout and band
 * columns are named after the run's own settings ({@code mvpa_bout_10_min},
 * {@code impacts_high}), so that a file says which definition its numbers follow; provenance
 * stays in the JSON beside it. Empty cells are undefined values (NaN), never zero.
 */
final class DaySummaryCsv {

    private DaySummaryCsv() {}

    static String render(List<DaySummary> days) {
        StringBuilder csv = new StringBuilder();
        DaySummary first = days.isEmpty() ? null : days.get(0);
        csv.append("date,wear_minutes,enmo_mean_mg,mvpa_minutes");
        if (first != null) {
            for (BoutMinutes b : first.mvpaBouts()) {
                csv.append(",mvpa_bout_").append(b.boutMinutes()).append("_min");
            }
            for (BoutMinutes b : first.inactivityBouts()) {
                csv.append(",inactivity_bout_").append(b.boutMinutes()).append("_min");
            }
        }
        csv.append(",sedentary_minutes,steps,peaks");
        if (first != null) {
            for (BandCount b : first.impactBands()) {
                csv.append(",impacts_").append(b.band().toLowerCase(Locale.ROOT));
            }
        }
        csv.append(",osteogenic_index,daily_stress_stimulus\n");
        for (DaySummary d : days) {
            csv.append(d.date());
            decimal(csv, d.wearMinutes(), 1);
            decimal(csv, d.enmoMeanMg(), 3);
            decimal(csv, d.mvpaMinutes(), 1);
            for (BoutMinutes b : d.mvpaBouts()) {
                decimal(csv, b.minutes(), 1);
            }
            for (BoutMinutes b : d.inactivityBouts()) {
                decimal(csv, b.minutes(), 1);
            }
            decimal(csv, d.sedentaryMinutes(), 1);
            csv.append(',').append(d.steps());
            csv.append(',')
                    .append(d.peakHistogram().stream().mapToLong(h -> h.count()).sum());
            for (BandCount b : d.impactBands()) {
                csv.append(',').append(b.count());
            }
            LoadingScore accel = d.loading().stream()
                    .filter(l -> l.source() == LoadingSource.ACCELEROMETER)
                    .findFirst()
                    .orElse(null);
            decimal(csv, accel == null ? Double.NaN : accel.osteogenicIndex(), 3);
            decimal(csv, accel == null ? Double.NaN : accel.dailyStressStimulus(), 3);
            csv.append('\n');
        }
        return csv.toString();
    }

    private static void decimal(StringBuilder csv, double v, int places) {
        csv.append(',');
        if (Double.isFinite(v)) {
            csv.append(
                    BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString());
        }
    }
}
