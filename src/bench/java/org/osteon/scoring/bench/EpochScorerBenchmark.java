package org.osteon.scoring.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.EpochSink;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * The whole per-sample pipeline (calibration, ENMO, MAD, impact peaks, non-wear, steps and, at
 * 100 Hz, ActiGraph counts), in raw samples (three axes each) per second. At 25 Hz counts are
 * undefined, which isolates the rest of the pipeline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EpochScorerBenchmark {

    /** Two hours at 100 Hz, so non-wear windows and step blocks complete inside one run. */
    static final int SAMPLES = 720_000;

    @Param({"100", "25"})
    int rate;

    private float[][] xyz;

    @Setup
    public void setUp() {
        xyz = SyntheticSignal.walking(SAMPLES, rate, 1);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void scoreInOneSecondBatches(Blackhole bh) {
        EpochScorer scorer = new EpochScorer(ScoringParams.builder(rate).build(), 0);
        EpochSink sink = bh::consume;
        for (int off = 0; off < SAMPLES; off += rate) {
            scorer.accept(xyz[0], xyz[1], xyz[2], off, Math.min(rate, SAMPLES - off), sink);
        }
        scorer.finish(sink);
    }
}
