package org.osteon.program;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osteon.common.ApiException;

/** What Bean Validation cannot say about a program: rules across fields and components, and progression. */
public final class ProgramRules {
    private ProgramRules() {}

    /** Refuses the first broken rule, naming its field as {@code components[i].name}. */
    public static void check(List<Component> components) {
        if (components == null || components.isEmpty()) {
            throw ApiException.badField("components", "must hold at least one component");
        }
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            String at = "components[" + i + "]";
            if (!kinds.add(c.kind())) {
                throw ApiException.badField(at + ".kind", "a program holds one " + c.kind() + " component");
            }
            if (c instanceof Component.Impacts im) {
                if (im.per() == Component.Per.session && im.sessionsPerWeek() == null) {
                    throw ApiException.badField(at + ".sessionsPerWeek", "is required when per is session");
                }
                if (im.per() == Component.Per.day && (im.sessionsPerWeek() != null || im.days() != null)) {
                    throw ApiException.badField(
                            at + ".per",
                            "a daily count is due every day; use per session for sessionsPerWeek and days");
                }
            } else if (c instanceof Component.Mvpa m && !Set.of(1, 5, 10).contains(m.boutMinutes())) {
                throw ApiException.badField(at + ".boutMinutes", "must be 1, 5 or 10");
            } else if (c instanceof Component.Sedentary s
                    && (s.maxLongestBoutMinutes() == null) == (s.maxHoursPerDay() == null)) {
                throw ApiException.badField(
                        at + ".maxLongestBoutMinutes", "give exactly one of maxLongestBoutMinutes and maxHoursPerDay");
            } else if (c instanceof Component.Checkin ch && (ch.everyDays() == null) == (ch.everyWeeks() == null)) {
                throw ApiException.badField(
                        at + ".everyDays",
                        "give exactly one of everyDays (1 to " + Component.Checkin.MAX_DAYS + ") and everyWeeks (1 to "
                                + Component.Checkin.MAX_WEEKS + ")");
            } else if (c instanceof Component.Resistance r
                    && r.progression() != null
                    && (r.exercises() == null || r.exercises().isEmpty())) {
                throw ApiException.badField(
                        at + ".progression", "progression raises exercises' minPercent1RM; list exercises");
            }
            Component.Progression p = c.progression();
            if (p != null && p.ceiling() < c.mainTarget()) {
                throw ApiException.badField(at + ".progression.ceiling", "must not be below the starting target");
            }
            if (p != null && p.ceiling() > c.maxMainTarget()) {
                throw ApiException.badField(
                        at + ".progression.ceiling",
                        "must be at most "
                                + number(c.maxMainTarget()) + ", the largest " + c.mainTargetField() + " allowed for "
                                + c.kind()
                                + " components");
            }
            if (p != null && p.step() > c.maxMainTarget()) {
                throw ApiException.badField(
                        at + ".progression.step",
                        "must be at most " + number(c.maxMainTarget()) + ", the largest " + c.mainTargetField()
                                + " allowed for " + c.kind() + " components");
            }
        }
    }

    /**
     * Refuses a check-in of a questionnaire the deployment does not offer, naming the field and the
     * questionnaires it does offer.
     *
     * @param offered the questionnaires offered here, by id
     * @param defined every questionnaire defined, offered or not (a defined one not offered is the PHQ-9
     *     where no clinician is on call to act on its item 9)
     */
    public static void checkQuestionnaires(List<Component> components, List<String> offered, List<String> defined) {
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i) instanceof Component.Checkin ch && !offered.contains(ch.questionnaire())) {
                String allowed = String.join(", ", offered);
                throw ApiException.badField(
                        "components[" + i + "].questionnaire",
                        defined.contains(ch.questionnaire())
                                ? ch.questionnaire() + " is not offered here: no clinician is on call to act on its"
                                        + " safety item; use one of " + allowed
                                : "must be one of " + allowed + ", was '"
                                        + org.osteon.common.Text.printable(ch.questionnaire(), 40) + "'");
            }
        }
    }

    /** The component as in force on {@code day} of a version that took effect on {@code effectiveFrom}. */
    public static Component onDay(Component c, LocalDate effectiveFrom, LocalDate day) {
        Component.Progression p = c.progression();
        if (p == null || day.isBefore(effectiveFrom)) {
            return c;
        }
        long steps = ChronoUnit.WEEKS.between(effectiveFrom, day) / p.everyWeeks();
        // The component's own bound as well as the ceiling: versions stored before ceilings were bounded.
        double target = Math.min(Math.min(p.ceiling(), c.maxMainTarget()), c.mainTarget() + steps * p.step());
        return c.withMainTarget(target);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
