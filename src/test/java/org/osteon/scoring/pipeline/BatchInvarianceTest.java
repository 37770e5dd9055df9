package org.osteon.scoring.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osteon.scoring.Signal;
import org.osteon.scoring.bone.GravityMode;

/**
 * The result for a recording must not depend on how it is cut into batches. Property-style: each
 * seed builds a different random recording (movement, still stretches, jumps, runs across batch
 * edges) and random batch sizes; the seed is in the test name so a failure can be replayed.
 */
class BatchInvarianceTest {

    static final double RATE = 30;
    static final long START = 1_700_000_000_000L;

    static Signal randomRecording(long seed) {
        Random random = new Random(seed);
        Signal s = new Signal(RATE, (int) ((2 * 3600 + random.nextInt(1800)) * RATE));
        int i = 0;
        while (i < s.length()) {
            int len = Math.min(s.length() - i, (int) ((60 + random.nextInt(70 * 60)) * RATE));
            if (random.nextInt(3) == 0) {
                s.still(i, i + len);
            } else {
                s.moving(i, i + len, 0.02 + 0.1 * random.nextDouble(), random);
                for (int j = 0; j < len / 200; j++) {
                    int at = i + 10 + random.nextInt(Math.max(1, len - 20));
                    if (at + 6 < s.length() && at > 6) {
                        s.jump(at, 1.35 + 6 * random.nextDouble(), random.nextInt(5));
                    }
                }
            }
            i += len;
        }
        int offStart = (int) ((20 + random.nextInt(20)) * 60 * RATE);
        s.still(offStart, offStart + (int) (75 * 60 * RATE));
        s.moving(0, (int) (600 * RATE), 0.05, random);
        for (int w = (int) (600 * RATE); w < (int) (1200 * RATE); w++) {
            s.z[w] = (float) (1 + 0.5 * Math.sin(2 * Math.PI * 1.8 * w / RATE) + 0.02 * random.nextGaussian());
        }
        for (int j = 1; j <= 5; j++) {
            s.jump((int) (100 * j * RATE) + random.nextInt(100), 1.35 + 6 * random.nextDouble(), random.nextInt(5));
        }
        return s;
    }

    static Recorder score(ScoringParams params, Signal s, IntUnaryOperator nextBatch) {
        Recorder out = new Recorder();
        EpochScorer scorer = new EpochScorer(params, START);
        int i = 0;
        while (i < s.length()) {
            int n = Math.min(s.length() - i, Math.max(1, nextBatch.applyAsInt(i)));
            scorer.accept(s.x, s.y, s.z, i, n, out);
            i += n;
        }
        scorer.finish(out);
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sameDayGivesIdenticalResultsWhateverTheBatches(long seed) {
        Signal s = randomRecording(seed);
        ScoringParams params = ScoringParams.builder(RATE).build();
        Random splits = new Random(seed * 31);

        Recorder whole = score(params, s, i -> s.length());
        Recorder seconds = score(params, s, i -> (int) RATE);
        Recorder hours = score(params, s, i -> (int) (3600 * RATE));
        Recorder random = score(params, s, i -> 1 + splits.nextInt(splits.nextBoolean() ? 7 : 20_000));

        assertTrue(whole.peaks.size() > 0, "peaks");
        assertTrue(whole.epochs.stream().anyMatch(EpochResult::nonwear), "non-wear");
        assertTrue(whole.epochs.stream().anyMatch(e -> !e.nonwear()), "wear");
        assertTrue(whole.epochs.stream().anyMatch(e -> e.steps() > 0), "steps");
        assertTrue(whole.epochs.stream().anyMatch(e -> e.vm() > 0), "counts");
        assertEquals(whole.all, seconds.all, "1-s batches");
        assertEquals(whole.all, hours.all, "1-h batches");
        assertEquals(whole.all, random.all, "random batches");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void verticalModeIsBatchInvariantToo(long seed) {
        Signal s = randomRecording(seed);
        ScoringParams params = ScoringParams.builder(RATE)
                .gravityMode(GravityMode.VERTICAL_GRAVITY_REMOVED)
                .peakThresholdG(0.3)
                .build();
        Random splits = new Random(seed);

        assertEquals(score(params, s, i -> s.length()).all, score(params, s, i -> 1 + splits.nextInt(5000)).all);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void enmoIsNeverNegative(long seed) {
        Signal s = randomRecording(seed);
        Random random = new Random(seed);
        for (int i = 0; i < s.length(); i += 1 + random.nextInt(50)) {
            s.x[i] = (float) (random.nextGaussian() * 0.01);
            s.y[i] = (float) (random.nextGaussian() * 0.01);
            s.z[i] = (float) (random.nextGaussian() * 0.3);
        }

        Recorder out = score(ScoringParams.builder(RATE).build(), s, i -> s.length());

        assertTrue(out.epochs.stream().allMatch(e -> e.enmoMg() >= 0), "ENMO is a mean of max(r − 1, 0)");
        assertTrue(out.epochs.stream().anyMatch(e -> e.madMg() > 0));
    }
}
