package org.osteon.scoring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What produced a score: algorithm name, algorithm version and every parameter that changes the
 * number (docs/metrics.md §5: "a score computed with other parameters is a different score").
 *
 * <p>Parameters are structured data, as JSON would hold them: strings, numbers, booleans, lists and
 * nested maps, never a Java {@code toString()}, so that a reader (a clinician's tool, a re-analysis)
 * can take a threshold out by name. A parameter set given as a record becomes a map of its
 * components, an enum that {@link Described describes itself} the map it gives, any other enum its
 * name. An undefined number (NaN) becomes null and an unbounded one the string {@code "Infinity"}:
 * JSON has neither. Top-level names are sorted so that two equal provenances print identically.
 *
 * @param algorithm stable algorithm name, e.g. {@code "enmo-cutpoints"}
 * @param version algorithm version; bump it whenever the same inputs could give another output
 * @param parameters parameter name to structured value, sorted by name
 */
public record Provenance(String algorithm, String version, Map<String, Object> parameters) {

    /** A named parameter set whose name alone would not say its values (a cut-point set, a band set). */
    public interface Described {
        Map<String, Object> describe();
    }

    public Provenance {
        Map<String, Object> sorted = new TreeMap<>();
        parameters.forEach((k, v) -> sorted.put(k, structured(v)));
        parameters = Collections.unmodifiableMap(sorted);
    }

    /** A copy with one more parameter; used to add values only known later, such as wear time. */
    public Provenance with(String name, Object value) {
        Map<String, Object> copy = new TreeMap<>(parameters);
        copy.put(name, value);
        return new Provenance(algorithm, version, copy);
    }

    /** A copy with every parameter of {@code more} added (those of {@code more} win). */
    public Provenance withAll(Map<String, ?> more) {
        Map<String, Object> copy = new TreeMap<>(parameters);
        copy.putAll(more);
        return new Provenance(algorithm, version, copy);
    }

    /** {@code value} as JSON-shaped data (see the class comment). */
    public static Object structured(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? null : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : d;
        }
        if (value instanceof Described d) {
            return structured(d.describe());
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), structured(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(structured(v)));
            return Collections.unmodifiableList(out);
        }
        if (value instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double v : a) {
                out.add(structured(v));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof int[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (int v : a) {
                out.add(v);
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), structured(c.getAccessor().invoke(r)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("parameter " + c.getName() + " could not be read", e);
                }
            }
            return Collections.unmodifiableMap(out);
        }
        return value.toString();
    }
}
