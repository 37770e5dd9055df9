package org.osteon.mood;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired, synchronously and inside the transaction that stores it, when a new questionnaire
 * response is stored and scored: alerts observe it with a plain {@code @Observes}, so that a
 * stored response always has its alerts and a response rolled back raises none.
 *
 * @param baseline the patient's first severity response (PHQ-9 or PHQ-8) before this one; null if
 *     none, or when this questionnaire is not a severity measure
 * @param previous the patient's latest severity response answered before this one; null likewise
 */
public record ResponseScored(
        UUID patientId,
        UUID responseId,
        Questionnaire questionnaire,
        MoodScoring.Scored scored,
        Earlier baseline,
        Earlier previous,
        Instant receivedAt) {

    /** An earlier severity response. */
    public record Earlier(UUID id, int total, String band, Instant answeredAt) {}
}
