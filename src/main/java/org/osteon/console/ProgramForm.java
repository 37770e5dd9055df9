package org.osteon.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osteon.program.Component;

/**
 * The program editor's form: the fields of each kind of component with their units and allowed
 * values (the bounds of {@link Component} and {@code ProgramRules}), a draft as the form posts it,
 * and the draft as the program API's JSON body. Input names are the API's own field paths
 * ({@code components[0].cap.maxPerDay}), so an error the API names lands at its input.
 */
final class ProgramForm {
    private ProgramForm() {}

    /** The kinds a program may hold, in the order the editor offers them. */
    static final List<String> KINDS = List.of("impacts", "mvpa", "steps", "resistance", "sedentary", "checkin");

    /** How a field is entered. */
    enum Control {
        TEXT,
        SELECT,
        DAYS
    }

    /** One field of a kind: its path inside the component, label, unit and what it allows. */
    record Spec(String path, String label, String unit, String allowed, Control control, List<String> options) {
        static Spec text(String path, String label, String unit, String allowed) {
            return new Spec(path, label, unit, allowed, Control.TEXT, List.of());
        }
    }

    /** A group of fields shown together (the targets, the safety cap, the progression). */
    record Group(String legend, String note, List<Spec> fields) {}

    static final List<String> WEEKDAYS =
            java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();

    private static Group progression(String unit, String max, String target) {
        return new Group(
                "Progression",
                "Raises " + target + " by the step every so many weeks from the effective date, up to the ceiling. "
                        + "Leave all three empty for a target that stays put.",
                List.of(
                        Spec.text("progression.step", "Step", unit, "more than 0, at most " + max),
                        Spec.text("progression.everyWeeks", "Every", "weeks", "a whole number from 1 to 52"),
                        Spec.text("progression.ceiling", "Ceiling", unit, "from the starting target up to " + max)));
    }

    /** The groups of each kind's fields; resistance's exercises are listed apart. */
    static List<Group> groups(String kind) {
        return switch (kind) {
            case "impacts" ->
                List.of(
                        new Group(
                                "Targets",
                                null,
                                List.of(
                                        Spec.text(
                                                "minG",
                                                "Impact threshold",
                                                "g",
                                                "1.3 to 16.0 (resultant acceleration, gravity included)"),
                                        Spec.text("count", "Impacts", "peaks", "a whole number from 1 to 1000"),
                                        new Spec(
                                                "per",
                                                "Counted per",
                                                null,
                                                "day (due every day) or session (a day reaching the count is a session)",
                                                Control.SELECT,
                                                List.of("day", "session")),
                                        Spec.text(
                                                "sessionsPerWeek",
                                                "Sessions a week",
                                                "sessions",
                                                "1 to 7; required with per session, empty with per day"),
                                        new Spec(
                                                "days",
                                                "Scheduled days",
                                                null,
                                                "per session only; none ticked: any day",
                                                Control.DAYS,
                                                WEEKDAYS))),
                        new Group(
                                "Safety cap",
                                "For fragile bone: at most so many peaks above a level in a day. Leave both empty for no cap.",
                                List.of(
                                        Spec.text("cap.aboveG", "Above", "g", "1.3 to 16.0"),
                                        Spec.text("cap.maxPerDay", "At most, per day", "peaks", "0 to 10000"))),
                        progression("peaks", "1000", "the impacts count"));
            case "mvpa" ->
                List.of(
                        new Group(
                                "Targets",
                                null,
                                List.of(
                                        Spec.text(
                                                "minutesPerWeek",
                                                "Moderate-to-vigorous minutes",
                                                "min/week",
                                                "a whole number from 1 to 3000"),
                                        new Spec(
                                                "boutMinutes",
                                                "Counted in bouts of at least",
                                                "min",
                                                "1, 5 or 10",
                                                Control.SELECT,
                                                List.of("1", "5", "10")))),
                        progression("min/week", "3000", "the weekly minutes"));
            case "steps" ->
                List.of(
                        new Group(
                                "Targets",
                                null,
                                List.of(
                                        Spec.text(
                                                "stepsPerDay", "Steps", "steps/day", "a whole number from 1 to 100000"),
                                        Spec.text("daysPerWeek", "On", "days/week", "1 to 7"))),
                        progression("steps/day", "100000", "the daily steps"));
            case "resistance" ->
                List.of(
                        new Group(
                                "Targets",
                                null,
                                List.of(
                                        Spec.text("sessionsPerWeek", "Sessions a week", "sessions", "1 to 7"),
                                        new Spec(
                                                "days",
                                                "Scheduled days",
                                                null,
                                                "none ticked: any day",
                                                Control.DAYS,
                                                WEEKDAYS))),
                        progression("% 1RM", "100", "every exercise's minimum share of 1RM"));
            case "sedentary" ->
                List.of(new Group(
                        "Limits",
                        "Give exactly one of the two. Not progressive.",
                        List.of(
                                Spec.text(
                                        "maxLongestBoutMinutes",
                                        "Longest sitting bout at most",
                                        "min",
                                        "a whole number from 1 to 1440"),
                                Spec.text("maxHoursPerDay", "Sitting at most", "h/day", "0.5 to 24.0"))));
            case "checkin" ->
                List.of(new Group(
                        "Check-in",
                        "The patient answers the questionnaire once in every period, counted from the effective date. "
                                + "Give exactly one of days and weeks. Not progressive.",
                        List.of(
                                new Spec(
                                        "questionnaire",
                                        "Questionnaire",
                                        null,
                                        "phq-9 (only where a clinician is on call for its item 9), phq-8 or phq-2",
                                        Control.SELECT,
                                        List.of("phq-9", "phq-8", "phq-2")),
                                Spec.text("everyDays", "Every", "days", "a whole number from 1 to 91"),
                                Spec.text("everyWeeks", "Or every", "weeks", "a whole number from 1 to 13"))));
            default -> List.of();
        };
    }

