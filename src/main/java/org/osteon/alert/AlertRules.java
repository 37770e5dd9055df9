package org.osteon.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteon.adherence.AdherenceResults.CapExceeded;
import org.osteon.adherence.AdherenceStatus;

/**
 * The alert rules, plain Java: each takes what the service read (judged days, metric values, sync
 * times) and says whether its condition holds, with the numbers that made it hold. Rules name the
 * episode they found; what becomes of an episode (raised once, superseded, resolved) is the
 * service's business (docs/alerts.md).
 */
public final class AlertRules {
    /** Where the day-level metrics are defined; alerts cite it. */
    static final String METRICS = "docs/metrics-implementation.md";

    static final String ADHERENCE = "docs/programs-and-adherence.md";

    /**
     * The rules a questionnaire response raises (QuestionnaireRules judges them): any PHQ-9
     * item 9 answer above 0, and a worsening total. Which of them a patient has is their answer, so
     * neither is ever named in a log.
     */
    public static final String PHQ9_ITEM9 = "phq9_item9";

    public static final String PHQ_WORSENING = "phq_worsening";

    static final java.util.Set<String> FROM_ANSWERS = java.util.Set.of(PHQ9_ITEM9, PHQ_WORSENING);

    /**
     * Rules whose alert is acknowledged only with a note: an answer about thoughts of self-harm is
     * closed by what the physiotherapist did about it, on the record.
     */
    static final java.util.Set<String> NOTE_REQUIRED = java.util.Set.of(PHQ9_ITEM9);

    /** Whether an alert of {@code rule} is acknowledged only with a note. */
    public static boolean noteRequired(String rule) {
        return NOTE_REQUIRED.contains(rule);
    }

    private final Params params;

    public AlertRules(Params params) {
        this.params = params;
    }

    /** The rules' parameters, as configured ({@link AlertConfig}) plus the adherence settings they share. */
    public record Params(
            int nonAdherenceDays,
            boolean noDataCountsAsMissed,
            double partialFrom,
            int noSyncDays,
            double fraction,
            int recentDays,
            int baselineDays,
            int minRecentValidDays,
            int minBaselineValidDays,
            double minWearHours) {}

    /** A day as adherence judged it: its overall status and a safety cap it exceeded, if any. */
    public record JudgedDay(LocalDate date, AdherenceStatus status, CapExceeded cap) {}

    /** A day's value of a watched metric; {@code valid} when the day had enough wear. */
    public record MetricDay(LocalDate date, Double value, boolean valid) {}

    /**
     * What a rule found. {@code continuing}: an unresolved alert of the same rule and metric is the
     * same episode even under another key (a decline that goes on, a streak longer than the days read).
     */
    public record Finding(
            String rule,
            String metric,
            String episode,
            String message,
            Map<String, Object> details,
            boolean continuing) {}

    /** A condition's state: it holds, it does not, or the data cannot tell. */
    public sealed interface Verdict permits Holds, Clear, Unknown {}

    public record Holds(Finding finding) implements Verdict {}

    public record Clear() implements Verdict {}

    public record Unknown() implements Verdict {}

