package org.osteon.simulator;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.osteon.scoring.bone.ImpactBandSet;

/**
 * The triaxial acceleration (g) of one {@link DayPlan}, sample by sample at a given rate, seeded:
 * the same plan, rate and seed always give the same samples, however {@link #fill} is called.
 * While it emits, it records the impacts and steps it put in the signal in its {@link GroundTruth}.
 *
 * <p>Each activity is built from short units (a second at rest, a change of posture, a gait cycle,
 * a jump) that never cross a segment's end: a unit that would not fit is replaced by standing still.
 * Postures: lying on the back, front or sides with a turn every 15–35 min in sleep (turns always
 * change two axes, so a night is never mistaken for non-wear); the wrist on a desk with a gesture
 * every 1–5 min when sitting; the arm hanging when on foot; flat and motionless when not worn.
 */
public final class SignalGenerator {
    private static final double[][] LYING = {{0, 0, 1}, {1, 0, 0.1}, {0, 0.1, -1}, {-1, 0, 0.1}};
    private static final double[] HANGING = {-0.95, 0.2, 0.25};

    private final DayPlan plan;
    private final double rate;
    private final long startMillis;
    private final GroundTruth truth;
    private final SplittableRandom random;
    private final Motion motion;
    private final SplittableRandom fidget;
    private double[] desk;
    private int segment = -1;
    private long segmentEnd;
    private long generated;
    private int unitLength;
    private int unitPos;
    private long nextPostureChange;
    private int lying;
    private double cadenceHz;
    private double strikeG;

    public SignalGenerator(String deviceId, DayPlan plan, double rateHz, long seed) {
        this(deviceId, plan, rateHz, seed, false);
    }

    /**
     * As {@link #SignalGenerator(String, DayPlan, double, long)}; with {@code fidgeting} the wrist
     * on the desk is never still: every second it wanders to a new orientation within about ±6° of
     * the desk posture, as an awake wearer's wrist does while typing or reading. Without it (the
     * default, and the signal every existing test knows) the desk wrist rests with noise only and
     * its z-angle changes as little as in sleep. Sleep, walking and the rest are the same either way.
     */
    public SignalGenerator(String deviceId, DayPlan plan, double rateHz, long seed, boolean fidgeting) {
        this.fidget = fidgeting ? new SplittableRandom(seed ^ 0x5DEECE66DL) : null;
        this.plan = plan;
        this.rate = rateHz;
        this.startMillis = plan.start().toEpochMilli();
        this.truth = new GroundTruth(deviceId, plan, rateHz, ImpactBandSet.DEERE_2012);
        this.random = new SplittableRandom(seed);
        this.motion = new Motion(random, rateHz, 8);
    }

    public long totalSamples() {
        return sampleAt(plan.seconds());
    }

    /** Samples handed out so far. */
    public long position() {
        return generated - unitLength + unitPos;
    }

    public boolean done() {
        return position() == totalSamples();
    }

    public DayPlan plan() {
        return plan;
    }

    /** Complete once {@link #done()}. */
    public GroundTruth truth() {
        return truth;
    }

    /** Writes the next {@code n} samples (fewer at the end of the plan); returns how many. */
    public int fill(float[] x, float[] y, float[] z, int offset, int n) {
        int written = 0;
        while (written < n && !done()) {
            if (unitPos == unitLength) {
                nextUnit();
            }
            int k = Math.min(n - written, unitLength - unitPos);
            System.arraycopy(motion.buffer[0], unitPos, x, offset + written, k);
            System.arraycopy(motion.buffer[1], unitPos, y, offset + written, k);
            System.arraycopy(motion.buffer[2], unitPos, z, offset + written, k);
            unitPos += k;
            written += k;
        }
        return written;
    }

    private void nextUnit() {
        while (generated >= segmentEnd) {
            enter(plan.segments().get(++segment));
        }
        Segment s = plan.segments().get(segment);
        int room = (int) Math.min(segmentEnd - generated, Integer.MAX_VALUE);
        int second = motion.samples(1);
        unitLength = switch (s.activity()) {
            case SLEEP -> resting(room, 0.004, 15 * 60, 35 * 60, this::nextLying);
            case SITTING -> fidget == null ? resting(room, 0.012, 60, 5 * 60, this::nextDeskPosture) : fidgeting(room);
            case NON_WEAR -> motion.rest(Math.min(room, second), 0.002);
            case WALKING, BRISK_WALKING, RUNNING -> gait(s.activity(), room);
            case JUMPS -> jump(s, room);
        };
        unitPos = 0;
        generated += unitLength;
    }

