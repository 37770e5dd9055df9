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
    /**
     * How a wearer's days go, for demos whose history should give a physiotherapist something to
     * see: each habit other than the steady one is the cause of one kind of alert.
     */
    public enum Habit {
        /** The days described above. */
        STEADY,
        /** Steady until {@link DayPlanner#FADING_DAYS} days before the run's "today", then no exercise and short walks only. */
        FADING,
        /** Steady, but every fourth day ends with four sets of 20 jumps landing at 6.55 g, above a 6 g cap. */
        OVERDOING
    }

    /** A fading wearer's last days without exercise: a week, the recent window of a decline. */
    public static final int FADING_DAYS = 7;
    /** The overdoing wearer's hard landings (g): in the middle of the 6.4–6.7 g bin, above a 6 g cap. */
    public static final double HARD_LANDING_G = 6.55;

    private static final int MIN = 60;
    /** Landing peaks (g) in the middle of histogram bins, well away from every Deere band edge. */
    private static final double[] JUMP_PEAKS = {2.6, 3.2, 3.6, 4.75, 5.35, 5.95};

    private final List<Segment> segments = new ArrayList<>();
    private final List<DayPlan.Offline> offline = new ArrayList<>();
    private final List<LoadEvent> loads = new ArrayList<>();
    private final SplittableRandom random;
    private final boolean exercises;
    private final boolean overdoes;
    private int at;

    private DayPlanner(SplittableRandom random, boolean exercises, boolean overdoes) {
        this.random = random;
        this.exercises = exercises;
        this.overdoes = overdoes;
    }

    /** The plan of one UTC day for a device of a seeded run. */
    public static DayPlan day(long seed, int device, LocalDate date) {
        return day(seed, device, date, Habit.STEADY, date);
    }

    /** The plan of one UTC day of a wearer with a habit, {@code today} being the run's present day. */
    public static DayPlan day(long seed, int device, LocalDate date, Habit habit, LocalDate today) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ (device + 1) * 0xC2B2AE3D27D4EB4FL ^ date.toEpochDay() * 31;
        boolean faded = habit == Habit.FADING && !date.isBefore(today.minusDays(FADING_DAYS));
        boolean overdoes = habit == Habit.OVERDOING && Math.floorMod(date.toEpochDay(), 4) == 0;
        DayPlanner p = new DayPlanner(new SplittableRandom(mixed), !faded, overdoes);
        return p.plan(date);
    }

    /**
     * A demo's first simulated hours from {@code start}, eventful on purpose so that a live demo
     * shows everything within minutes at 60x: a walk, three sets of jumps landing at 4.75–5.35 g,
     * a 10-min run with insole GRF peaks, 12 min of brisk walking, a resistance set; offline from
     * minute 3 to 20 (the device keeps recording and re-syncs the jumps and the run in bulk); then
     * sitting until a quarter hour of the UTC day and 75 min off the wrist, so that a whole 60-min
     * non-wear window lies in it. Ends at the end of the non-wear.
     */
    public static DayPlan opening(long seed, int device, Instant start) {
        long mixed = seed * 0x9E3779B97F4A7C15L ^ (device + 1) * 0xC2B2AE3D27D4EB4FL ^ start.getEpochSecond();
        DayPlanner p = new DayPlanner(new SplittableRandom(mixed), true, false);
        int secondOfDay = (int) (start.getEpochSecond() % 86_400);
        p.add(Activity.WALKING, 2 * MIN);
        for (int set = 0; set < 3; set++) {
            p.add(Activity.SITTING, MIN);
            p.segments.add(new Segment(Activity.JUMPS, p.at, (10 + p.random.nextInt(6)) * 6, set == 1 ? 5.35 : 4.75));
            p.at = p.segments.get(p.segments.size() - 1).endSecond();
        }
        p.loads.add(new LoadEvent.Grf(p.at + 5 * MIN, 2.4, 10 * 165));
        p.add(Activity.RUNNING, 10 * MIN);
        p.add(Activity.BRISK_WALKING, 12 * MIN);
        p.loads.add(new LoadEvent.Resistance(p.at + 2 * MIN, "deadlift", 3, 8, 45, 80.0));
        p.add(Activity.SITTING, 5 * MIN);
        p.offline.add(new DayPlan.Offline(3 * MIN, 17 * MIN));
        int quarter = alignedToQuarter(secondOfDay + p.at) - secondOfDay;
        p.sittingUntil(quarter);
        p.add(Activity.NON_WEAR, 75 * MIN);
        return new DayPlan(start, p.segments, p.offline, p.loads);
    }

    /**
     * A wearer's plans covering {@code [from, to)} with {@link #opening} first: the opening, then
     * the planned days from its end, cut to {@code to}.
     */
    public static List<DayPlan> withOpening(long seed, int device, Instant from, Instant to, Habit habit) {
        DayPlan opening = opening(seed, device, from);
        List<DayPlan> out = new ArrayList<>();
        if (!opening.end().isBefore(to)) {
            out.add(opening.crop(0, (int) (to.getEpochSecond() - from.getEpochSecond())));
            return out;
        }
        out.add(opening);
        out.addAll(days(
                seed,
                device,
                opening.end(),
                to,
                habit,
                from.atZone(ZoneOffset.UTC).toLocalDate()));
        return out;
    }

    /**
     * The planned days of a device covering {@code [from, to)}, cut to it: a run that starts at
     * 14:05 begins with the afternoon of that day.
     */
    public static List<DayPlan> days(long seed, int device, Instant from, Instant to) {
        return days(
                seed,
                device,
                from,
                to,
                Habit.STEADY,
                from.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** As {@link #days(long, int, Instant, Instant)}, for a wearer with a habit; {@code today} is the run's present day. */
    public static List<DayPlan> days(long seed, int device, Instant from, Instant to, Habit habit, LocalDate today) {
        List<DayPlan> out = new ArrayList<>();
        LocalDate date = from.atZone(ZoneOffset.UTC).toLocalDate();
        while (date.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(to)) {
            DayPlan day = day(seed, device, date, habit, today);
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
        if (exercises) {
            exercise();
        }
        if (overdoes) {
            for (int set = 0; set < 4; set++) {
                add(Activity.SITTING, MIN);
                segments.add(new Segment(Activity.JUMPS, at, 20 * 6, HARD_LANDING_G));
                at = segments.get(segments.size() - 1).endSecond();
            }
        }
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
