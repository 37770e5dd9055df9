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
import org.osteon.scoring.counts.ActiGraphCounts;
import org.osteon.scoring.counts.CountsFilter;

/**
 * ActiGraph counts alone, in raw samples (three axes each) per second. 100 Hz is the
 * dearest rate (interpolating resampler, 3 IIR steps per sample); 90 Hz only decimates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CountsBenchmark {

    /** Ten minutes at 100 Hz; whole 5-s epochs at every rate benchmarked. */
    static final int SAMPLES = 60_000;

    @Param({"100", "90"})
    int rate;

    private float[][] xyz;

    @Setup
    public void setUp() {
        xyz = SyntheticSignal.walking(SAMPLES, rate, 1);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public long countsInOneSecondBatches(Blackhole bh) {
        ActiGraphCounts counts = new ActiGraphCounts(rate, 5, CountsFilter.NORMAL);
        for (int off = 0; off < SAMPLES; off += rate) {
            counts.accept(xyz[0], xyz[1], xyz[2], off, Math.min(rate, SAMPLES - off),
                    (i, a1, a2, a3, vm) -> bh.consume(vm));
        }
        return counts.epochCount();
    }
}
