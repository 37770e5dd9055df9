package org.osteon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteon.console.ProgramDiff.Change;
import org.osteon.program.Component;
import org.osteon.program.Component.Exercise;
import org.osteon.program.Component.Impacts;
import org.osteon.program.Component.Per;
import org.osteon.program.Component.Progression;
import org.osteon.program.Component.Resistance;
import org.osteon.program.Component.SafetyCap;
import org.osteon.program.Component.Steps;

class ProgramDiffTest {
    static final Steps STEPS = new Steps(7000, 5, null);
    static final Impacts JUMPS = new Impacts(4.2, 20, Per.day, null, null, null, new Progression(5.0, 2, 50.0));

    @Test
    void aFirstVersionAddsEachOfItsComponents() {
        assertThat(ProgramDiff.between(List.of(), List.of(STEPS, JUMPS)))
                .containsExactly(
                        new Change("steps", null, null, "present"), new Change("impacts", null, null, "present"));
        assertThat(ProgramDiff.between(null, List.of(STEPS)).get(0).shown()).isEqualTo("steps added");
    }

    @Test
    void equalProgramsInAnotherOrderHaveNoChange() {
        assertThat(ProgramDiff.between(List.of(STEPS, JUMPS), List.of(JUMPS, new Steps(7000, 5, null))))
                .isEmpty();
    }

    @Test
    void aChangedTargetShowsOldAndNewValue() {
        List<Change> changes = ProgramDiff.between(List.of(STEPS), List.of(new Steps(8000, 5, null)));
        assertThat(changes).containsExactly(new Change("steps", "stepsPerDay", "7000", "8000"));
        assertThat(changes.get(0).shown()).isEqualTo("steps: stepsPerDay 7000 → 8000");
    }

    @Test
    void capAndProgressionChangesAreNamedByTheirNestedField() {
        Impacts capped =
                new Impacts(4.2, 20, Per.day, null, null, new SafetyCap(6.0, 10), new Progression(2.5, 2, 50.0));
        assertThat(ProgramDiff.between(List.of(JUMPS), List.of(capped)))
                .containsExactly(
                        new Change("impacts", "progression.step", "5", "2.5"),
                        new Change("impacts", "cap.aboveG", null, "6"),
                        new Change("impacts", "cap.maxPerDay", null, "10"));
        Impacts noProgression = new Impacts(4.2, 20, Per.day, null, null, null, null);
        assertThat(ProgramDiff.between(List.of(JUMPS), List.of(noProgression)))
                .extracting(Change::shown)
                .containsExactly(
                        "impacts: progression.step 5 → —",
                        "impacts: progression.everyWeeks 2 → —",
                        "impacts: progression.ceiling 50 → —");
    }

    @Test
    void exercisesAndDaysAreComparedElementByElement() {
        Resistance before = new Resistance(
                2, List.of(new Exercise("squat", 5, 5, 80.0)), Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), null);
        Resistance after = new Resistance(
                2,
                List.of(new Exercise("squat", 5, 6, 80.0), new Exercise("deadlift", 3, 5, 75.0)),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                null);
        assertThat(ProgramDiff.between(List.of(before), List.of(after)))
                .extracting(Change::shown)
                .containsExactly(
                        "resistance: exercises[0].reps 5 → 6",
                        "resistance: days monday, thursday → monday, friday",
                        "resistance: exercises[1].exercise — → deadlift",
                        "resistance: exercises[1].sets — → 3",
                        "resistance: exercises[1].reps — → 5",
                        "resistance: exercises[1].minPercent1RM — → 75");
    }

    @Test
    void aRemovedComponentIsOneChange() {
        List<Component> before = List.of(STEPS, JUMPS);
        assertThat(ProgramDiff.between(before, List.of(JUMPS)))
                .extracting(Change::shown)
                .containsExactly("steps removed");
    }
}
