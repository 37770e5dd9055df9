package org.osteon.program;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.osteon.common.UnknownFieldException;

/**
 * One part of a program, with its targets in clinical units. The same JSON shape is stored in
 * {@code program_version.components} and {@code program_template.components}, and read and
 * written by the API; {@code kind} selects the type.
 *
 * <p>Unknown fields are refused, not dropped: a misspelt {@code cap} may be the one that protects
 * fragile bone.
 *
 * <p>Osteon resolves activity per day, so a "session" of a frequency target is a day on which the
 * session target was reached. {@code days}, when given, names the weekdays the session is
 * scheduled on: a day outside them is {@code not_scheduled} unless a session happened anyway.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Component.Impacts.class, name = "impacts"),
    @JsonSubTypes.Type(value = Component.Mvpa.class, name = "mvpa"),
    @JsonSubTypes.Type(value = Component.Steps.class, name = "steps"),
    @JsonSubTypes.Type(value = Component.Resistance.class, name = "resistance"),
    @JsonSubTypes.Type(value = Component.Sedentary.class, name = "sedentary"),
    @JsonSubTypes.Type(value = Component.Checkin.class, name = "checkin")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
// The same choice for the OpenAPI document, which does not read Jackson's: without it a component
// is shown as an empty object and Swagger UI cannot show what a program body holds.
@Schema(
        description = "One part of a program; kind selects the type and its fields.",
        oneOf = {
            Component.Impacts.class,
            Component.Mvpa.class,
            Component.Steps.class,
            Component.Resistance.class,
            Component.Sedentary.class,
            Component.Checkin.class
        },
        discriminatorProperty = "kind",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "impacts", schema = Component.Impacts.class),
            @DiscriminatorMapping(value = "mvpa", schema = Component.Mvpa.class),
            @DiscriminatorMapping(value = "steps", schema = Component.Steps.class),
            @DiscriminatorMapping(value = "resistance", schema = Component.Resistance.class),
            @DiscriminatorMapping(value = "sedentary", schema = Component.Sedentary.class),
            @DiscriminatorMapping(value = "checkin", schema = Component.Checkin.class)
        })
public sealed interface Component {

    /** Refuses a field this kind does not have, naming it (the service otherwise ignores unknown fields). */
    @JsonAnySetter
    default void refuseUnknown(String field, Object value) {
        throw new UnknownFieldException(field);
    }

    /** The name of this kind in JSON and in configuration. */
    String kind();

    /** How the main target grows; {@code null} when it stays put. */
    Progression progression();

    /** A copy whose main target is {@code value}, after progression. */
    Component withMainTarget(double value);

    /** The main target that progression acts on. */
    double mainTarget();

    /**
     * The largest main target this kind allows (the bound on its field): progression stops there
     * whatever its ceiling, so no week can demand more than a physiotherapist could prescribe.
     */
    double maxMainTarget();

    /** The main target's field, for errors that name it. */
    String mainTargetField();

    /**
     * Impact peaks at or above {@code minG} (resultant acceleration, gravity included). With
     * {@code per = day} the count is due every day; with {@code per = session} a day that reaches it
     * is a session, due {@code sessionsPerWeek} times a week.
     */
    @Schema(
            requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "impacts"))
    record Impacts(
            @NotNull @DecimalMin("1.3") @DecimalMax("16.0") Double minG,
            @NotNull @Min(1) @Max(Impacts.MAX_COUNT) Integer count,
            @NotNull Per per,
            @Min(1) @Max(7) Integer sessionsPerWeek,
            Set<DayOfWeek> days,
            @Valid SafetyCap cap,
            @Valid Progression progression)
            implements Component {
        /** The bound of the main target, for validation and for progression alike. */
        static final int MAX_COUNT = 1000;

        /**
         * Impacts are counted at or above this where a program has no impacts component: the lower
         * edge of the high band of Deere et al. 2012, the impacts associated with hip bone density.
         */
        public static final double DEFAULT_MIN_G = 4.2;

        @Override
        public String kind() {
            return "impacts";
        }

        @Override
        public double mainTarget() {
            return count;
        }

        @Override
        public double maxMainTarget() {
            return MAX_COUNT;
        }

        @Override
        public String mainTargetField() {
            return "count";
        }

        @Override
        public Component withMainTarget(double value) {
            return new Impacts(minG, (int) Math.round(value), per, sessionsPerWeek, days, cap, progression);
        }
    }

    /** Whether an impact count is due daily or per session. */
    enum Per {
        day,
        session
    }

    /** For fragile bone: at most {@code maxPerDay} peaks above {@code aboveG} in a day. */
    record SafetyCap(
            @NotNull @DecimalMin("1.3") @DecimalMax("16.0") Double aboveG,
            @NotNull @Min(0) @Max(10000) Integer maxPerDay) {}

    /** Moderate-to-vigorous minutes a week, counted only in bouts of at least {@code boutMinutes}. */
    @Schema(
            requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "mvpa"))
    record Mvpa(
            @NotNull @Min(1) @Max(Mvpa.MAX_MINUTES) Integer minutesPerWeek,
            @NotNull Integer boutMinutes,
            @Valid Progression progression)
            implements Component {
        /** The bound of the main target, for validation and for progression alike. */
        static final int MAX_MINUTES = 3000;

        @Override
        public String kind() {
            return "mvpa";
        }

        @Override
        public double mainTarget() {
            return minutesPerWeek;
        }

        @Override
        public double maxMainTarget() {
            return MAX_MINUTES;
        }

        @Override
        public String mainTargetField() {
            return "minutesPerWeek";
        }

        @Override
        public Component withMainTarget(double value) {
            return new Mvpa((int) Math.round(value), boutMinutes, progression);
        }
    }

    /** At least {@code stepsPerDay} steps on {@code daysPerWeek} days of the week. */
    @Schema(
            requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "steps"))
    record Steps(
            @NotNull @Min(1) @Max(Steps.MAX_STEPS) Integer stepsPerDay,
            @NotNull @Min(1) @Max(7) Integer daysPerWeek,
            @Valid Progression progression)
            implements Component {
        /** The bound of the main target, for validation and for progression alike. */
        static final int MAX_STEPS = 100000;

        @Override
        public String kind() {
            return "steps";
        }

        @Override
        public double mainTarget() {
            return stepsPerDay;
        }

        @Override
        public double maxMainTarget() {
            return MAX_STEPS;
        }

        @Override
        public String mainTargetField() {
            return "stepsPerDay";
        }

        @Override
        public Component withMainTarget(double value) {
            return new Steps((int) Math.round(value), daysPerWeek, progression);
        }
    }

    /**
     * Resistance sessions a week, from loading events. With exercises listed, a day counts as a
     * session only when every exercise reached its sets of at least {@code reps} reps at or above
     * {@code minPercent1RM} % of the one-repetition maximum the event reports (events without a 1RM
     * cannot show intensity and do not count). Without exercises, any resistance set counts.
     * Progression raises every exercise's {@code minPercent1RM}.
     */
    @Schema(
            requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "resistance"))
    record Resistance(
            @NotNull @Min(1) @Max(7) Integer sessionsPerWeek,
            @Size(max = 20) List<@Valid @NotNull Exercise> exercises,
            Set<DayOfWeek> days,
            @Valid Progression progression)
            implements Component {
        @Override
        public String kind() {
            return "resistance";
        }

        @Override
        public double mainTarget() {
            return exercises == null || exercises.isEmpty()
                    ? 0
                    : exercises.get(0).minPercent1RM();
        }

        @Override
        public double maxMainTarget() {
            return 100;
        }

        @Override
        public String mainTargetField() {
            return "exercises[0].minPercent1RM";
        }

        @Override
        public Component withMainTarget(double value) {
            if (exercises == null) {
                return this;
            }
            double delta = value - mainTarget();
            return new Resistance(
                    sessionsPerWeek,
                    exercises.stream()
                            .map(e -> new Exercise(
                                    e.exercise(), e.sets(), e.reps(), Math.min(100.0, e.minPercent1RM() + delta)))
                            .toList(),
                    days,
                    progression);
        }
    }

    /** One prescribed exercise: sets × reps at or above a share of 1RM. */
    record Exercise(
            @NotBlank @Size(max = 60) String exercise,
            @NotNull @Min(1) @Max(20) Integer sets,
            @NotNull @Min(1) @Max(100) Integer reps,
            @NotNull @DecimalMin("0.0") @DecimalMax("100.0") Double minPercent1RM) {}

    /**
     * Limits on sitting: the longest sedentary bout of a day, or sedentary hours a day. Exactly
     * one is given. Not progressive.
     */
    @Schema(
            requiredProperties = "kind",
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "sedentary"))
    record Sedentary(
            @Min(1) @Max(Sedentary.MAX_BOUT_MINUTES) Integer maxLongestBoutMinutes,
            @DecimalMin("0.5") @DecimalMax("24.0") Double maxHoursPerDay)
            implements Component {
        /** The bound of the main target, for validation and for progression alike. */
        static final int MAX_BOUT_MINUTES = 1440;

        @Override
        public String kind() {
            return "sedentary";
        }

        @Override
        public Progression progression() {
            return null;
        }

        @Override
        public double mainTarget() {
            return maxLongestBoutMinutes != null ? maxLongestBoutMinutes : maxHoursPerDay;
        }

        @Override
        public double maxMainTarget() {
            return maxLongestBoutMinutes != null ? MAX_BOUT_MINUTES : 24;
        }

        @Override
        public String mainTargetField() {
            return maxLongestBoutMinutes != null ? "maxLongestBoutMinutes" : "maxHoursPerDay";
        }

        @Override
        public Component withMainTarget(double value) {
            return this;
        }
    }

    /**
     * A mood check-in: the patient answers {@code questionnaire} once every {@code everyDays} days
     * or every {@code everyWeeks} weeks (exactly one is given). Check-ins fall due on the version's
     * effective date and every period after it; an answer anywhere in the period counts
     * ({@link CheckinSchedule}). The questionnaire must be one this deployment offers (the PHQ-9
     * only where a clinician is on call for its item 9). Not progressive.
     */
    @Schema(
            requiredProperties = {"kind", "questionnaire"},
            properties = @SchemaProperty(name = "kind", type = SchemaType.STRING, enumeration = "checkin"))
    record Checkin(
            @Schema(
                    description = "the questionnaire's id (GET /api/v1/questionnaires): phq-9, phq-8 or phq-2",
                    example = "phq-9")
            @NotBlank
            @Size(max = 40)
            String questionnaire,

            @Schema(description = "a check-in every so many days, 1 to " + Checkin.MAX_DAYS + "; or everyWeeks")
            @Min(1)
            @Max(Checkin.MAX_DAYS)
            Integer everyDays,

            @Schema(description = "a check-in every so many weeks, 1 to " + Checkin.MAX_WEEKS + "; or everyDays")
            @Min(1)
            @Max(Checkin.MAX_WEEKS)
            Integer everyWeeks)
            implements Component {
        /**
         * The longest period, in days and in weeks: a quarter. The PHQ asks about the last two weeks,
         * so a longer gap leaves most of the time between check-ins unreported; a physiotherapist who
         * wants less should drop the component.
         */
        static final int MAX_DAYS = 91, MAX_WEEKS = 13;

        /** The longest period in days, either way given: how far back an answer may still count. */
        public static final int MAX_PERIOD_DAYS = Math.max(MAX_DAYS, 7 * MAX_WEEKS);

        @Override
        public String kind() {
            return "checkin";
        }

        @Override
        public Progression progression() {
            return null;
        }

        /** The period between check-ins in its own unit (days or weeks). */
        @Override
        public double mainTarget() {
            return everyDays != null ? everyDays : everyWeeks == null ? 0 : everyWeeks;
        }

        @Override
        public double maxMainTarget() {
            return everyDays != null ? MAX_DAYS : MAX_WEEKS;
        }

        @Override
        public String mainTargetField() {
            return everyDays != null ? "everyDays" : "everyWeeks";
        }

        @Override
        public Component withMainTarget(double value) {
            return this;
        }

        /** The period between check-ins, in days. */
        public int periodDays() {
            return everyDays != null ? everyDays : 7 * everyWeeks;
        }
    }

    /**
     * The main target rises by {@code step} every {@code everyWeeks} weeks, counted from the
     * version's effective date, and stops at {@code ceiling}.
     */
    record Progression(
            @NotNull @DecimalMin(value = "0.0", inclusive = false)
            Double step,

            @NotNull @Min(1) @Max(52) Integer everyWeeks,
            @NotNull Double ceiling) {}
}
