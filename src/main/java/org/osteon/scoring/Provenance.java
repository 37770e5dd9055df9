package org.osteon.scoring;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What produced a score: algorithm name, algorithm version and every parameter that changes the
 * number (docs/metrics.md §5: "a score computed with other parameters is a different score").
 *
 * <p>Parameters are kept as sorted strings so that two equal provenances print identically and can
 * be stored as a flat JSON object or key/value rows.
 *
 * @param algorithm stable algorithm name, e.g. {@code "enmo-cutpoints"}
 * @param version algorithm version; bump it whenever the same inputs could give another output
 * @param parameters parameter name to value, sorted by name
 */
public record Provenance(String algorithm, String version, Map<String, String> parameters) {

    public Provenance {
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** A copy with one more parameter; used to add values only known later, such as wear time. */
    public Provenance with(String name, Object value) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.put(name, String.valueOf(value));
        return new Provenance(algorithm, version, copy);
    }

    /** A copy with every parameter of {@code more} added (those of {@code more} win). */
    public Provenance withAll(Map<String, String> more) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.putAll(more);
        return new Provenance(algorithm, version, copy);
    }
}
