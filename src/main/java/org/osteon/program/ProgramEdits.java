package org.osteon.program;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits of some components of a program, applied to the version they start from, and what a new
 * version changes against the one before. Framework-free: JSON in, JSON out.
 *
 * <p>An edit names a component by its {@code kind} and gives the fields to change; a field set to
 * {@code null} is removed (JSON Merge Patch, RFC 7386, per component), a nested object is merged
 * field by field, and every component and field the edit does not name is kept as it was. A kind
 * the program does not have is added as given.
 */
public final class ProgramEdits {
    private ProgramEdits() {}

    /** An edit that cannot apply, naming the field at fault. */
    public static final class BadEdit extends IllegalArgumentException {
        private final String field;

        BadEdit(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** The message without the field. */
        public String reason() {
            return getMessage().substring(field.length() + 2);
        }
    }

    /** One difference between two versions: a component added or removed, or a field of one changed. */
    public record Change(String kind, String field, JsonNode from, JsonNode to) {}

    /**
     * The components after the edits, in the original order, added kinds last.
     *
     * @throws BadEdit naming the edit at fault: one without a kind, or a kind named twice
     */
    public static List<ObjectNode> apply(List<ObjectNode> components, List<ObjectNode> set, List<String> remove) {
        Map<String, ObjectNode> byKind = new LinkedHashMap<>();
        for (ObjectNode c : components) {
            byKind.put(c.path("kind").asText(), c.deepCopy());
        }
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < set.size(); i++) {
            ObjectNode edit = set.get(i);
            String kind = edit.path("kind").asText(null);
            if (kind == null) {
                throw new BadEdit("set[" + i + "].kind", "is required: the component to change");
            }
            if (!named.add(kind)) {
                throw new BadEdit("set[" + i + "].kind", "'" + kind + "' is named twice");
            }
            ObjectNode current = byKind.get(kind);
            if (current == null) {
                byKind.put(kind, edit.deepCopy());
            } else {
                merge(current, edit);
            }
        }
        for (String kind : remove) {
            if (named.contains(kind)) {
                throw new BadEdit("remove", "'" + kind + "' is also in set");
            }
            if (byKind.remove(kind) == null) {
                throw new BadEdit(
                        "remove",
                        "the program has no '" + kind + "' component; it has " + String.join(", ", byKind.keySet()));
            }
        }
        return new ArrayList<>(byKind.values());
    }

    /** RFC 7386 merge of {@code patch} into {@code target}. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull()) {
                target.remove(e.getKey());
            } else if (v.isObject() && target.get(e.getKey()) instanceof ObjectNode inner) {
                merge(inner, (ObjectNode) v);
            } else {
                target.set(e.getKey(), v.deepCopy());
            }
        }
    }

    /**
     * What {@code after} changes against {@code before}, by kind: a component added or removed
     * (field {@code null}), or each top-level field whose value differs.
     */
    public static List<Change> diff(List<Component> before, List<Component> after, ObjectMapper json) {
        Map<String, ObjectNode> a = byKind(before, json), b = byKind(after, json);
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> e : a.entrySet()) {
            ObjectNode now = b.get(e.getKey());
            if (now == null) {
                out.add(new Change(e.getKey(), null, e.getValue(), null));
                continue;
            }
            Set<String> fields = new LinkedHashSet<>();
            e.getValue().fieldNames().forEachRemaining(fields::add);
            now.fieldNames().forEachRemaining(fields::add);
            for (String f : fields) {
                JsonNode x = e.getValue().get(f), y = now.get(f);
                if (x == null ? y != null : !x.equals(y)) {
                    out.add(new Change(e.getKey(), f, x, y));
                }
            }
        }
        for (Map.Entry<String, ObjectNode> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new Change(e.getKey(), null, null, e.getValue()));
            }
        }
        return out;
    }

    private static Map<String, ObjectNode> byKind(List<Component> components, ObjectMapper json) {
        Map<String, ObjectNode> m = new LinkedHashMap<>();
        for (Component c : components) {
            m.put(c.kind(), json.valueToTree(c));
        }
        return m;
    }
}
