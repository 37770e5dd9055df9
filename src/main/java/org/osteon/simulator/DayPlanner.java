package org.osteon.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic days from a seed: sleep until 06:00–07:30, breakfast, a walk to work, desk work with
 * short walks, an hour or more with the device on its charger at midday, an afternoon at the desk,
 * most days an exercise session (brisk walk, run, jump sets, gym), an evening on the sofa and sleep
 * from 22:00–23:30. Most days also have a few offline hours (phone left at home), after which the
 * device re-syncs in bulk. The same seed, device and date always give the same plan.
 *
 * <p>Non-wear periods start on a quarter hour of the day and last whole quarter hours, at least an
 * hour: non-wear detection judges 60-min windows in 15-min steps from the first sample, so such a
 * period is found exactly when the recording starts at midnight.
 */
public final class DayPlanner {
    private static final int MIN = 60;
    /** Landing peaks (g) in the middle of histogram bins, well away from every Deere band edge. */
    private static final double[] JUMP_PEAKS = {2.6, 3.2, 3.6, 4.75, 5.35, 5.95};

    private final List<Segment> segments = new ArrayList<>();
    private final List<DayPlan.Offline> offline = new ArrayList<>();
    private final List<LoadEvent> loads = new ArrayList<>();
    private final SplittableRandom random;
    private int at;

    private DayPlanner(SplittableRandom random) {
        this.random = random;
    }

    /** The plan of one UTC day for a device of a seeded run. */
    public static DayPlan day(long seed, int device, LocalDate date) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ (device + 1) * 0xC2B2AE3D27D4EB4FL ^ date.toEpochDay() * 31;
        DayPlanner p = new DayPlanner(new SplittableRandom(mixed));
        return p.plan(date);
    }

    /**
     * The planned days of a device covering {@code [from, to)}, cut to it: a run that starts at
     * 14:05 begins with the afternoon of that day.
     */
    public static List<DayPlan> days(long seed, int device, Instant from, Instant to) {
        List<DayPlan> out = new ArrayList<>();
        LocalDate date = from.atZone(ZoneOffset.UTC).toLocalDate();
        while (date.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to)) {
            DayPlan day = day(seed, device, date);
            long dayStart = day.start().getEpochSecond();
            int cropFrom = (int) Math.max(0, from.getEpochSecond() - dayStart);
            int cropTo = (int) Math.min(day.seconds(), to.getEpochSecond() - dayStart);
            out.add(day.crop(cropFrom, cropTo));
            date = date.plusDays(1);
        }
        return out;
    }

    private DayPlan plan(LocalDate date) {
        add(Activity.SLEEP, 6 * 60 * MIN + minutes(0, 90));
        add(Activity.SITTING, minutes(20, 40));
        add(Activity.WALKING, minutes(10, 25));
        deskWork(12 * 60);
        sittingUntil(alignedToQuarter(at));
        add(Activity.NON_WEAR, (4 + random.nextInt(4)) * 15 * MIN);
        add(Activity.WALKING, minutes(5, 10));
        deskWork(16 * 60 + 30);
        exercise();
        sittingUntil(Math.max(at + 30 * MIN, 22 * 60 * MIN + minutes(0, 90)));
        add(Activity.SLEEP, 24 * 60 * MIN - at);
        if (random.nextDouble() < 0.7) {
            int start = 8 * 60 * MIN + minutes(0, 600);
            offline.add(new DayPlan.Offline(start, minutes(60, 240)));
        }
        return new DayPlan(date.atStartOfDay(ZoneOffset.UTC).toInstant(), segments, offline, loads);
    }

    private void deskWork(int untilMinuteOfDay) {
        while (at < untilMinuteOfDay * MIN) {
            add(Activity.SITTING, minutes(40, 80));
            add(Activity.WALKING, minutes(3, 8));
        }
    }

    private void exercise() {
        if (random.nextDouble() < 0.6) {
            add(Activity.BRISK_WALKING, minutes(20, 40));
        }
        if (random.nextDouble() < 0.4) {
            int seconds = minutes(15, 30);
            loads.add(new LoadEvent.Grf(at + seconds / 2, 2.2 + random.nextInt(8) / 10.0, seconds * 165 / 60));
            add(Activity.RUNNING, seconds);
        }
        if (random.nextDouble() < 0.7) {
            int sets = 2 + random.nextInt(3);
            for (int s = 0; s < sets; s++) {
                add(Activity.SITTING, minutes(1, 3));
                double peak = JUMP_PEAKS[random.nextInt(JUMP_PEAKS.length)];
                segments.add(new Segment(Activity.JUMPS, at, (10 + random.nextInt(11)) * 6, peak));
                at = segments.get(segments.size() - 1).endSecond();
            }
        }
        if (random.nextDouble() < 0.4) {
            int kg = 40 + 5 * random.nextInt(5);
            loads.add(new LoadEvent.Resistance(at + 10 * MIN, "deadlift", 3, 8, kg, 80.0));
            add(Activity.SITTING, 40 * MIN);
        }
    }

    private void sittingUntil(int second) {
        if (second > at) {
            add(Activity.SITTING, second - at);
        }
    }

    private static int alignedToQuarter(int second) {
        int quarter = 15 * MIN;
        return (second + quarter - 1) / quarter * quarter;
    }

    /** A random whole number of minutes in [from, to], in seconds. */
    private int minutes(int from, int to) {
        return (from + random.nextInt(to - from + 1)) * MIN;
    }

    private void add(Activity activity, int seconds) {
        segments.add(new Segment(activity, at, seconds, 0));
        at += seconds;
    }
}
