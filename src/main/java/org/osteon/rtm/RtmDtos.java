package org.osteon.rtm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.osteon.rtm.RtmRules.Units;

/** What the RTM endpoints take and answer (docs/rtm.md). */
public final class RtmDtos {
    private RtmDtos() {}

    /** Enrolling the patient in RTM from {@code start}, to {@code end} when already known. */
    public record EpisodeRequest(
            @Schema(description = "first day, in the patient's time zone; not after today", required = true)
            LocalDate start,

            @Schema(description = "last day, inclusive; absent while the episode runs", nullable = true)
            LocalDate end) {}

    /** Ending a running episode on its last day. */
    public record EpisodeEndRequest(
            @Schema(
                    description = "the episode's last day, inclusive, in the patient's time zone; not before "
                            + "its start, not after today",
                    required = true)
            LocalDate end) {}

    public record EpisodeView(UUID id, LocalDate start, LocalDate end, String createdBy, Instant createdAt) {}

    /** Time a physiotherapist spent on the patient's remote monitoring. */
    public record TimeEntryRequest(
            @Schema(description = "when the time began (RFC 3339 with offset)", required = true)
            Instant start,

            @Schema(description = "when it ended; after start, at most 12 h later, not in the future", required = true)
            Instant end,

            @Schema(
                    description = "what was done; one line of printable text, at most " + TimeEntries.MAX_ACTIVITY_CHARS
                            + " characters",
                    required = true,
                    maxLength = TimeEntries.MAX_ACTIVITY_CHARS)
            String activity,

            @Schema(
                    description = "whether the time included a live (real-time) interaction with the patient",
                    required = true)
            Boolean interactive) {}

    public record TimeEntryView(
            UUID id,
            Instant start,
            Instant end,

            @Schema(description = "the entry's length in seconds; months add seconds, then floor to minutes")
            long seconds,

            String activity,
            boolean interactive,
            UUID physiotherapistId,
            Instant loggedAt) {}

    /** The evidence of one patient over from..to. */
    public record RtmEvidence(
            UUID patientId,
            String timeZone,
            LocalDate today,
            LocalDate from,
            LocalDate to,
            List<EpisodeEvidence> episodes,
            List<MonthEvidence> months,

            @Schema(description = "the thresholds applied and where they come from")
            Map<String, Object> parameters) {}

    /** An episode overlapping from..to, with its periods that overlap it (whole) and its set-up. */
    public record EpisodeEvidence(UUID id, LocalDate start, LocalDate end, SetUp setUp, List<PeriodEvidence> periods) {}

    /** 98975, once per episode: eligible when the first period has at least 2 days with data (so far). */
    public record SetUp(String code, boolean eligible, int firstPeriodDaysWithData) {}

    public record PeriodEvidence(
            int number,
            LocalDate start,
            LocalDate end,

            @Schema(enumeration = {"complete", "running", "cut_short"})
            String status,

            int daysWithData,
            List<LocalDate> datesWithData,

            @Schema(enumeration = {"16_or_more_days", "2_to_15_days", "too_few_days"})
            String verdict,

            @Schema(description = "98977 or 98985; null below 2 days", nullable = true)
            String code) {}

    public record MonthEvidence(
            @Schema(example = "2026-03") String month,

            @Schema(enumeration = {"complete", "running", "not_started"})
            String status,

            int minutes,
            boolean liveInteraction,

            @Schema(enumeration = {"billable", "too_short", "no_live_interaction"})
            String verdict,

            List<Units> codes,
            List<TimeEntryView> entries) {}
}
