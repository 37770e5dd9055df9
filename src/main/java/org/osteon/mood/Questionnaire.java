package org.osteon.mood;

import java.util.List;

/**
 * A questionnaire's definition, as data: {@code src/main/resources/questionnaires/<id>.v<version>.json}.
 * A change to a questionnaire is a new version beside the old one, so that every stored response
 * keeps the definition it was scored by. {@link Questionnaires} loads and checks them.
 *
 * @param id the questionnaire, as apps name it: phq-9, phq-8, phq-2
 * @param source the publication that defines the items, the scoring and the bands
 * @param loinc the LOINC codes of the panel and of the total score; null where none is used here
 * @param options the answer options every item shares, each with its score
 * @param bands severity bands covering every total from 0 to the maximum, in order; empty for a
 *     screener, which has {@code positiveFrom} instead
 * @param positiveFrom the total from which a screener is positive; null for a severity measure
 * @param followUp the questionnaire to offer after a positive screen; null if none
 * @param safetyItem the number of the item whose any answer above 0 is a safety concern
 *     (thoughts of death or self-harm); null when the questionnaire has none
 */
public record Questionnaire(
        String id,
        int version,
        String title,
        String source,
        String copyright,
        Loinc loinc,
        String stem,
        List<Option> options,
        List<Item> items,
        List<Band> bands,
        Integer positiveFrom,
        String followUp,
        Integer safetyItem) {

    public record Loinc(String panel, String total) {}

    public record Option(int value, String text, String loinc) {}

    public record Item(int number, String loinc, String text) {}

    public record Band(String name, int from, int to) {}

    /** The lowest and highest score of an item. */
    public int minAnswer() {
        return options.stream().mapToInt(Option::value).min().orElseThrow();
    }

    public int maxAnswer() {
        return options.stream().mapToInt(Option::value).max().orElseThrow();
    }

    /** The highest possible total. */
    public int maxTotal() {
        return items.size() * maxAnswer();
    }
}