    private void enter(Segment s) {
        segmentEnd = sampleAt(s.endSecond());
        nextPostureChange = Long.MAX_VALUE;
        switch (s.activity()) {
            case SLEEP -> {
                lying = random.nextInt(LYING.length);
                motion.orient(tilted(LYING[lying], 0.25));
                nextPostureChange = generated + (long) (rate * (15 * 60 + random.nextInt(20 * 60)));
            }
            case SITTING -> {
                motion.orient(nextDeskPosture());
                nextPostureChange = generated + (long) (rate * (60 + random.nextInt(4 * 60)));
            }
            case NON_WEAR -> motion.orient(tilted(new double[] {0, 0, 1}, 0.05));
            case JUMPS -> motion.orient(tilted(HANGING, 0.1));
            case WALKING, BRISK_WALKING, RUNNING -> {
                motion.orient(tilted(HANGING, 0.1));
                cadenceHz = Gait.of(s.activity()).cadence(random);
                strikeG = Gait.of(s.activity()).strike(random);
            }
        }
    }

    /** Rest with noise, turning to a new posture at random intervals of {@code minS}–{@code maxS} seconds. */
    private int resting(int room, double sdG, int minS, int maxS, Supplier<double[]> next) {
        int turn = motion.samples(2);
        if (generated >= nextPostureChange && room >= turn) {
            nextPostureChange = generated + (long) (rate * (minS + random.nextInt(maxS - minS + 1)));
            return motion.turn(turn, next.get(), sdG);
        }
        long untilTurn = Math.max(1, nextPostureChange - generated);
        return motion.rest((int) Math.min(Math.min(room, motion.samples(1)), untilTurn), sdG);
    }

    /** Sleep turns go to an adjacent lying posture, so two axes always change by far more than 150 mg. */
    private double[] nextLying() {
        lying = (lying + (random.nextBoolean() ? 1 : LYING.length - 1)) % LYING.length;
        return tilted(LYING[lying], 0.25);
    }

    private double[] nextDeskPosture() {
        desk = tilted(new double[] {0.2, -0.3, 0.9}, 0.6);
        return desk;
    }

    /** A second of the fidgeting desk wrist, or a posture change when one is due. */
    private int fidgeting(int room) {
        int second = motion.samples(1);
        if (generated >= nextPostureChange || room < second) {
            return resting(room, 0.012, 60, 5 * 60, this::nextDeskPosture);
        }
        double[] target = Motion.unit(new double[] {
            desk[0] + 0.2 * (fidget.nextDouble() - 0.5),
            desk[1] + 0.2 * (fidget.nextDouble() - 0.5),
            desk[2] + 0.2 * (fidget.nextDouble() - 0.5)
        });
        return motion.turn(second, target, 0.012);
    }

    private int gait(Activity activity, int room) {
        Gait g = Gait.of(activity);
        int length = (int) Math.round(rate / (cadenceHz * (1 + 0.06 * (random.nextDouble() - 0.5))));
        int width = motion.oddSamples(g.pulseSeconds());
        if (length > room || length < width + 4) {
            return motion.rest(Math.min(room, motion.samples(1)), 0.01);
        }
        double peak = g.stepPeak(strikeG, random);
        int at = motion.gaitCycle(length, width, peak, g.swayG());
        truth.step();
        if (peak >= 1.3) {
            truth.impact(new GroundTruth.Impact(millisAt(generated + at), peak, activity));
        }
        return length;
    }

    /** Jumps one every 5.2–6.6 s, so no 5-s epoch holds two landings. */
    private int jump(Segment s, int room) {
        int standing = motion.samples(3.6 + random.nextDouble() * 1.4);
        int width = motion.oddSamples(0.08);
        int length = motion.jumpLength(standing, width);
        if (length > room) {
            return motion.rest(Math.min(room, motion.samples(1)), 0.01);
        }
        double peak = s.jumpPeakG() + 0.1 * (random.nextDouble() - 0.5);
        int at = motion.jump(standing, width, peak);
        truth.impact(new GroundTruth.Impact(millisAt(generated + at), peak, Activity.JUMPS));
        return length;
    }

    private double[] tilted(double[] base, double amount) {
        return Motion.unit(new double[] {
            base[0] + amount * (random.nextDouble() - 0.5),
            base[1] + amount * (random.nextDouble() - 0.5),
            base[2] + amount * (random.nextDouble() - 0.5)
        });
    }

    private long sampleAt(double second) {
        return Math.round(second * rate);
    }

    private long millisAt(long sample) {
        return startMillis + Math.round(sample * 1000.0 / rate);
    }
}
