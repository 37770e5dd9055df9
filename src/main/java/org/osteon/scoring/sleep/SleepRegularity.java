package org.osteon.scoring.sleep;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osteon.scoring.Provenance;

/**
 * The sleep midpoint's day-to-day variability over a span of nights (docs/metrics-implementation.md
 * "Sleep period time window"): each night's midpoint as minutes after the local noon that starts
 * its noon-to-noon period (so a midpoint at 23:50 and one at 00:10 are 20 min apart, not 1420),
 * and the sample standard deviation (n − 1) of those minutes.
 *
 * <p>Invariant: the answer depends only on the windows and the zone, not on their order; fewer
 * than {@link SleepParams#minRegularityNights()} nights give none.
 */
public final class SleepRegularity {

    /** Algorithm name in the provenance. */
    public static final String ALGORITHM = "sleep-midpoint-sd";
    /** Bump whenever the same windows could give another number. */
    public static final String VERSION = "1";

    /** The definition, as it is carried in the provenance. */
    public static final String DEFINITION =
            "sample SD (n-1) of sleep midpoints, in minutes after the local noon starting each night";

    private SleepRegularity() {}

    /** The variability of the windows' midpoints, or empty below the fewest nights. */
    public static Optional<MidpointVariability> of(SleepParams params, List<SleepWindow> nights, ZoneId zone) {
        if (nights.size() < params.minRegularityNights()) {
            return Optional.empty();
        }
        double[] minutes = new double[nights.size()];
        double sum = 0;
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = minutesAfterNoon(nights.get(i), zone);
            sum += minutes[i];
        }
        double mean = sum / minutes.length;
        double ss = 0;
        for (double m : minutes) {
            ss += (m - mean) * (m - mean);
        }
        return Optional.of(new MidpointVariability(
                minutes.length,
                mean,
                Math.sqrt(ss / (minutes.length - 1)),
                new Provenance(
                        ALGORITHM,
                        VERSION,
                        Map.of(
                                "sleep",
                                params,
                                "windowAlgorithm",
                                SleepWindowDetector.ALGORITHM + "/" + SleepWindowDetector.VERSION,
                                "reference",
                                SleepWindowDetector.REFERENCE,
                                "definition",
                                DEFINITION,
                                "zone",
                                zone.getId()))));
    }

    /** Minutes from the local noon at or before the midpoint's to the midpoint. */
    static double minutesAfterNoon(SleepWindow night, ZoneId zone) {
        ZonedDateTime mid = night.midpoint().atZone(zone);
        ZonedDateTime noon = mid.toLocalDate().atTime(LocalTime.NOON).atZone(zone);
        if (noon.isAfter(mid)) {
            noon = mid.toLocalDate().minusDays(1).atTime(LocalTime.NOON).atZone(zone);
        }
        return Duration.between(noon, mid).toMillis() / 60_000.0;
    }
}
