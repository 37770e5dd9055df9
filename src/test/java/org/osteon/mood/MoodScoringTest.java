package org.osteon.mood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.common.ApiProblem.FieldError;
import org.osteon.mood.MoodScoring.Refused;
import org.osteon.mood.MoodScoring.Scored;

/**
 * Scoring against the sources' rules: the PHQ-9's sum of nine 0–3 items and its severity bands
 * 0–4, 5–9, 10–14, 15–19, 20–27 (Kroenke 2001), the PHQ-8 with the same bands up to 24 (Kroenke
 * 2009), the PHQ-2's positive screen at 3 or more, followed by the PHQ-9 (Kroenke 2003); item 9
 * above 0 is a safety concern whatever the total.
 */
class MoodScoringTest {
    static final Questionnaires ALL = new Questionnaires();
    static final Questionnaire PHQ9 = ALL.latest("phq-9").orElseThrow();
    static final Questionnaire PHQ8 = ALL.latest("phq-8").orElseThrow();
    static final Questionnaire PHQ2 = ALL.latest("phq-2").orElseThrow();

    @Test
    void aWorkedPhq9IsTheSumOfItsItemsInItsBand() {
        // 1 + 2 + 1 + 3 + 0 + 1 + 2 + 1 + 0 = 11: moderate (10–14).
        Scored s = scored(PHQ9, 1, 2, 1, 3, 0, 1, 2, 1, 0);
        assertThat(s.total()).isEqualTo(11);
        assertThat(s.band()).isEqualTo("moderate");
        assertThat(s.safetyItemAnswer()).isZero();
        assertThat(s.safetyConcern()).isFalse();
        assertThat(s.positiveScreen()).isFalse();
        assertThat(s.followUp()).isNull();
    }

    @Test
    void eachPhq9BandStartsAndEndsWhereTheSourceSays() {
        int[][] edges = {{0, 0}, {4, 0}, {5, 1}, {9, 1}, {10, 2}, {14, 2}, {15, 3}, {19, 3}, {20, 4}, {27, 4}};
        String[] bands = {"minimal", "mild", "moderate", "moderately_severe", "severe"};
        for (int[] e : edges) {
            assertThat(scored(PHQ9, answersSumming(e[0], 8)).band())
                    .as("total %d", e[0])
                    .isEqualTo(bands[e[1]]);
        }
    }

    @Test
    void anyAnswerAboveZeroToItem9IsASafetyConcernWhateverTheTotal() {
        Scored s = scored(PHQ9, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.band()).isEqualTo("minimal");
        assertThat(s.safetyConcern()).isTrue();
        assertThat(scored(PHQ9, 3, 3, 3, 3, 3, 3, 3, 3, 0).safetyConcern()).isFalse();
    }

    @Test
    void thePhq8HasNoItem9AndThePhq9BandsUpTo24() {
        assertThat(PHQ8.items()).hasSize(8);
        Scored top = scored(PHQ8, 3, 3, 3, 3, 3, 3, 3, 3);
        assertThat(top.total()).isEqualTo(24);
        assertThat(top.band()).isEqualTo("severe");
        assertThat(top.safetyItemAnswer()).isNull();
        assertThat(top.safetyConcern()).isFalse();
        assertThat(scored(PHQ8, 2, 2, 2, 2, 2, 0, 0, 0).band()).isEqualTo("moderate");
        assertThat(MoodScoring.score(PHQ8, List.of(0, 0, 0, 0, 0, 0, 0, 0, 0))).isInstanceOf(Refused.class);
    }

    @Test
    void aPhq2OfThreeOrMoreIsPositiveAndOffersThePhq9() {
        Scored two = scored(PHQ2, 1, 1);
        assertThat(two.total()).isEqualTo(2);
        assertThat(two.positiveScreen()).isFalse();
        assertThat(two.followUp()).isNull();
        Scored three = scored(PHQ2, 1, 2);
        assertThat(three.total()).isEqualTo(3);
        assertThat(three.positiveScreen()).isTrue();
        assertThat(three.followUp()).isEqualTo("phq-9");
        assertThat(three.band()).isNull();
        assertThat(scored(PHQ2, 3, 3).total()).isEqualTo(6);
    }

    @Test
    void aResponseWithTooFewAnswersOrOneOutOfRangeIsRefusedNamingEachItem() {
        Refused few = (Refused) MoodScoring.score(PHQ9, List.of(0, 1, 2, 3, 0, 1, 2, 3));
        assertThat(few.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "answers", "phq-9 has 9 items: give 9 answers in item order (items 1 to 9), had 8"));

        Refused bad = (Refused) MoodScoring.score(PHQ9, Arrays.asList(0, 1, 2, 4, 0, null, 2, 3, -1));
        assertThat(bad.errors())
                .extracting(FieldError::field)
                .containsExactly("answers[3]", "answers[5]", "answers[8]");
        assertThat(bad.errors().get(0).message())
                .isEqualTo("item 4 must be one of 0 (Not at all), 1 (Several days), 2 (More than half the days), "
                        + "3 (Nearly every day), was 4");
        assertThat(bad.errors().get(1).message()).endsWith("was null");
    }

    @Test
    void everyDefinitionNamesItsSourceAndThePhqCodesAreLoincs() {
        assertThat(ALL.all()).extracting(Questionnaire::id).containsExactly("phq-9", "phq-8", "phq-2");
        assertThat(ALL.all()).allSatisfy(q -> assertThat(q.source()).contains("Kroenke"));
        assertThat(PHQ9.loinc().total()).isEqualTo("44261-6");
        assertThat(PHQ9.items().get(8).loinc()).isEqualTo("44260-8");
        assertThat(PHQ9.safetyItem()).isEqualTo(9);
        assertThat(PHQ2.loinc().total()).isEqualTo("55758-7");
        // The PHQ-2's items are the PHQ-9's first two, word for word.
        assertThat(PHQ2.items()).isEqualTo(PHQ9.items().subList(0, 2));
    }

    @Test
    void aDefinitionWithAGapInItsBandsStopsTheStart() {
        List<Questionnaire.Band> gap = new ArrayList<>(PHQ9.bands());
        gap.set(1, new Questionnaire.Band("mild", 6, 9));
        Questionnaire broken = new Questionnaire(
                PHQ9.id(),
                PHQ9.version(),
                PHQ9.title(),
                PHQ9.source(),
                PHQ9.copyright(),
                PHQ9.loinc(),
                PHQ9.stem(),
                PHQ9.options(),
                PHQ9.items(),
                gap,
                null,
                null,
                9);
        assertThatThrownBy(() -> Questionnaires.check(broken, "phq-9.v1"))
                .hasMessage("phq-9.v1: bands must follow each other from 0 without gaps");
    }

    private static Scored scored(Questionnaire q, int... answers) {
        return (Scored) MoodScoring.score(q, Arrays.stream(answers).boxed().toList());
    }

    /** Nine answers summing to {@code total}, item 9 left at 0 (up to 8 × 3 = 24, then item 9). */
    private static int[] answersSumming(int total, int itemsBeforeSafety) {
        int[] a = new int[9];
        int left = total;
        for (int i = 0; i < 9 && left > 0; i++) {
            if (i == itemsBeforeSafety && total <= 24) {
                break;
            }
            a[i] = Math.min(3, left);
            left -= a[i];
        }
        return a;
    }
}
