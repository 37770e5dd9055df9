package org.osteon.mood;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What apps send and read of questionnaire responses. */
public final class MoodDtos {
    private MoodDtos() {}

    /** A response as an app submits it: the item scores in item order and when they were answered. */
    @Schema(name = "QuestionnaireSubmission")
    public record Submission(
            @Schema(description = "phq-9, phq-8 or phq-2 (GET /api/v1/questionnaires)", example = "phq-9")
            String questionnaire,

            @Schema(description = "the definition's version; the newest when left out", example = "1")
            Integer version,

            @Schema(description = "each item's score (0 to 3), in item order", example = "[1, 2, 1, 3, 0, 1, 2, 1, 0]")
            List<Integer> answers,

            @Schema(description = "when the patient finished answering (ISO-8601 instant)")
            Instant answeredAt) {}

    /** A stored response, scored, with the definition it was scored by. */
    @Schema(name = "QuestionnaireResponse")
    public record ResponseView(
            UUID id,
            UUID patientId,
            String questionnaire,
            int version,
            List<Integer> answers,
            Instant answeredAt,
            Instant receivedAt,
            int total,

            @Schema(description = "severity band of the total; null for a screener")
            String band,

            @Schema(description = "a screener's total reached its threshold")
            boolean positiveScreen,

            Definition definition) {}

    /** Where a score's definition comes from. */
    public record Definition(String title, String source, String loincPanel, String loincTotal) {
        static Definition of(Questionnaire q) {
            return new Definition(
                    q.title(), q.source(), q.loinc().panel(), q.loinc().total());
        }
    }

    /**
     * The answer to a submission: the stored response, what the app should offer next (the PHQ-9
     * after a positive PHQ-2) and, after a PHQ-9 item 9 answer above 0, what to show the patient at
     * once.
     */
    @Schema(name = "QuestionnaireSubmissionResult")
    public record Submitted(
            ResponseView response,

            @Schema(description = "the questionnaire to offer now, or null")
            String offer,

            @Schema(description = "present when the answers raise a safety concern: show it at once")
            Safety safety) {}

    /** What the app shows the patient after an item 9 answer above 0, in the deployment's words. */
    public record Safety(String reason, String text, String phone, String url) {}
}
