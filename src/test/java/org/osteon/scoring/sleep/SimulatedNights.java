package org.osteon.scoring.sleep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.DayPlanner;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;

/**
 * Simulated consecutive UTC days (from {@link DayPlanner}) turned into the detector's input: mean
 * gravity per 5-s epoch and the scoring core's non-wear flag per epoch, as the engine would.
 */
final class SimulatedNights {
    static final double RATE_HZ = 30;
    static final int EPOCHS_PER_DAY = 86_400 / 5;

    final List<DayPlan> plans;
    final long startMillis;
    final double[] x;
    final double[] y;
    final double[] z;
    final boolean[] nonwear;

    SimulatedNights(List<DayPlan> plans, long seed) {
        this(plans, seed, true);
    }

    SimulatedNights(List<DayPlan> plans, long seed, boolean fidgeting) {
        this.plans = plans;
        this.startMillis = plans.get(0).start().toEpochMilli();
        ScoringParams params = ScoringParams.builder(RATE_HZ).build();
        EpochScorer scorer = new EpochScorer(params, startMillis);
        GravityEpochs gravity = new GravityEpochs(RATE_HZ, 5, Calibration.none());
        List<EpochResult> epochs = new ArrayList<>();
        int n = (int) RATE_HZ;
        float[] ax = new float[n];
        float[] ay = new float[n];
        float[] az = new float[n];
        for (DayPlan plan : plans) {
            SignalGenerator g = new SignalGenerator(
                    "sleep-test", plan, RATE_HZ, seed + plan.start().getEpochSecond(), fidgeting);
            int k;
            while ((k = g.fill(ax, ay, az, 0, n)) > 0) {
                scorer.accept(ax, ay, az, 0, k, epochs::add);
                gravity.accept(ax, ay, az, 0, k);
            }
        }
        scorer.finish(epochs::add);
        this.x = gravity.x();
        this.y = gravity.y();
        this.z = gravity.z();
        this.nonwear = new boolean[x.length];
        for (EpochResult e : epochs) {
            int i = (int) ((e.epochStartMillis() - startMillis) / 5000);
            if (i < nonwear.length) {
                nonwear[i] = e.nonwear();
            }
        }
    }

    /** Planned days of device 0 of a seeded run, from {@code first} for {@code days} days. */
    static SimulatedNights planned(long seed, LocalDate first, int days) {
        return planned(seed, first, days, true);
    }

    static SimulatedNights planned(long seed, LocalDate first, int days, boolean fidgeting) {
        List<DayPlan> plans = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            plans.add(DayPlanner.day(seed, 0, first.plusDays(d)));
        }
        return new SimulatedNights(plans, seed, fidgeting);
    }

    /** The window detected from noon of day {@code day} to noon of the next. */
    Optional<SleepWindow> night(SleepParams params, int day) {
        int from = day * EPOCHS_PER_DAY + EPOCHS_PER_DAY / 2;
        int to = from + EPOCHS_PER_DAY;
        return SleepWindowDetector.detect(
                params,
                startMillis + from * 5000L,
                java.util.Arrays.copyOfRange(x, from, to),
                java.util.Arrays.copyOfRange(y, from, to),
                java.util.Arrays.copyOfRange(z, from, to),
                java.util.Arrays.copyOfRange(nonwear, from, to));
    }

    /** The planned start of sleep on day {@code day}'s evening. */
    Instant plannedOnset(int day) {
        DayPlan plan = plans.get(day);
        Segment last = plan.segments().get(plan.segments().size() - 1);
        if (last.activity() != Activity.SLEEP) {
            throw new IllegalStateException("day " + day + " does not end asleep");
        }
        return plan.start().plusSeconds(last.startSecond());
    }

    /** The planned end of sleep on day {@code day + 1}'s morning. */
    Instant plannedWake(int day) {
        DayPlan plan = plans.get(day + 1);
        Segment first = plan.segments().get(0);
        if (first.activity() != Activity.SLEEP) {
            throw new IllegalStateException("day " + (day + 1) + " does not start asleep");
        }
        return plan.start().plusSeconds(first.endSecond());
    }
}
