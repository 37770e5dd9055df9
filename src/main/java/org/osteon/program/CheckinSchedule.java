package org.osteon.program;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * When a {@link Component.Checkin} falls due. Framework-free.
 *
 * <p>Check-ins fall due on the effective date of the version that holds the component and every
 * period after it (7 days a week); each due date opens a window that lasts until the day before the
 * next, so windows never overlap and every day of the version lies in exactly one. An answer of the
 * questionnaire on any day of a window completes that window's check-in; more answers in one window
 * count once. Counting from the effective date rather than from the last answer keeps a fixed
 * calendar the patient and physiotherapist can plan on, and a late answer does not push every later
 * check-in back. A newer version starts its own calendar on its effective date; the window it cuts
 * short is never judged missed.
 *
 * <p>Invariant: for a day on or after {@code effectiveFrom}, {@code window(...).opens() <= day <=
 * window(...).closes()} and {@code closes - opens + 1} is the period in days.
 */
public final class CheckinSchedule {
    private CheckinSchedule() {}

    /** One check-in's window: the due date it opens on and its last day, both inclusive. */
    public record Window(LocalDate opens, LocalDate closes) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(opens) && !day.isAfter(closes);
        }
    }

    /** The window holding {@code day} under a version effective from {@code effectiveFrom}; null before it. */
    public static Window window(Component.Checkin c, LocalDate effectiveFrom, LocalDate day) {
        if (day.isBefore(effectiveFrom)) {
            return null;
        }
        long period = c.periodDays();
        long k = ChronoUnit.DAYS.between(effectiveFrom, day) / period;
        LocalDate opens = effectiveFrom.plusDays(k * period);
        return new Window(opens, opens.plusDays(period - 1));
    }

    /**
     * The questionnaires whose answers complete a check-in of {@code c}: its own and, for a PHQ-9
     * check-in, the PHQ-8 (the PHQ-9 without item 9) that a deployment with no clinician on call
     * offers in its place.
     */
    public static Set<String> answeredBy(Component.Checkin c) {
        return "phq-9".equals(c.questionnaire()) ? Set.of("phq-9", "phq-8") : Set.of(c.questionnaire());
    }
}
