package org.osteon.roster;

import java.time.LocalDate;
import java.util.Map;

/**
 * How complete a patient's data is: the days with data among the {@link #DAYS} days before today
 * (the patient's time zone; today itself is left out, being unfinished). A day has data when its
 * wear reaches the adherence's valid-day threshold, {@code osteon.adherence.min-wear-hours}
 * ({@code AdherenceConfig#minWearHours}, 10 hours unless configured): the same threshold below
 * which adherence calls a day {@code no_data}, so a day counted here is a day adherence judged.
 * Plain Java, no framework. Invariant: the answer is between 0 and {@link #DAYS}.
 */
public final class Completeness {
    private Completeness() {}

    /** The window's length in days. */
    public static final int DAYS = 30;

    /** Fewer days with data than this in the window makes a patient's data sparse. */
    public static final int SPARSE_BELOW = 15;

    /** Sparse data: a program in force and fewer than {@link #SPARSE_BELOW} days with data in the window. */
    public static boolean sparse(int daysWithData, boolean programInForce) {
        return programInForce && daysWithData < SPARSE_BELOW;
    }

    /** A day with this wear (hours; null when there is no summary) has data. */
    public static boolean withData(Double wearHours, double minWearHours) {
        return wearHours != null && wearHours >= minWearHours;
    }

    /** The days with data in {@code today - DAYS .. today - 1}, of wear hours by day (other days ignored). */
    public static int daysWithData(Map<LocalDate, Double> wearHours, LocalDate today, double minWearHours) {
        LocalDate first = today.minusDays(DAYS);
        int count = 0;
        for (Map.Entry<LocalDate, Double> e : wearHours.entrySet()) {
            LocalDate d = e.getKey();
            if (!d.isBefore(first) && d.isBefore(today) && withData(e.getValue(), minWearHours)) {
                count++;
            }
        }
        return count;
    }
}
