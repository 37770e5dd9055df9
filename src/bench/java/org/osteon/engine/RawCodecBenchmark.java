package org.osteon.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding one stored minute (6000 triaxial samples at 100 Hz of the bhelsel wrist recording)
 * into the float arrays DayScoring feeds the scorers, per storage encoding. Scores are triaxial
 * samples per second (docs/benchmarks.md, "Decoding stored raw data").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawCodecBenchmark {
    static final int N = 6000;

    RawBatch int16;
    RawBatch float32;
    RawBatch packedInt16;
    RawBatch packedFloat32;
    final float[] x = new float[N];
    final float[] y = new float[N];
    final float[] z = new float[N];

    @Setup
    public void setUp() throws IOException {
        List<String> lines =
                Files.readAllLines(Path.of("src/test/resources/eval/bhelsel-agcounts/example_raw_100Hz_DERIVED.csv"));
        ByteBuffer counts = ByteBuffer.allocate(6 * N).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer g = ByteBuffer.allocate(12 * N).order(ByteOrder.LITTLE_ENDIAN);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < N; i++) {
                String[] f = lines.get(1 + i).split(",");
                counts.putShort(Short.parseShort(f[4 + a]));
                g.putFloat((float) Double.parseDouble(f[1 + a]));
            }
        }
        int16 = new RawBatch(0, 0, 100, N, RawCodec.INT16, 256, counts.array());
        float32 = new RawBatch(0, 0, 100, N, RawCodec.FLOAT32, 0, g.array());
        RawCodec.Stored p = RawCodec.store(RawCodec.INT16, 256, N, counts.array());
        packedInt16 = new RawBatch(0, 0, 100, N, p.encoding(), p.scale(), p.data());
        RawCodec.Stored q = RawCodec.store(RawCodec.FLOAT32, 0, N, g.array());
        packedFloat32 = new RawBatch(0, 0, 100, N, q.encoding(), 0, q.data());
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float encoding1Int16() {
        int16.decode(0, N, x, y, z);
        return x[N - 1] + y[N - 1] + z[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float encoding2Float32() {
        float32.decode(0, N, x, y, z);
        return x[N - 1] + y[N - 1] + z[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float encoding3FromInt16() {
        packedInt16.decode(0, N, x, y, z);
        return x[N - 1] + y[N - 1] + z[N - 1];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float encoding3FromFloat32() {
        packedFloat32.decode(0, N, x, y, z);
        return x[N - 1] + y[N - 1] + z[N - 1];
    }
}
