package org.osteon.scoring.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.osteon.scoring.calibration.Calibration;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.EpochSink;
import org.osteon.scoring.pipeline.ImpactPeak;
import org.osteon.scoring.pipeline.ScoringParams;

/**
 * The whole per-sample pipeline (calibration applied, ENMO, MAD, impact peaks, non-wear,
 * steps, counts) through {@link EpochScorer}, in raw samples per second. Two hours at 100 Hz
 * per invocation, so that non-wear blocks and step blocks close as they do on real files.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PipelineBenchmark {

    static final int RATE = 100;
    static final int SAMPLES = 2 * 3600 * RATE;
    static final int CHUNK = 1 << 14;

    private float[][] xyz;
    private ScoringParams params;

    @Setup
    public void setUp() {
        xyz = SyntheticSignal.walking(SAMPLES, RATE, 2);
        Calibration calibration = new Calibration(new double[] {0.01, -0.02, 0.005},
                new double[] {1.01, 0.99, 1.002}, true, "accepted", 0.02, 0.004, 40);
        params = ScoringParams.builder(RATE).calibration(calibration).build();
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void scoreTwoHours(Blackhole bh) {
        EpochSink sink = new EpochSink() {
            @Override
            public void epoch(EpochResult epoch) {
                bh.consume(epoch);
            }

            @Override
            public void peak(ImpactPeak peak) {
                bh.consume(peak);
            }
        };
        EpochScorer scorer = new EpochScorer(params, 1_767_600_000_000L);
        for (int off = 0; off < SAMPLES; off += CHUNK) {
            scorer.accept(xyz[0], xyz[1], xyz[2], off, Math.min(CHUNK, SAMPLES - off), sink);
        }
        scorer.finish(sink);
    }
}
