package org.osteon.scoring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsteonCsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void isoTimestampsGiveStartOffsetAndRate() throws IOException {
        float[][] samples = randomSamples(1234);
        Instant t0 = Instant.parse("2026-01-05T07:00:00Z");
        List<String> lines = new ArrayList<>(List.of("time,x,y,z"));
        for (int i = 0; i < samples[0].length; i++) {
            String t = t0.plusMillis(i * 20L).atOffset(ZoneOffset.ofHours(1)).toString();
            lines.add(t + "," + samples[0][i] + "," + samples[1][i] + "," + samples[2][i]);
        }
        Path file = dir.resolve("iso.csv");
        Files.write(file, lines);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            assertTrue(reader instanceof OsteonCsvReader);
            assertEquals(LocalDateTime.of(2026, 1, 5, 8, 0), reader.info().start());
            assertEquals(ZoneOffset.ofHours(1), reader.info().offset());
            assertEquals(50, reader.info().sampleRateHz());
            ActiLifeCsvReaderTest.assertSamples(samples, ActiLifeCsvReaderTest.readAll(reader, 77));
        }
    }

    @Test
    void epochMillisecondsWithoutHeaderAreReadAsUtc() throws IOException {
        float[][] samples = randomSamples(500);
        List<String> lines = new ArrayList<>();
        long t0 = 1_767_600_000_000L;
        for (int i = 0; i < samples[0].length; i++) {
            lines.add((t0 + i * 10L) + "," + samples[0][i] + "," + samples[1][i] + "," + samples[2][i]);
        }
        Path file = dir.resolve("millis.csv");
        Files.write(file, lines);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            assertEquals(
                    LocalDateTime.ofEpochSecond(t0 / 1000, 0, ZoneOffset.UTC),
                    reader.info().start());
            assertEquals(ZoneOffset.UTC, reader.info().offset());
            assertEquals(100, reader.info().sampleRateHz());
            ActiLifeCsvReaderTest.assertSamples(samples, ActiLifeCsvReaderTest.readAll(reader, 4096));
        }
    }

    @Test
    void unreadableTimeIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("badtime.csv");
        Files.write(file, List.of("time,x,y,z", "2026-01-05T08:00:00Z,0,0,1", "yesterday,0,0,1"));

        IOException e = assertThrows(IOException.class, () -> AccelerometerReader.open(file));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
    }

    @Test
    void wrongHeaderIsRejected() throws IOException {
        Path file = dir.resolve("header.csv");
        Files.write(file, List.of("t,ax,ay,az", "1767600000000,0,0,1", "1767600000010,0,0,1"));

        IOException e = assertThrows(IOException.class, () -> AccelerometerReader.open(file));
        assertTrue(e.getMessage().contains("time,x,y,z"), e.getMessage());
    }

    @Test
    void parsesExponentsAndSignsLikeFloatParseFloat() throws IOException {
        String[] values = {"-0.004", "+1.25", "1e-3", "-2.5E1", "0", "7.", "-0.0", "123456789.123456789"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            lines.add((1_767_600_000_000L + i * 10) + "," + values[i] + "," + values[values.length - 1 - i] + ",1");
        }
        Path file = dir.resolve("numbers.csv");
        Files.write(file, lines);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            float[][] read = ActiLifeCsvReaderTest.readAll(reader, 3);
            for (int i = 0; i < values.length; i++) {
                assertEquals(Float.parseFloat(values[i]), read[0][i], values[i]);
                assertEquals(Float.parseFloat(values[values.length - 1 - i]), read[1][i]);
            }
        }
    }

    private static float[][] randomSamples(int n) {
        Random random = new Random(n);
        float[][] s = new float[3][n];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < n; i++) {
                s[a][i] = Math.round(random.nextGaussian() * 2000) / 1000f;
            }
        }
        return s;
    }
}
