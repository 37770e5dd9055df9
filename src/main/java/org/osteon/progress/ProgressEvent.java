package org.osteon.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.osteon.adherence.AdherenceResults.DayAdherence;
import org.osteon.engine.ScoredDay;

/**
 * A server-sent event of a patient's progress: what changed and its numbers now, as the days and
 * adherence APIs answer them for that date.
 *
 * @param kind {@code day}: the day was scored again (new or late data); {@code program}: a program
 *     version takes effect on {@code date}, and adherence from then on follows it
 * @param dataThrough for a day: the end of the latest sample or loading event its numbers include
 * @param day for a day: its row as {@code GET /days} answers it
 * @param adherence the date's adherence as {@code GET /adherence?by=day} answers it
 */
public record ProgressEvent(
        UUID patientId, String kind, LocalDate date, Instant dataThrough, ScoredDay day, DayAdherence adherence) {}
