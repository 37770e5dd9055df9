package org.osteon.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteon.mood.MoodDtos.ResponseView;
import org.osteon.mood.MoodService;
import org.osteon.patient.Patient;

/**
 * The patient page's mood: the questionnaire responses answered in the page's weeks, as the mood
 * API answers them (scored by their definitions, docs/mood.md), for a table and a chart of the
 * PHQ totals against the PHQ-9's bands.
 */
@ApplicationScoped
public class PatientMood {
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final MoodService mood;
    private final ObjectMapper json;

    public PatientMood(MoodService mood, ObjectMapper json) {
        this.mood = mood;
        this.json = json;
    }

    /**
     * One response as shown: when (the patient's time zone), which questionnaire, its total and band
     * (or screen), and the answer to item 9 where the questionnaire has it.
     */
    public record Row(
            String id,
            String answeredAt,
            String answeredAtIso,
            String questionnaire,
            int total,
            String band,
            boolean positiveScreen,
            Integer item9) {
        public String result() {
            if (band != null) {
                return band.replace('_', ' ');
            }
            return positiveScreen ? "positive screen" : "negative screen";
        }
    }

    /** The rows, oldest first, and the chart's data block. */
    public record Mood(List<Row> rows, String series) {}

    public Mood of(Patient p, LocalDate from, LocalDate today) {
        ZoneId zone = ZoneId.of(p.timeZone);
        List<ResponseView> responses = mood.history(
                p,
                from.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        List<Row> rows = new ArrayList<>();
        for (ResponseView r : responses) {
            rows.add(new Row(
                    r.id().toString(),
                    LOCAL_MINUTES.format(r.answeredAt().atZone(zone)),
                    r.answeredAt().toString(),
                    r.questionnaire(),
                    r.total(),
                    r.band(),
                    r.positiveScreen(),
                    r.questionnaire().equals("phq-9") ? r.answers().get(8) : null));
        }
        return new Mood(rows, series(rows));
    }

    /** Severity totals (PHQ-9 and PHQ-8 share their bands) by local date, for the chart; {@code <} escaped. */
    private String series(List<Row> rows) {
        Map<String, List<Object>> s = new LinkedHashMap<>();
        s.put("dates", new ArrayList<>());
        s.put("totals", new ArrayList<>());
        s.put("questionnaires", new ArrayList<>());
        for (Row r : rows) {
            if (r.band() == null) {
                continue;
            }
            s.get("dates").add(r.answeredAt().substring(0, 10));
            s.get("totals").add(r.total());
            s.get("questionnaires").add(r.questionnaire());
        }
        try {
            return json.writeValueAsString(s).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