    /**
     * Non-adherence: the most recent judged scheduled days, walking back from {@code lastJudgeable},
     * are at least N {@code missed} days in a row. Days with nothing due are skipped (a Monday and
     * Thursday program misses Monday, Thursday, Monday in a row); a met or partial day ends the
     * streak; a {@code no_data} day counts as missed or ends the streak as configured. Days after
     * {@code lastJudgeable} (not yet covered by a sync) are not judged.
     *
     * @param days oldest first
     * @param lastJudgeable the last day a sync has covered, or {@code null} when nothing ever synced
     */
    public Verdict nonAdherence(List<JudgedDay> days, LocalDate lastJudgeable) {
        if (lastJudgeable == null) {
            return new Unknown();
        }
        List<JudgedDay> streak = new ArrayList<>();
        boolean anyScheduled = false;
        boolean reachedStart = true;
        for (int i = days.size() - 1; i >= 0; i--) {
            JudgedDay d = days.get(i);
            if (d.date().isAfter(lastJudgeable) || d.status() == AdherenceStatus.not_scheduled) {
                continue;
            }
            anyScheduled = true;
            boolean missed = d.status() == AdherenceStatus.missed
                    || (d.status() == AdherenceStatus.no_data && params.noDataCountsAsMissed());
            if (!missed) {
                reachedStart = false;
                break;
            }
            streak.add(0, d);
        }
        if (!anyScheduled) {
            return new Unknown();
        }
        int n = params.nonAdherenceDays();
        if (streak.size() < n) {
            return new Clear();
        }
        LocalDate first = streak.get(0).date(),
                last = streak.get(streak.size() - 1).date();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("missedDays", streak.stream().map(d -> d.date().toString()).toList());
        details.put(
                "noDataDays",
                streak.stream()
                        .filter(d -> d.status() == AdherenceStatus.no_data)
                        .map(d -> d.date().toString())
                        .toList());
        details.put("firstMissed", first.toString());
        details.put("lastMissed", last.toString());
        details.put("count", streak.size());
        details.put("lastJudgedDay", lastJudgeable.toString());
        details.put("streakMayStartEarlier", reachedStart);
        details.put(
                "parameters",
                Map.of(
                        "days",
                        n,
                        "noDataCountsAsMissed",
                        params.noDataCountsAsMissed(),
                        "partialFrom",
                        params.partialFrom()));
        details.put(
                "definition",
                ADHERENCE + ": a day is missed when the weighted mean of the ratios of the components "
                        + "due that day is below partialFrom; days with nothing due are skipped");
        String noData = params.noDataCountsAsMissed() && details.get("noDataDays") instanceof List<?> l && !l.isEmpty()
                ? " (" + l.size() + " of them without enough wear)"
                : "";
        String message = String.format(
                Locale.ROOT,
                "%d scheduled days in a row missed, %s to %s%s; alert at %d.",
                streak.size(),
                first,
                last,
                noData,
                n);
        return new Holds(new Finding("non_adherence", null, first.toString(), message, details, reachedStart));
    }

    /** Safety cap: every day of {@code days} on which a cap of the program was exceeded, oldest first. */
    public List<Finding> safetyCap(List<JudgedDay> days) {
        List<Finding> found = new ArrayList<>();
        for (JudgedDay d : days) {
            CapExceeded cap = d.cap();
            if (cap == null) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("date", d.date().toString());
            details.put("peaks", cap.peaks());
            details.put("aboveG", cap.aboveG());
            details.put("maxPerDay", cap.maxPerDay());
            details.put(
                    "definition",
                    ADHERENCE + ": impact peaks at or above the cap's threshold on the day, against "
                            + "the cap of the program's impacts component");
            String message = String.format(
                    Locale.ROOT,
                    "Safety cap exceeded on %s: %d impact peaks at or above %.1f g, cap %d a day.",
                    d.date(),
                    cap.peaks(),
                    cap.aboveG(),
                    cap.maxPerDay());
            found.add(new Finding("safety_cap", null, d.date().toString(), message, details, false));
        }
        return found;
    }

    /**
     * No sync: no accepted batch from any of the patient's devices for N days, counted from the last
     * one or, when none ever synced, from the earliest registration of a device in use. Clear when
     * the patient has no program in force or no device in use: silence is then expected.
     */
    public Verdict noSync(Instant now, Instant lastAccepted, Instant registeredAt, boolean programInForce) {
        if (!programInForce || registeredAt == null) {
            return new Clear();
        }
        Instant since = lastAccepted != null ? lastAccepted : registeredAt;
        Duration silence = Duration.between(since, now);
        if (silence.compareTo(Duration.ofDays(params.noSyncDays())) < 0) {
            return new Clear();
        }
        double days = Math.floor(silence.toMinutes() / 144.0) / 10.0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastSyncAt", lastAccepted == null ? null : lastAccepted.toString());
        details.put("registeredAt", registeredAt.toString());
        details.put("silentSince", since.toString());
        details.put("daysSilent", days);
        details.put("evaluatedAt", now.toString());
        details.put("parameters", Map.of("days", params.noSyncDays()));
        details.put(
                "definition",
                "the receipt time of the newest accepted batch (ingest ledger) of each of the "
                        + "patient's devices and streams");
        String message = lastAccepted == null
                ? String.format(
                        Locale.ROOT,
                        "No data ever synced: %.1f days since the device was registered (%s); "
                                + "alert after %d days.",
                        days,
                        registeredAt,
                        params.noSyncDays())
                : String.format(
                        Locale.ROOT,
                        "No data synced for %.1f days: last accepted batch at %s; alert after %d days.",
                        days,
                        lastAccepted,
                        params.noSyncDays());
        String episode = (lastAccepted == null ? "registered:" : "last-sync:") + since;
        return new Holds(new Finding("no_sync", null, episode, message, details, false));
    }

