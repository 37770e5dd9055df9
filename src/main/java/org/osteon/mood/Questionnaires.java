package org.osteon.mood;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The questionnaires Osteon scores, read from their definitions ({@link Questionnaire}) when the
 * service starts and checked there: a definition that could score a response wrongly (items not
 * numbered 1 to n, bands with a gap or an overlap, a safety item or follow-up that does not exist)
 * stops the start rather than a patient's response.
 */
@ApplicationScoped
public class Questionnaires {
    /** Every definition, by file name; a new version is a new file added here. */
    static final List<String> FILES = List.of("phq-9.v1", "phq-8.v1", "phq-2.v1");

    private final Map<String, Questionnaire> byKey = new LinkedHashMap<>();

    public Questionnaires() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        for (String file : FILES) {
            Questionnaire q = read(json, file);
            check(q, file);
            byKey.put(key(q.id(), q.version()), q);
        }
        for (Questionnaire q : byKey.values()) {
            if (q.followUp() != null && latest(q.followUp()).isEmpty()) {
                throw new IllegalStateException(q.id() + ": follow-up " + q.followUp() + " is not defined");
            }
        }
    }

    /** The newest version of {@code id}, which new responses are scored by. */
    public Optional<Questionnaire> latest(String id) {
        return byKey.values().stream()
                .filter(q -> q.id().equals(id))
                .max(Comparator.comparingInt(Questionnaire::version));
    }

    /** The version a stored response was scored by. */
    public Optional<Questionnaire> version(String id, int version) {
        return Optional.ofNullable(byKey.get(key(id, version)));
    }

    /** The newest version of each questionnaire. */
    public List<Questionnaire> all() {
        return byKey.values().stream()
                .map(Questionnaire::id)
                .distinct()
                .map(id -> latest(id).orElseThrow())
                .toList();
    }

    private static String key(String id, int version) {
        return id + ".v" + version;
    }

    private static Questionnaire read(ObjectMapper json, String file) {
        try (InputStream in = Questionnaires.class.getResourceAsStream("/questionnaires/" + file + ".json")) {
            if (in == null) {
                throw new IllegalStateException("questionnaire definition " + file + ".json is missing");
            }
            return json.readValue(in, Questionnaire.class);
        } catch (IOException e) {
            throw new UncheckedIOException("questionnaire definition " + file + ".json cannot be read", e);
        }
    }

    static void check(Questionnaire q, String file) {
        if (!file.equals(key(q.id(), q.version()))) {
            throw new IllegalStateException(file + ": names " + key(q.id(), q.version()));
        }
        require(!q.items().isEmpty() && !q.options().isEmpty(), q, "needs items and answer options");
        require(
                IntStream.range(0, q.items().size())
                        .allMatch(i -> q.items().get(i).number() == i + 1),
                q,
                "items must be numbered 1 to " + q.items().size() + " in order");
        require(
                IntStream.range(0, q.options().size())
                        .allMatch(i -> q.options().get(i).value() == i),
                q,
                "answer options must score 0, 1, 2... in order");
        if (q.bands().isEmpty()) {
            require(q.positiveFrom() != null, q, "a questionnaire without bands is a screener with positiveFrom");
        } else {
            int next = 0;
            for (Questionnaire.Band b : q.bands()) {
                require(b.from() == next && b.to() >= b.from(), q, "bands must follow each other from 0 without gaps");
                next = b.to() + 1;
            }
            require(next == q.maxTotal() + 1, q, "bands must end at the highest total, " + q.maxTotal());
        }
        require(
                q.positiveFrom() == null || (q.positiveFrom() > 0 && q.positiveFrom() <= q.maxTotal()),
                q,
                "positiveFrom must be a possible total");
        require(
                q.safetyItem() == null
                        || (q.safetyItem() >= 1 && q.safetyItem() <= q.items().size()),
                q,
                "the safety item must be one of the items");
    }

    private static void require(boolean holds, Questionnaire q, String what) {
        if (!holds) {
            throw new IllegalStateException(key(q.id(), q.version()) + ": " + what);
        }
    }
}