    /** The fields of one exercise of a resistance component. */
    static final List<Spec> EXERCISE = List.of(
            Spec.text("exercise", "Exercise", null, "a name of up to 60 characters"),
            Spec.text("sets", "Sets", "sets", "1 to 20"),
            Spec.text("reps", "Reps", "reps", "1 to 100"),
            Spec.text("minPercent1RM", "At least", "% 1RM", "0 to 100"));

    /**
     * The field the preview shows for a component: its main target, except for resistance without
     * exercises, whose main target is 0 (nothing to raise): its sessions a week, which stay put.
     */
    static String shownField(Component c) {
        return noExercises(c) ? "sessionsPerWeek" : c.mainTargetField();
    }

    /** The value of {@link #shownField} in {@code c}. */
    static double shownTarget(Component c) {
        return noExercises(c) ? ((Component.Resistance) c).sessionsPerWeek() : c.mainTarget();
    }

    private static boolean noExercises(Component c) {
        return c instanceof Component.Resistance r
                && (r.exercises() == null || r.exercises().isEmpty());
    }

    /** The unit of a kind's main target, the one progression acts on and the preview shows. */
    static String mainUnit(Component c) {
        return switch (c.kind()) {
            case "impacts" ->
                "peaks " + (((Component.Impacts) c).per() == Component.Per.session ? "a session" : "a day");
            case "mvpa" -> "min/week";
            case "steps" -> "steps/day";
            case "resistance" -> noExercises(c) ? "sessions/week" : "% 1RM";
            case "sedentary" -> ((Component.Sedentary) c).maxLongestBoutMinutes() != null ? "min" : "h/day";
            case "checkin" ->
                ((Component.Checkin) c).everyDays() != null ? "days between check-ins" : "weeks between check-ins";
            default -> "";
        };
    }

    /**
     * One component of a draft: its kind and its fields as typed, by path inside the component
     * ({@code minG}, {@code exercises[1].reps}); a field of several values (days) holds each.
     */
    record Draft(String kind, Map<String, List<String>> values) {
        String value(String path) {
            List<String> v = values.get(path);
            return v == null || v.isEmpty() ? "" : v.get(0);
        }

        /** The number of exercise rows with anything typed in them. */
        int exercises() {
            int n = 0;
            for (String key : values.keySet()) {
                Matcher m = EXERCISE_KEY.matcher(key);
                if (m.matches()) {
                    n = Math.max(n, Integer.parseInt(m.group(1)) + 1);
                }
            }
            return n;
        }
    }

    private static final Pattern EXERCISE_KEY = Pattern.compile("exercises\\[(\\d{1,2})]\\..+");
    private static final Pattern COMPONENT_KEY = Pattern.compile("components\\[(\\d{1,2})]\\.(.+)");

    /** The most components and exercises a form is read for: the API's own bounds (10 and 20). */
    static final int MAX_COMPONENTS = 10, MAX_EXERCISES = 20;

