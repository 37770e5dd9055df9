package org.osteon.scoring.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.scoring.EvalData;

class Gt3xReaderTest {

    private static final long TICKS_2020 = 637_134_336_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void decodesActivity2ExactlyAsTheReferenceDecoding() throws IOException {
        Path file = EvalData.copyTo("bhelsel-agcounts/example.gt3x", dir);
        float[][] expected = EvalData.floatColumns("bhelsel-agcounts/example_raw_100Hz_DERIVED.csv", 1, 1, 2, 3);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            assertTrue(reader instanceof Gt3xReader);
            assertEquals(LocalDateTime.of(2023, 6, 13, 8, 34, 0), reader.info().start());
            assertEquals(ZoneOffset.ofHours(-5), reader.info().offset());
            assertEquals(100, reader.info().sampleRateHz());
            assertEquals("TAS1H52220588", reader.info().device());
            assertEquals(18_000, expected[0].length);
            ActiLifeCsvReaderTest.assertSamples(expected, ActiLifeCsvReaderTest.readAll(reader, 333));
        }
    }

    @Test
    void agreadRecordingEqualsActiLifeRawExportRoundedToThreeDecimals() throws IOException {
        Path file = EvalData.copyTo("agread/example.gt3x", dir);
        float[][] export = EvalData.floatColumns("agread/exampleRAW.csv", 11, 0, 1, 2);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            assertEquals(90, reader.info().sampleRateHz());
            assertEquals(LocalDateTime.of(2019, 2, 14, 8, 58, 0), reader.info().start());
            float[][] decoded = ActiLifeCsvReaderTest.readAll(reader, 4096);
            for (int a = 0; a < 3; a++) {
                assertEquals(16_200, decoded[a].length);
                float[] rounded = new float[decoded[a].length];
                for (int i = 0; i < rounded.length; i++) {
                    rounded[i] = BigDecimal.valueOf(decoded[a][i])
                            .setScale(3, RoundingMode.HALF_UP)
                            .floatValue();
                }
                assertArrayEquals(export[a], rounded);
            }
        }
    }

    @Test
    void decodesPackedActivityRecordsAsInThePublishedExample() throws IOException {
        byte[] packed = hex("00 60 08 EB D0 07 00 9E BF 00 70 08 EB F0");
        Path file = gt3x("NEO1A", 3, 341.0, record(0x00, 1_577_836_800L, packed));

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            float[][] s = ActiLifeCsvReaderTest.readAll(reader, 10);
            assertArrayEquals(new float[] {8 / 341f, 9 / 341f, 8 / 341f}, s[0]);
            assertArrayEquals(new float[] {6 / 341f, 7 / 341f, 7 / 341f}, s[1]);
            assertArrayEquals(new float[] {-323 / 341f, -321 / 341f, -321 / 341f}, s[2]);
        }
    }

    @Test
    void missingSecondsRepeatTheLastSampleAndUsbRecordsAreIgnored() throws IOException {
        long t = 1_577_836_800L;
        Path file = gt3x(
                "TAS1",
                2,
                256.0,
                record(0x1A, t, int16s(256, 0, 0, 512, 0, -256)),
                record(0x1A, t + 1, new byte[] {1}),
                new byte[] {0, 0, 0},
                record(0x1A, t + 3, int16s(128, 128, 128, 64, 64, 64)));

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            float[][] s = ActiLifeCsvReaderTest.readAll(reader, 3);
            assertArrayEquals(new float[] {1, 2, 2, 2, 2, 2, 0.5f, 0.25f}, s[0]);
            assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0, 0.5f, 0.25f}, s[1]);
            assertArrayEquals(new float[] {0, -1, -1, -1, -1, -1, 0.5f, 0.25f}, s[2]);
        }
    }

    @Test
    void corruptRecordIsReportedWithItsOffset() throws IOException {
        byte[] bad = record(0x1A, 1_577_836_800L, int16s(1, 2, 3));
        bad[9] ^= 0x40;
        Path file = gt3x("TAS1", 1, 256.0, record(0x1A, 1_577_836_799L, int16s(0, 0, 256)), bad);

        try (AccelerometerReader reader = AccelerometerReader.open(file)) {
            IOException e = assertThrows(IOException.class, () -> ActiLifeCsvReaderTest.readAll(reader, 10));
            assertTrue(e.getMessage().contains("byte 15"), e.getMessage());
        }
    }

    @Test
    void fileWithoutLogIsRejected() throws IOException {
        Path file = dir.resolve("empty.gt3x");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("info.txt"));
            zip.write("Sample Rate: 30\n".getBytes(StandardCharsets.US_ASCII));
        }
        IOException e = assertThrows(IOException.class, () -> AccelerometerReader.open(file));
        assertTrue(e.getMessage().contains("log.bin"), e.getMessage());
    }

    private Path gt3x(String serial, int rate, double scale, byte[]... records) throws IOException {
        Path file = dir.resolve(serial + ".gt3x");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("info.txt"));
            String info = "Serial Number: " + serial + "\nSample Rate: " + rate + "\nStart Date: " + TICKS_2020
                    + "\nTimeZone: 01:00:00\nAcceleration Scale: " + scale + "\n";
            zip.write(info.getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("log.bin"));
            for (byte[] r : records) {
                zip.write(r);
            }
        }
        return file;
    }

    private static byte[] record(int type, long timestamp, byte[] payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x1E);
        out.write(type);
        writeLe(out, timestamp, 4);
        writeLe(out, payload.length, 2);
        out.write(payload);
        int sum = 0;
        for (byte b : out.toByteArray()) {
            sum ^= b;
        }
        out.write(~sum & 0xFF);
        return out.toByteArray();
    }

    private static void writeLe(OutputStream out, long value, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)) & 0xFF);
        }
    }

    private static byte[] int16s(int... values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : values) {
            writeLe(out, v, 2);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String text) {
        String[] parts = text.split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }
}
