package org.osteon.mood;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.osteon.common.ApiProblem.FieldError;

/**
 * Scores one response to a questionnaire, plain Java: the total is the sum of the item scores
 * (each item one of the definition's options), its band the definition's band holding the total,
 * a screener positive from its threshold, and the safety item flagged at any answer above 0,
 * whatever the total. Answers are given in item order; a response with a missing, extra or out of
 * range answer is refused whole, each problem named by its position and item.
 */
public final class MoodScoring {
    private MoodScoring() {}

    /** What came of a response. */
    public sealed interface Verdict permits Scored, Refused {}

    /**
     * A scored response.
     *
     * @param band the severity band of the total; null for a screener
     * @param positiveScreen for a screener, whether the total reached its threshold; false otherwise
     * @param followUp the questionnaire to offer now (after a positive screen); null otherwise
     * @param safetyItemAnswer the answer to the safety item; null when the questionnaire has none
     */
    public record Scored(int total, String band, boolean positiveScreen, String followUp, Integer safetyItemAnswer)
            implements Verdict {
        /** Any answer above 0 to the safety item. */
        public boolean safetyConcern() {
            return safetyItemAnswer != null && safetyItemAnswer > 0;
        }
    }

    /** A response that cannot be scored, and why, field by field. */
    public record Refused(List<FieldError> errors) implements Verdict {}

    public static Verdict score(Questionnaire q, List<Integer> answers) {
        if (answers == null || answers.size() != q.items().size()) {
            return new Refused(List.of(new FieldError(
                    "answers",
                    String.format(
                            Locale.ROOT,
                            "%s has %d items: give %d answers in item order (items 1 to %d), had %s",
                            q.id(),
                            q.items().size(),
                            q.items().size(),
                            q.items().size(),
                            answers == null ? "none" : answers.size()))));
        }
        String allowed =
                q.options().stream().map(o -> o.value() + " (" + o.text() + ")").collect(Collectors.joining(", "));
        List<FieldError> errors = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < answers.size(); i++) {
            Integer a = answers.get(i);
            int value = a == null ? Integer.MIN_VALUE : a;
            if (q.options().stream().noneMatch(o -> o.value() == value)) {
                errors.add(new FieldError(
                        "answers[" + i + "]",
                        "item " + q.items().get(i).number() + " must be one of " + allowed + ", was " + a));
            } else {
                total += value;
            }
        }
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        int sum = total;
        String band = q.bands().stream()
                .filter(b -> b.from() <= sum && sum <= b.to())
                .map(Questionnaire.Band::name)
                .findFirst()
                .orElse(null);
        boolean positive = q.positiveFrom() != null && total >= q.positiveFrom();
        Integer safety = q.safetyItem() == null ? null : answers.get(q.safetyItem() - 1);
        return new Scored(total, band, positive, positive ? q.followUp() : null, safety);
    }
}
