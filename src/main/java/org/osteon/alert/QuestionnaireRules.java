package org.osteon.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.osteon.alert.AlertRules.Finding;
import org.osteon.mood.MoodScoring;
import org.osteon.mood.Questionnaire;
import org.osteon.mood.ResponseScored.Earlier;

/**
 * When a questionnaire response alerts the physiotherapist, plain Java (docs/mood.md). Two rules, each response
 * its own episode:
 *
 * <ul>
 *   <li>{@code phq9_item9}: any answer above 0 to the safety item (PHQ-9 item 9, thoughts of death
 *       or self-harm), whatever the total.
 *   <li>{@code phq_worsening}: on a severity measure (PHQ-9, PHQ-8), a total {@code points} or more
 *       above the patient's baseline (their first such response), or a band of moderately severe or
 *       severe when the response before was in neither (or there was none).
 * </ul>
 */
public final class QuestionnaireRules {
    public static final String ITEM_9 = AlertRules.PHQ9_ITEM9;
    public static final String WORSENING = AlertRules.PHQ_WORSENING;

    /** The bands from which a total is a worsening to be told at once (Kroenke 2001: 15–19, 20–27). */
    static final Set<String> SEVERE = Set.of("moderately_severe", "severe");

    private QuestionnaireRules() {}

    public static List<Finding> findings(
            UUID responseId, Questionnaire q, MoodScoring.Scored s, Earlier baseline, Earlier previous, int points) {
        List<Finding> out = new ArrayList<>();
        if (s.safetyConcern()) {
            Questionnaire.Item item = q.items().get(q.safetyItem() - 1);
            Map<String, Object> d = details(responseId, q, s);
            d.put("item", item.number());
            d.put("itemLoinc", item.loinc());
            d.put("answer", s.safetyItemAnswer());
            out.add(new Finding(
                    ITEM_9,
                    null,
                    responseId.toString(),
                    String.format(
                            "%s item %d answered %d (%s): thoughts of death or self-harm. Contact the patient today.",
                            q.title(),
                            item.number(),
                            s.safetyItemAnswer(),
                            q.options().get(s.safetyItemAnswer()).text()),
                    d,
                    false));
        }
        if (!q.bands().isEmpty()) {
            boolean risen = baseline != null && s.total() - baseline.total() >= points;
            boolean entered = SEVERE.contains(s.band()) && (previous == null || !SEVERE.contains(previous.band()));
            if (risen || entered) {
                Map<String, Object> d = details(responseId, q, s);
                d.put("pointsAboveBaseline", points);
                d.put("severeBands", List.copyOf(new java.util.TreeSet<>(SEVERE)));
                if (baseline != null) {
                    d.put("baseline", earlier(baseline));
                }
                if (previous != null) {
                    d.put("previous", earlier(previous));
                }
                String why = risen
                        ? String.format(
                                "%d points above the baseline of %d", s.total() - baseline.total(), baseline.total())
                        : "first response in this band";
                if (risen && entered) {
                    why += ", and into " + s.band().replace('_', ' ');
                }
                out.add(new Finding(
                        WORSENING,
                        q.id(),
                        responseId.toString(),
                        String.format(
                                "%s total %d (%s): %s",
                                q.title(), s.total(), s.band().replace('_', ' '), why),
                        d,
                        false));
            }
        }
        return out;
    }

    private static Map<String, Object> details(UUID responseId, Questionnaire q, MoodScoring.Scored s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("responseId", responseId.toString());
        d.put("questionnaire", q.id());
        d.put("version", q.version());
        d.put("total", s.total());
        d.put("band", s.band());
        d.put("source", q.source());
        return d;
    }

    private static Map<String, Object> earlier(Earlier e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("responseId", e.id().toString());
        m.put("total", e.total());
        m.put("band", e.band());
        m.put("answeredAt", e.answeredAt().toString());
        return m;
    }
}
