package org.osteon.engine;

import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.scoring.intensity.Intensity;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.sleep.GravityEpochs;
import org.osteon.scoring.sleep.SleepParams;
import org.osteon.scoring.sleep.SleepWindowDetector;

/**
 * What a night needs of one local day, gathered from the day's own samples as {@link DayScoring}
 * feeds them: the z-angle of each epoch (HDCZA's input, {@link GravityEpochs} at {@link
 * SleepParams#epochSeconds()}) in slots counted from the day's local midnight, {@code NaN} where the
 * scorer found non-wear or there were no samples, and the day's runs of worn sedentary epochs.
 * No framework imports.
 *
 * <p>Invariant, as DayScoring's: the result depends only on the samples, not on the batching. The
 * gravity epochs of a run start at its first sample in the day, as the scorer's epochs do, so each
 * gravity epoch is the scorer's epoch of the same start; both go to the slot nearest their start
 * (runs start anywhere, slots every epoch from midnight). A slot counts as worn only when the
 * scorer's epoch there was worn, so epochs the scorer has not yet judged stay {@code NaN} until it
 * does.
 */
final class SleepEpochs {
    /** The HDCZA settings the engine uses; only their epoch length matters here. */
    static final SleepParams PARAMS = SleepParams.DEFAULT;

    private final long dayStartMillis;
    private final long epochMillis;
    private final float[] angle;
    private final BitSet worn;
    /** Flat [start ms after midnight, epochs] pairs of the finished sedentary runs. */
    private int[] runs = new int[16];

    private int runCount;
    private long runStartMillis = -1;
    private int runEpochs;
    private GravityEpochs gravity;
    private long gravityStartMillis;
    private long gravityTaken;

    SleepEpochs(long dayStartMillis, long dayEndMillis) {
        this.dayStartMillis = dayStartMillis;
        this.epochMillis = PARAMS.epochSeconds() * 1000L;
        int slots = (int) ((dayEndMillis - dayStartMillis) / epochMillis);
        this.angle = new float[slots];
        this.worn = new BitSet(slots);
        Arrays.fill(angle, Float.NaN);
    }

    private SleepEpochs(SleepEpochs o) {
        this.dayStartMillis = o.dayStartMillis;
        this.epochMillis = o.epochMillis;
        this.angle = o.angle.clone();
        this.worn = (BitSet) o.worn.clone();
        this.runs = o.runs.clone();
        this.runCount = o.runCount;
        this.runStartMillis = o.runStartMillis;
        this.runEpochs = o.runEpochs;
        this.gravity = o.gravity == null ? null : o.gravity.copy();
        this.gravityStartMillis = o.gravityStartMillis;
        this.gravityTaken = o.gravityTaken;
    }

    /** A copy that finishes independently (DayScoring's live path). */
    SleepEpochs copy() {
        return new SleepEpochs(this);
    }

    /** A run's first sample in the day is at {@code startMillis}: its gravity epochs start there. */
    void startRun(double rateHz, Calibration calibration, long startMillis) {
        gravity = new GravityEpochs(rateHz, PARAMS.epochSeconds(), calibration);
        gravityStartMillis = startMillis;
        gravityTaken = 0;
    }

    /** The run's next samples, those the scorer gets. */
    void accept(float[] x, float[] y, float[] z, int offset, int n) {
        gravity.accept(x, y, z, offset, n);
        double[] gx = gravity.x();
        double[] gy = gravity.y();
        double[] gz = gravity.z();
        for (int k = 0; k < gx.length; k++) {
            int slot = slot(gravityStartMillis + (gravityTaken + k) * epochMillis);
            if (slot >= 0) {
                angle[slot] = (float) SleepWindowDetector.zAngleDeg(gx[k], gy[k], gz[k]);
            }
        }
        gravityTaken += gx.length;
        gravity.clearComplete();
    }

    /** The scorer's verdict on an epoch: worn or not, sedentary or not. */
    void epoch(EpochResult e) {
        int slot = slot(e.epochStartMillis());
        if (slot >= 0 && !e.nonwear()) {
            worn.set(slot);
        }
        if (!e.nonwear() && e.intensity() == Intensity.SEDENTARY) {
            if (runEpochs == 0) {
                runStartMillis = e.epochStartMillis();
            }
            runEpochs++;
        } else {
            endSedentaryRun();
        }
    }

    /** A gap or the end of the data ends the run of samples and a sedentary run, as in DayScoring. */
    void endRun() {
        endSedentaryRun();
        gravity = null;
    }

    private void endSedentaryRun() {
        if (runEpochs > 0) {
            if (runCount * 2 + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[runCount * 2] = (int) (runStartMillis - dayStartMillis);
            runs[runCount * 2 + 1] = runEpochs;
            runCount++;
        }
        runEpochs = 0;
    }

    /**
     * What is stored of the day (call after the scorer finished its last run).
     *
     * @param startMillis the day's local midnight
     * @param epochSeconds slot length
     * @param zAngle z-angle of each slot, degrees; {@code NaN} where not worn or no data
     * @param sedentaryRuns flat [start ms after midnight, epochs] pairs, in time order
     */
    record Day(long startMillis, int epochSeconds, float[] zAngle, int[] sedentaryRuns) {
        /** Whether no epoch of the day was worn (e.g. a day of loading events only): nothing to store. */
        boolean empty() {
            for (float a : zAngle) {
                if (!Float.isNaN(a)) {
                    return false;
                }
            }
            return sedentaryRuns.length == 0;
        }

        /** Equal when every angle (NaN equal to NaN) and every run is: what DayScoringTest compares. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Day d
                    && startMillis == d.startMillis
                    && epochSeconds == d.epochSeconds
                    && Arrays.equals(zAngle, d.zAngle)
                    && Arrays.equals(sedentaryRuns, d.sedentaryRuns);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(startMillis) + Arrays.hashCode(zAngle) + 17 * Arrays.hashCode(sedentaryRuns);
        }

        @Override
        public String toString() {
            return "Day[" + Instant.ofEpochMilli(startMillis) + ", " + zAngle.length + " epochs, "
                    + sedentaryRuns.length / 2 + " sedentary runs]";
        }

        /** Bytes of the stored z-angles: 4 per epoch. */
        int bytes() {
            return zAngle.length * 4;
        }
    }

    Day finish() {
        endRun();
        float[] out = angle.clone();
        for (int i = 0; i < out.length; i++) {
            if (!worn.get(i)) {
                out[i] = Float.NaN;
            }
        }
        return new Day(dayStartMillis, PARAMS.epochSeconds(), out, Arrays.copyOf(runs, runCount * 2));
    }

    private int slot(long millis) {
        long s = Math.floorDiv(millis - dayStartMillis + epochMillis / 2, epochMillis);
        return s >= 0 && s < angle.length ? (int) s : -1;
    }
}
