package org.osteon.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osteon.scoring.Placement;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;

/**
 * The cost of the estimated peak ground-reaction force in the scoring of a day (docs/benchmarks.md,
 * "Scoring a day"): a simulated 24-h hip day at 100 Hz (8.64 M samples in 1-h batches, float
 * encoding, decoded as the engine decodes them) scored by {@link DayScoring} with and without the
 * GRF peaks, alternately, after a warm-up of each. Times are the scoring thread's CPU time and wall
 * time, no database: what the engine spends per day beyond reading it.
 *
 * <p>Run: {@code bench/day-scoring.sh} (arguments: rounds, default 5).
 */
public final class DayScoringBenchmark {
    static final ZoneId ZONE = ZoneId.of("Europe/Vienna");
    static final LocalDate DAY = LocalDate.of(2030, 3, 5);
    static final int RATE = 100;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<RawBatch> batches = day();
        ScoringParams params =
                ScoringParams.builder(RATE).placement(Placement.HIP).build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Warm-up, then alternate so that drift of the machine's load hits both alike.
        score(batches, params, true);
        score(batches, params, false);
        List<double[]> with = new ArrayList<>();
        List<double[]> without = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (boolean grf : new boolean[] {true, false}) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                DayScoring.Result result = score(batches, params, grf);
                double[] t = {(threads.getCurrentThreadCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6};
                (grf ? with : without).add(t);
                if (r == 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "grf=%s peaks=%d samplesUsed=%d%n",
                            grf,
                            result.grf().wornPeaksG().size(),
                            result.grf().samplesUsed());
                }
            }
        }
        print("with GRF", with);
        print("without GRF", without);
    }

    static DayScoring.Result score(List<RawBatch> batches, ScoringParams params, boolean grf) {
        DayScoring day = new DayScoring(params, ZONE, DAY, grf);
        batches.forEach(day::accept);
        return day.finish();
    }

    static void print(String what, List<double[]> times) {
        double[] cpu = times.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double[] wall = times.stream().mapToDouble(t -> t[1]).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "%s: CPU ms median %.0f (min %.0f, max %.0f); wall ms median %.0f (min %.0f, max %.0f); n=%d%n",
                what,
                cpu[cpu.length / 2],
                cpu[0],
                cpu[cpu.length - 1],
                wall[wall.length / 2],
                wall[0],
                wall[wall.length - 1],
                cpu.length);
    }

    /** Sleep, sitting, walking, running and jumps over the day, in 1-h float batches. */
    static List<RawBatch> day() {
        Instant start = DAY.atStartOfDay(ZONE).toInstant();
        List<Segment> plan = new ArrayList<>();
        plan.add(new Segment(Activity.SLEEP, 0, 7 * 3600, 0));
        int t = 7 * 3600;
        Activity[] cycle = {Activity.WALKING, Activity.SITTING, Activity.JUMPS, Activity.RUNNING, Activity.SITTING};
        int[] seconds = {1800, 5400, 300, 900, 3600};
        double[] jumpG = {0, 0, 4.0, 0, 0};
        for (int i = 0; t < 24 * 3600; i++) {
            int k = i % cycle.length;
            int s = Math.min(seconds[k], 24 * 3600 - t);
            plan.add(new Segment(cycle[k], t, s, jumpG[k]));
            t += s;
        }
        SignalGenerator g = new SignalGenerator("bench", DayPlan.of(start, plan), RATE, 1);
        int hour = 3600 * RATE;
        float[] x = new float[hour], y = new float[hour], z = new float[hour];
        List<RawBatch> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            int at = 0;
            int k;
            while (at < hour && (k = g.fill(x, y, z, at, Math.min(RATE, hour - at))) > 0) {
                at += k;
            }
            ByteBuffer b = ByteBuffer.allocate(hour * 12).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] axis : new float[][] {x, y, z}) {
                for (float v : axis) {
                    b.putFloat(v);
                }
                Arrays.fill(axis, 0);
            }
            long micros = start.toEpochMilli() * 1000 + h * 3_600_000_000L;
            out.add(new RawBatch(h, micros, RATE, hour, (short) 2, 0, b.array()));
        }
        return out;
    }
}