    /** A metric the decline rule watches, with what the physiotherapist reads. */
    public enum Metric {
        /** day_summary.mvpa_bouted_10_minutes. */
        MVPA_BOUTED_10(
                "mvpa_bouted_10",
                "Bouted MVPA (bouts of 10 min or more)",
                "min/day",
                1,
                METRICS + " (MVPA, bouts; metrics.md §2 Bouts, after GGIR g.getbout): MVPA minutes in bouts of at "
                        + "least 10 min, 80 % of epochs above the moderate cut point, no gap longer than 1 min"),
        /** day_summary.relative_amplitude: each day's own RA (none below 16 valid hours). */
        RA(
                "ra",
                "Relative amplitude (RA, each day's own 24-h profile)",
                "",
                2,
                METRICS + " (IS, IV, M10, L5, RA; metrics.md §2 Circadian rhythm, Witting 1990, van Someren 1999): "
                        + "RA = (M10 - L5) / (M10 + L5) of the day's own 24-h profile, days with at least 16 valid "
                        + "hours");
        final String key, label, unit, definition;
        final int decimals;

        Metric(String key, String label, String unit, int decimals, String definition) {
            this.key = key;
            this.label = label;
            this.unit = unit;
            this.decimals = decimals;
            this.definition = definition;
        }

        public String key() {
            return key;
        }
    }

    /**
     * Decline: the mean over the recent window (ending {@code end}) is below the mean over the
     * baseline window just before it by more than the fraction, counting valid days only. Unknown
     * when either window has too few valid days or the baseline mean is not positive.
     */
    public Verdict moodDecline(Metric metric, List<MetricDay> days, LocalDate end) {
        LocalDate recentFrom = end.minusDays(params.recentDays() - 1L);
        LocalDate baselineTo = recentFrom.minusDays(1);
        LocalDate baselineFrom = baselineTo.minusDays(params.baselineDays() - 1L);
        double recentSum = 0, baselineSum = 0;
        int recentN = 0, baselineN = 0;
        for (MetricDay d : days) {
            if (!d.valid()
                    || d.value() == null
                    || d.date().isAfter(end)
                    || d.date().isBefore(baselineFrom)) {
                continue;
            }
            if (d.date().isBefore(recentFrom)) {
                baselineSum += d.value();
                baselineN++;
            } else {
                recentSum += d.value();
                recentN++;
            }
        }
        if (recentN < params.minRecentValidDays() || baselineN < params.minBaselineValidDays()) {
            return new Unknown();
        }
        double baseline = baselineSum / baselineN, recent = recentSum / recentN;
        if (baseline <= 0) {
            return new Unknown();
        }
        if (recent >= baseline * (1 - params.fraction())) {
            return new Clear();
        }
        double change = (recent - baseline) / baseline;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("metric", metric.key);
        details.put("baselineMean", round(baseline, 4));
        details.put("recentMean", round(recent, 4));
        details.put("change", round(change, 4));
        details.put("unit", metric.unit);
        details.put("recentWindow", window(recentFrom, end, recentN));
        details.put("baselineWindow", window(baselineFrom, baselineTo, baselineN));
        details.put(
                "parameters",
                Map.of(
                        "fraction",
                        params.fraction(),
                        "recentDays",
                        params.recentDays(),
                        "baselineDays",
                        params.baselineDays(),
                        "minRecentValidDays",
                        params.minRecentValidDays(),
                        "minBaselineValidDays",
                        params.minBaselineValidDays(),
                        "minWearHours",
                        params.minWearHours()));
        details.put("definition", metric.definition);
        String f = "%." + metric.decimals + "f";
        String unit = metric.unit.isEmpty() ? "" : " " + metric.unit;
        String message = String.format(
                Locale.ROOT,
                "%s fell from a mean of " + f + " to " + f + "%s (−%d %%): %s to %s "
                        + "(%d valid days) against %s to %s (%d valid days); alert below −%d %%.",
                metric.label,
                baseline,
                recent,
                unit,
                Math.round(-change * 100),
                recentFrom,
                end,
                recentN,
                baselineFrom,
                baselineTo,
                baselineN,
                Math.round(params.fraction() * 100));
        return new Holds(new Finding("mood_decline", metric.key, metric.key + ":" + end, message, details, true));
    }

    private static Map<String, Object> window(LocalDate from, LocalDate to, int validDays) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("from", from.toString());
        w.put("to", to.toString());
        w.put("validDays", validDays);
        return w;
    }

    static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
