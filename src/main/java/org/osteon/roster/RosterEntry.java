package org.osteon.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One patient on a physiotherapist's roster. Adherence is the weekly overall (0..1, capped)
 * of the last complete week (Monday to Sunday in the patient's time zone) and the one
 * before; {@code trend} is their difference. The current week's figure is so far, with its
 * status ({@code in_progress} until every target is reached), and {@code currentWeekComponents}
 * gives each of the program's components this week so far (the adherence API's by=week
 * components). {@code openAlerts} counts the patient's alerts not yet acknowledged and
 * {@code worstOpenAlert} names the most severe of their rules ({@code AlertSeverity}), null when
 * none is open; {@code lastSyncAt} is the newest receipt of any kind (accepted, duplicate or
 * rejected) from any of the patient's devices ({@code LastSync#receiptOfPatient}).
 * {@code daysWithDataLast30} counts the days with data among the 30 before today ({@link Completeness}).
 * Flags: {@code no_program} (no program in force today), {@code cap_exceeded} (a safety cap
 * was exceeded last week or this week), {@code no_data_last_week} (a program was in force last
 * week but no day had enough wear), {@code open_alerts} (at least one open alert).
 */
public record RosterEntry(
        UUID patientId,
        String displayName,
        LocalDate lastWeekStart,
        Double lastWeekAdherence,
        Double previousWeekAdherence,
        Double trend,
        LocalDate currentWeekStart,
        Double currentWeekAdherence,
        String currentWeekStatus,
        int openAlerts,
        List<String> flags,
        Instant lastSyncAt,
        List<ComponentShare> currentWeekComponents,
        String worstOpenAlert,
        int daysWithDataLast30) {

    /** One component of the program this week so far: its kind, capped ratio (0..1, null without data) and status. */
    public record ComponentShare(String kind, Double adherence, String status) {}
}
