package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.simulator.DayPlanner.Habit;
import org.osteon.support.TestClock;

/** The demo's days: an opening that shows everything within its first two hours, and the habits behind each alert. */
class DemoDaysTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static int seconds(DayPlan p, Activity a) {
        return p.segments().stream()
                .filter(s -> s.activity() == a)
                .mapToInt(Segment::seconds)
                .sum();
    }

    @Test
    void theOpeningHasJumpsARunLoadsAnOfflineSpellAndAWholeNonWearWindowWithinTwoAndAHalfHours() {
        for (int minute : new int[] {0, 7, 14, 23 * 60 + 59}) {
            Instant start = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(minute * 60L + 13);
            DayPlan p = DayPlanner.opening(1, 0, start);
            assertThat(p.start()).isEqualTo(start);
            assertThat(p.seconds()).isLessThanOrEqualTo(150 * 60);
            List<Segment> jumps = p.segments().stream()
                    .filter(s -> s.activity() == Activity.JUMPS)
                    .toList();
            assertThat(jumps)
                    .hasSize(3)
                    .allSatisfy(s -> assertThat(s.jumpPeakG()).isGreaterThanOrEqualTo(4.2));
            assertThat(jumps.get(0).startSecond()).isLessThan(5 * 60);
            assertThat(seconds(p, Activity.RUNNING) + seconds(p, Activity.BRISK_WALKING))
                    .isGreaterThanOrEqualTo(20 * 60);
            assertThat(p.loads())
                    .hasSize(2)
                    .anyMatch(e -> e instanceof LoadEvent.Grf)
                    .anyMatch(e -> e instanceof LoadEvent.Resistance);
            // Offline over the jumps and the run: they arrive as a bulk re-sync about 20 min in.
            assertThat(p.offline()).singleElement().satisfies(o -> {
                assertThat(p.offlineAt(jumps.get(0).startSecond())).isTrue();
                assertThat(o.endSecond()).isLessThanOrEqualTo(25 * 60);
            });
            // Non-wear from a quarter hour of the UTC day, long enough for a whole 60-min window.
            Segment off = p.segments().get(p.segments().size() - 1);
            assertThat(off.activity()).isEqualTo(Activity.NON_WEAR);
            assertThat(off.seconds()).isGreaterThanOrEqualTo(75 * 60);
            assertThat((start.getEpochSecond() + off.startSecond()) % (15 * 60)).isZero();
        }
    }

    @Test
    void withOpeningContinuesWithTheDaysContiguouslyToTheEnd() {
        Instant from = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(10 * 3600 + 5);
        Instant to = from.plusSeconds(12 * 3600);
        List<DayPlan> plans = DayPlanner.withOpening(1, 0, from, to, Habit.STEADY);
        Instant at = from;
        for (DayPlan p : plans) {
            assertThat(p.start()).isEqualTo(at);
            at = p.end();
        }
        assertThat(at).isEqualTo(to);
        assertThat(DayPlanner.withOpening(1, 0, from, from.plusSeconds(600), Habit.STEADY))
                .singleElement()
                .satisfies(p -> assertThat(p.seconds()).isEqualTo(600));
    }

    @Test
    void aFadingWearerStopsExercisingInTheLastWeekAndASteadyOneDoesNot() {
        int fadedMvpa = 0;
        int earlierMvpa = 0;
        for (int back = 1; back <= 14; back++) {
            LocalDate date = TODAY.minusDays(back);
            DayPlan fading = DayPlanner.day(5, 1, date, Habit.FADING, TODAY);
            int mvpa = seconds(fading, Activity.BRISK_WALKING)
                    + seconds(fading, Activity.RUNNING)
                    + seconds(fading, Activity.JUMPS);
            if (back <= DayPlanner.FADING_DAYS) {
                fadedMvpa += mvpa;
                assertThat(fading.loads()).isEmpty();
            } else {
                earlierMvpa += mvpa;
                // Before the fade the days are the steady ones, draw for draw.
                assertThat(fading).isEqualTo(DayPlanner.day(5, 1, date));
            }
        }
        assertThat(fadedMvpa).isZero();
        assertThat(earlierMvpa).isGreaterThan(0);
    }

    @Test
    void anOverdoingWearerLandsAbove6gMoreThan60TimesEveryFourthDay() {
        int hardDays = 0;
        for (int back = 0; back < 8; back++) {
            LocalDate date = TODAY.minusDays(back);
            DayPlan p = DayPlanner.day(5, 2, date, Habit.OVERDOING, TODAY);
            int hardSeconds = p.segments().stream()
                    .filter(s -> s.activity() == Activity.JUMPS && s.jumpPeakG() == DayPlanner.HARD_LANDING_G)
                    .mapToInt(Segment::seconds)
                    .sum();
            if (Math.floorMod(date.toEpochDay(), 4) == 0) {
                hardDays++;
                // A jump every 5.2-6.6 s: 480 s hold more than 60 landings.
                assertThat(hardSeconds).isEqualTo(480);
            } else {
                assertThat(hardSeconds).isZero();
            }
        }
        assertThat(hardDays).isEqualTo(2);
        assertThat(DayPlanner.HARD_LANDING_G).isGreaterThan(6.0);
    }

    @Test
    void theDemoOptionsAreReadAndBoundedByName() {
        SimulatorArguments a = SimulatorArguments.parse(
                new String[] {
                    "--history-days",
                    "14",
                    "--opening",
                    "--habits",
                    "fading,overdoing",
                    "--programs",
                    "who-2020,liftmor",
                    "--silent",
                    "1"
                },
                TestClock.CLOCK);
        assertThat(a.historyDays()).isEqualTo(14);
        assertThat(a.opening()).isTrue();
        assertThat(List.of(a.habit(0), a.habit(1), a.habit(2)))
                .containsExactly(Habit.FADING, Habit.OVERDOING, Habit.FADING);
        assertThat(a.programs()).containsExactly("who-2020", "liftmor");
        assertThat(a.silent()).isEqualTo(1);
        assertThatThrownBy(() -> SimulatorArguments.parse(new String[] {"--history-days", "28"}, TestClock.CLOCK))
                .hasMessage("--history-days must be a whole number from 0 to 27, was 28");
        assertThatThrownBy(() -> SimulatorArguments.parse(new String[] {"--habits", "lazy"}, TestClock.CLOCK))
                .hasMessageContaining("steady, fading or overdoing");
        assertThatThrownBy(() ->
                        SimulatorArguments.parse(new String[] {"--no-register", "--silent", "1"}, TestClock.CLOCK))
                .hasMessageContaining("need registration");
    }
}
