package org.osteon.scoring.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the project's own raw CSV: an optional header {@code time,x,y,z}, then one line per
 * sample with x, y, z in g. {@code time} is either an ISO-8601 date-time with offset
 * ({@code 2026-01-05T08:00:00.010Z}, {@code 2026-01-05T09:00:00.010+01:00}) or Unix epoch
 * milliseconds ({@code 1767600000010}).
 *
 * <p>The recording is taken to be sampled regularly, as the devices that produce this
 * format do: the start and the rate (rounded to whole Hz) come from the first
 * {@value #RATE_ROWS} timestamps, and later timestamps are not parsed, which keeps reading
 * at the speed of the number parsing. Files with gaps must be split before scoring.
 */
public final class OsteonCsvReader implements AccelerometerReader {

    /** Rows whose timestamps determine the rate: one second at 100 Hz. */
    static final int RATE_ROWS = 101;

    private final InputStream in;
    private final CsvSampleParser parser;
    private final RecordingInfo info;
    private final float[][] head = new float[3][RATE_ROWS];
    private int headCount;
    private int headPos;

    public OsteonCsvReader(Path file) throws IOException {
        in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            parser = new CsvSampleParser(in, Files.size(file));
            info = readHead(file);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private RecordingInfo readHead(Path file) throws IOException {
        int first = parser.peek();
        if (first >= 0 && Character.isLetter(first)) {
            String header = parser.readLine().replace(" ", "");
            if (!header.equalsIgnoreCase("time,x,y,z")) {
                throw new IOException(file + ": header must be 'time,x,y,z', found '" + header + "'");
            }
        }
        OffsetDateTime firstTime = null;
        long firstNanos = 0;
        long lastNanos = 0;
        while (headCount < RATE_ROWS) {
            String line = parser.readLine();
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            OffsetDateTime t = parseRow(line, file);
            long nanos = toNanos(t);
            if (firstTime == null) {
                firstTime = t;
                firstNanos = nanos;
            }
            lastNanos = nanos;
        }
        if (headCount < 2) {
            throw new IOException(file + ": at least two samples are needed to know the sample rate");
        }
        double period = (double) (lastNanos - firstNanos) / (headCount - 1);
        if (period <= 0) {
            throw new IOException(file + ": timestamps of the first rows do not increase");
        }
        int rate = (int) Math.round(1e9 / period);
        return new RecordingInfo(
                firstTime.toLocalDateTime(),
                firstTime.getOffset(),
                Math.max(rate, 1),
                file.getFileName().toString());
    }

    private OffsetDateTime parseRow(String line, Path file) throws IOException {
        String[] cells = line.split(",");
        long lineNo = parser.lineNumber();
        if (cells.length < 4) {
            throw new IOException(file + ", line " + lineNo + ": expected time,x,y,z");
        }
        try {
            for (int axis = 0; axis < 3; axis++) {
                head[axis][headCount] = Float.parseFloat(cells[axis + 1].trim());
            }
        } catch (NumberFormatException e) {
            throw new IOException(file + ", line " + lineNo + ": x, y and z must be numbers in g");
        }
        headCount++;
        return parseTime(cells[0].trim(), file, lineNo);
    }

    static OffsetDateTime parseTime(String text, Path file, long lineNo) throws IOException {
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IOException(file + ", line " + lineNo + ": time '" + text
                    + "' is neither an ISO-8601 date-time with offset nor epoch milliseconds");
        }
    }

    private static long toNanos(OffsetDateTime t) {
        Instant i = t.toInstant();
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
    }

    @Override
    public RecordingInfo info() {
        return info;
    }

    @Override
    public int read(float[] x, float[] y, float[] z, int off, int len) throws IOException {
        if (headPos < headCount) {
            int n = Math.min(len, headCount - headPos);
            System.arraycopy(head[0], headPos, x, off, n);
            System.arraycopy(head[1], headPos, y, off, n);
            System.arraycopy(head[2], headPos, z, off, n);
            headPos += n;
            return n;
        }
        return parser.readSamples(x, y, z, off, len, 1);
    }

    @Override
    public double progress() {
        return parser.progress();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