    /** A stored component as a draft, each value as the API writes it. */
    static Draft of(Component c, ObjectMapper json) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        flatten("", json.valueToTree(c), values);
        values.remove("kind");
        return new Draft(c.kind(), values);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, List<String>> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(path + ".", v, out);
            } else if (v.isArray()) {
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isObject()) {
                        flatten(path + "[" + i + "].", v.get(i), out);
                    } else {
                        out.computeIfAbsent(path, k -> new ArrayList<>())
                                .add(v.get(i).asText());
                    }
                }
            } else if (!v.isNull()) {
                out.put(
                        path,
                        new ArrayList<>(
                                List.of(v.isFloatingPointNumber() ? ProgramDiff.shown(v.doubleValue()) : v.asText())));
            }
        }
    }

    /**
     * The components of a posted form, in index order: only the fields the editor shows for each
     * kind are read, so no other name of the request reaches the API's body.
     */
    static List<Draft> read(Map<String, List<String>> form) {
        Map<Integer, Map<String, List<String>>> byIndex = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> e : form.entrySet()) {
            Matcher m = COMPONENT_KEY.matcher(e.getKey());
            if (m.matches() && Integer.parseInt(m.group(1)) < MAX_COMPONENTS) {
                byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new LinkedHashMap<>())
                        .put(m.group(2), e.getValue());
            }
        }
        List<Draft> drafts = new ArrayList<>();
        for (Map<String, List<String>> fields : byIndex.values()) {
            List<String> kind = fields.get("kind");
            if (kind == null || kind.isEmpty() || !KINDS.contains(kind.get(0))) {
                continue;
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (Group g : groups(kind.get(0))) {
                for (Spec s : g.fields()) {
                    List<String> v = fields.get(s.path());
                    if (v != null) {
                        values.put(s.path(), v);
                    }
                }
            }
            if (kind.get(0).equals("resistance")) {
                // Exercise rows left empty are not exercises; the others are renumbered from 0.
                int row = 0;
                for (int i = 0; i < MAX_EXERCISES + 1; i++) {
                    Map<String, List<String>> exercise = new LinkedHashMap<>();
                    for (Spec s : EXERCISE) {
                        List<String> v = fields.get("exercises[" + i + "]." + s.path());
                        if (v != null && !v.isEmpty() && !v.get(0).isBlank()) {
                            exercise.put(s.path(), v);
                        }
                    }
                    if (!exercise.isEmpty()) {
                        for (Map.Entry<String, List<String>> x : exercise.entrySet()) {
                            values.put("exercises[" + row + "]." + x.getKey(), x.getValue());
                        }
                        row++;
                    }
                }
            }
            drafts.add(new Draft(kind.get(0), values));
        }
        return drafts;
    }

    /**
     * A draft's components as the API's JSON: a value that reads as a number is sent as one, any
     * other as text for the API to refuse with its own message; empty fields are left out.
     */
    static ArrayNode body(List<Draft> drafts, ObjectMapper json) {
        ArrayNode components = json.createArrayNode();
        for (Draft d : drafts) {
            ObjectNode c = components.addObject();
            c.put("kind", d.kind());
            for (Map.Entry<String, List<String>> e : d.values().entrySet()) {
                List<String> given = e.getValue().stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
                if (given.isEmpty()) {
                    continue;
                }
                String[] path = e.getKey().split("\\.");
                ObjectNode at = c;
                for (int i = 0; i < path.length - 1; i++) {
                    at = object(at, path[i]);
                }
                String last = path[path.length - 1];
                if (last.equals("days")) {
                    ArrayNode days = at.putArray(last);
                    given.forEach(days::add);
                } else {
                    at.set(last, scalar(given.get(0), json));
                }
            }
        }
        return components;
    }

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

    /** The object at {@code name} (or {@code name[i]} of an array) inside {@code parent}, made if absent. */
    private static ObjectNode object(ObjectNode parent, String name) {
        Matcher m = INDEXED.matcher(name);
        if (!m.matches()) {
            return parent.get(name) instanceof ObjectNode o ? o : parent.putObject(name);
        }
        ArrayNode list = parent.get(m.group(1)) instanceof ArrayNode a ? a : parent.putArray(m.group(1));
        int i = Integer.parseInt(m.group(2));
        while (list.size() <= i) {
            list.addObject();
        }
        return (ObjectNode) list.get(i);
    }

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,30}"),
            DECIMAL = Pattern.compile("-?\\d{0,30}\\.\\d{1,30}");

    private static JsonNode scalar(String v, ObjectMapper json) {
        if (WHOLE.matcher(v).matches()) {
            return json.getNodeFactory().numberNode(new BigInteger(v));
        }
        if (DECIMAL.matcher(v).matches()) {
            return json.getNodeFactory().numberNode(Double.parseDouble(v));
        }
        return json.getNodeFactory().textNode(v);
    }

    /** The id of the input for a field path, e.g. {@code f-components-0-cap-maxPerDay}. */
    static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
