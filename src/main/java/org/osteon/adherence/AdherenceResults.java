package org.osteon.adherence;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the adherence API answers. Ratios are achieved / target: {@code ratio} capped at 1, {@code rawRatio} not. */
public final class AdherenceResults {
    private AdherenceResults() {}

    /** A row of the adherence API: a day (by=day) or a week (by=week); a list holds one kind only. */
    @Schema(oneOf = {DayAdherence.class, WeekAdherence.class})
    public sealed interface Period permits DayAdherence, WeekAdherence {}

    /** One component on one day, against the targets in force that day (after progression). */
    public record ComponentDay(
            String kind,
            String unit,
            Double target,
            Double achieved,
            Double ratio,
            Double rawRatio,
            AdherenceStatus status) {}

    /** A safety cap exceeded on a day: more than {@code maxPerDay} peaks above {@code aboveG}. */
    public record CapExceeded(double aboveG, int maxPerDay, int peaks) {}

    /** A day: the program version in force, wear, and each component. */
    public record DayAdherence(
            LocalDate date,
            Integer programVersion,
            Double wearHours,
            List<ComponentDay> components,
            CapExceeded capExceeded)
            implements Period {}

    /**
     * One component over a week. Targets are pro-rated over the days with data: a week of 5 valid
     * days owes 5/7 of a weekly target, and a day-based target counts only valid days.
     */
    public record ComponentWeek(
            String kind,
            String unit,
            Double target,
            Double achieved,
            Double ratio,
            Double rawRatio,
            AdherenceStatus status,
            int daysWithData) {}

    /** A Monday-to-Sunday week in the patient's time zone. */
    public record WeekAdherence(
            LocalDate weekStart,
            LocalDate weekEnd,
            List<ComponentWeek> components,
            Double overall,
            AdherenceStatus overallStatus,
            List<LocalDate> capExceededDays)
            implements Period {}
}
