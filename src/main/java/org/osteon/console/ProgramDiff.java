package org.osteon.console;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osteon.program.Component;

/**
 * What one program version changes against the one before it, field by field, for the version
 * history: components added or removed (by kind, a program holds one of each) and each field that
 * differs, nested fields named by their path ({@code cap.maxPerDay}, {@code progression.step},
 * {@code exercises[1].reps}). Framework-free: components in, changes out.
 *
 * <p>Invariant: applying every change to the flattened fields of {@code before} gives those of
 * {@code after}; two equal programs have no change, whatever the order of their components.
 */
public final class ProgramDiff {
    private ProgramDiff() {}

    /** A component added ({@code field} null, {@code from} null) or removed, or one field changed. */
    public record Change(String kind, String field, String from, String to) {
        /** The change as one line, e.g. {@code steps: stepsPerDay 7000 → 8000}. */
        public String shown() {
            if (field == null) {
                return kind + (from == null ? " added" : " removed");
            }
            return kind + ": " + field + " " + (from == null ? "—" : from) + " → " + (to == null ? "—" : to);
        }
    }

    /** The changes from {@code before} (empty for a first version) to {@code after}: before's kinds in its order, then the kinds added. */
    public static List<Change> between(List<Component> before, List<Component> after) {
        Map<String, Map<String, String>> a = byKind(before), b = byKind(after);
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : a.entrySet()) {
            Map<String, String> now = b.get(e.getKey());
            if (now == null) {
                out.add(new Change(e.getKey(), null, "present", null));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>(e.getValue().keySet());
            fields.addAll(now.keySet());
            for (String f : fields) {
                String x = e.getValue().get(f), y = now.get(f);
                if (x == null ? y != null : !x.equals(y)) {
                    out.add(new Change(e.getKey(), f, x, y));
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new Change(e.getKey(), null, null, "present"));
            }
        }
        return out;
    }

    /** A component's fields as path → value shown, absent fields left out. */
    public static Map<String, String> flatten(Component c) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", (Record) c, out);
        return out;
    }

    private static Map<String, Map<String, String>> byKind(List<Component> components) {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        if (components != null) {
            for (Component c : components) {
                m.put(c.kind(), flatten(c));
            }
        }
        return m;
    }

    private static void flatten(String prefix, Record r, Map<String, String> out) {
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = rc.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + rc.getName(), e);
            }
            String path = prefix + rc.getName();
            if (v == null) {
                continue;
            }
            if (v instanceof Record nested) {
                flatten(path + ".", nested, out);
            } else if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item instanceof Record nested) {
                        flatten(path + "[" + i + "].", nested, out);
                    } else {
                        out.put(path + "[" + i + "]", shown(item));
                    }
                }
            } else {
                out.put(path, shown(v));
            }
        }
    }

    /** A value as the console shows it: whole numbers without ".0", a set's members sorted. */
    @SuppressWarnings("unchecked")
    static String shown(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        if (v instanceof Collection<?> set) {
            // Weekdays in the week's order, Monday first (an enum's natural order).
            return String.join(
                    ", ",
                    set.stream()
                            .map(x -> (Comparable<Object>) x)
                            .sorted()
                            .map(x -> String.valueOf(x).toLowerCase(Locale.ROOT))
                            .toList());
        }
        return String.valueOf(v);
    }
}
