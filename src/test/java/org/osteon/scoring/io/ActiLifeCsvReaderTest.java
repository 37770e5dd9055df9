package org.osteon.scoring.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.scoring.EvalData;

class ActiLifeCsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsHeaderAndEverySampleOfTheAgreadExport() throws IOException {
        Path file = EvalData.copyTo("agread/exampleRAW.csv", dir);
        float[][] expected = EvalData.floatColumns("agread/exampleRAW.csv", 11, 0, 1, 2);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            assertTrue(reader instanceof ActiLifeCsvReader);
            RecordingInfo info = reader.info();
            assertEquals(LocalDateTime.of(2019, 2, 14, 8, 58, 0), info.start());
            assertEquals(90, info.sampleRateHz());
            assertNull(info.offset());
            assertEquals("TAS1E31150129", info.device());
            assertSamples(expected, readAll(reader, 997));
            assertEquals(1.0, reader.progress(), 1e-9);
        }
    }

    @Test
    void skipsATimestampColumnAndAcceptsCrLfLineEnds() throws IOException {
        List<String> lines = EvalData.lines("agread/exampleRAW.csv");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            text.append(lines.get(i)).append("\r\n");
        }
        text.append("Timestamp,Accelerometer X,Accelerometer Y,Accelerometer Z\r\n");
        for (int i = 11; i < lines.size(); i++) {
            text.append("2/14/2019 08:58:00.000,").append(lines.get(i)).append("\r\n");
        }
        Path file = dir.resolve("stamped.csv");
        Files.writeString(file, text, StandardCharsets.US_ASCII);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            assertEquals(90, reader.info().sampleRateHz());
            assertSamples(EvalData.floatColumns("agread/exampleRAW.csv", 11, 0, 1, 2), readAll(reader, 4096));
        }
    }

    @Test
    void malformedValueIsReportedWithItsLine() throws IOException {
        List<String> lines = EvalData.lines("agread/exampleRAW.csv").subList(0, 14);
        lines = new java.util.ArrayList<>(lines);
        lines.set(13, "0.035,abc,0.961");
        Path file = dir.resolve("bad.csv");
        Files.write(file, lines);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            IOException e = assertThrows(IOException.class, () -> readAll(reader, 100));
            assertTrue(e.getMessage().contains("line 14"), e.getMessage());
            assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
        }
    }

    static float[][] readAll(AccelerometerReader reader, int chunk) throws IOException {
        float[][] out = new float[3][0];
        float[] x = new float[chunk];
        float[] y = new float[chunk];
        float[] z = new float[chunk];
        int total = 0;
        for (int n = reader.read(x, y, z, 0, chunk); n >= 0; n = reader.read(x, y, z, 0, chunk)) {
            for (int a = 0; a < 3; a++) {
                out[a] = java.util.Arrays.copyOf(out[a], total + n);
            }
            System.arraycopy(x, 0, out[0], total, n);
            System.arraycopy(y, 0, out[1], total, n);
            System.arraycopy(z, 0, out[2], total, n);
            total += n;
        }
        return out;
    }

    static void assertSamples(float[][] expected, float[][] actual) {
        String[] axis = {"x", "y", "z"};
        for (int a = 0; a < 3; a++) {
            assertEquals(expected[a].length, actual[a].length, "samples on " + axis[a]);
            assertArrayEquals(expected[a], actual[a], axis[a]);
        }
    }
}
