package org.osteon.scoring.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osteon.scoring.io.AccelerometerReader;

/**
 * Seven days at 100 Hz (60,480,000 samples) in the project's CSV format, generated into a
 * temporary directory: scored end to end by the command line (read, parse, score, write
 * epoch CSV and day JSON), and merely read and parsed, to show where the time goes.
 * Lives in the cli package to call {@link ScoreCommand#run} without exiting the JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class WeekFileBenchmark {

    static final int RATE = 100;
    static final long SAMPLES = 7L * 24 * 3600 * RATE;

    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void writeWeek() throws IOException {
        dir = Files.createTempDirectory("osteon-week");
        file = dir.resolve("week.csv");
        WeekCsv.write(file, SAMPLES, RATE);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public int scoreWeekFromFile() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int status = ScoreCommand.run(new String[] {"score", file.toString(), "--out", dir.resolve("out").toString()},
                quiet, quiet);
        if (status != 0) {
            throw new IllegalStateException("score failed with status " + status);
        }
        return status;
    }

    @Benchmark
    public long readAndParseWeek() throws IOException {
        float[] x = new float[1 << 14];
        float[] y = new float[1 << 14];
        float[] z = new float[1 << 14];
        long n = 0;
        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            for (int k = reader.read(x, y, z, 0, x.length); k >= 0; k = reader.read(x, y, z, 0, x.length)) {
                n += k;
            }
        }
        if (n != SAMPLES) {
            throw new IllegalStateException("read " + n + " of " + SAMPLES + " samples");
        }
        return n;
    }

    /** Writes the file byte by byte; String formatting of 60 M lines would dominate the setup. */
    static final class WeekCsv {

        private WeekCsv() {
        }

        static void write(Path file, long samples, int rate) throws IOException {
            long t0 = 1_767_600_000_000L;
            byte[] line = new byte[64];
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                out.write("time,x,y,z\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                for (long i = 0; i < samples; i++) {
                    double t = (double) i / rate;
                    double step = Math.sin(2 * Math.PI * 1.8 * t);
                    int p = appendLong(line, 0, t0 + i * 1000 / rate);
                    line[p++] = ',';
                    p = appendMilli(line, p, Math.round(300 * step));
                    line[p++] = ',';
                    p = appendMilli(line, p, Math.round(1000 + 600 * step * step * step));
                    line[p++] = ',';
                    p = appendMilli(line, p, Math.round(200 * Math.cos(2 * Math.PI * 0.9 * t)));
                    line[p++] = '\n';
                    out.write(line, 0, p);
                }
            }
        }

        private static int appendLong(byte[] b, int p, long v) {
            String s = Long.toString(v);
            for (int i = 0; i < s.length(); i++) {
                b[p++] = (byte) s.charAt(i);
            }
            return p;
        }

        /** Writes thousandths as a decimal with three places, e.g. -1234 as -1.234. */
        private static int appendMilli(byte[] b, int p, long milli) {
            if (milli < 0) {
                b[p++] = '-';
                milli = -milli;
            }
            p = appendLong(b, p, milli / 1000);
            b[p++] = '.';
            long frac = milli % 1000;
            b[p++] = (byte) ('0' + frac / 100);
            b[p++] = (byte) ('0' + frac / 10 % 10);
            b[p++] = (byte) ('0' + frac % 10);
            return p;
        }
    }
}
