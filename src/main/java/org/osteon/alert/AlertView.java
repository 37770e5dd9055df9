package org.osteon.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert as the physiotherapist sees it. */
public record AlertView(
        UUID id,
        UUID patientId,

        @Schema(enumeration = {"non_adherence", "safety_cap", "no_sync", "mood_decline", "phq9_item9", "phq_worsening"})
        String rule,

        @Schema(
                description = "the measure a decline is about (mvpa_bouted_10, ra), or the questionnaire of a "
                        + "worsening (phq-9, phq-8); null for the other rules")
        String metric,

        @Schema(enumeration = {"open", "acknowledged", "resolved"})
        String status,

        Instant raisedAt,

        @Schema(description = "what happened, with the numbers")
        String message,

        @Schema(
                description =
                        "the numbers that triggered the alert, the parameters used and the definition they follow")
        Map<String, Object> details,

        @Schema(description = "subject of the physiotherapist who acknowledged it")
        String acknowledgedBy,

        Instant acknowledgedAt,
        Instant resolvedAt,

        @Schema(
                description =
                        "cleared (the condition no longer holds) or superseded (a later safety-cap day took its place)")
        String resolution,

        @Schema(
                description = "what the acknowledging physiotherapist noted (clinical free text, at most "
                        + AlertNote.MAX_CHARS + " characters); null without one",
                maxLength = AlertNote.MAX_CHARS)
        String acknowledgementNote,

        @Schema(
                description = "the patient's display name (a pseudonym such as OST-0042 where the clinic uses them), "
                        + "so that a list of alerts says whose they are")
        String patientDisplayName) {}
