package org.osteon.scoring.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ActiLife's raw CSV export ("Data File Created By ActiGraph …"): a 10-line header
 * block giving the sample rate ("at 90 Hz"), the date format, "Start Time" and "Start
 * Date", then an optional column header and one line per sample with X, Y, Z in g,
 * optionally preceded by a timestamp column. The start is local clock time; ActiLife does
 * not record the UTC offset in this file, so {@link RecordingInfo#offset()} is null.
 */
public final class ActiLifeCsvReader implements AccelerometerReader {

    private static final String BANNER = "------------ Data File Created By ActiGraph";
    private static final Pattern RATE = Pattern.compile("at (\\d+) Hz");
    private static final Pattern DATE_FORMAT = Pattern.compile("date format (\\S+)");
    private static final int HEADER_LINES = 10;

    private final InputStream in;
    private final CsvSampleParser parser;
    private final RecordingInfo info;
    private final int skipFields;

    public ActiLifeCsvReader(Path file) throws IOException {
        in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            parser = new CsvSampleParser(in, Files.size(file));
            info = parseHeader(file);
            skipFields = columnsBeforeX();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** True when the file starts with ActiLife's data-file banner. */
    static boolean looksLikeActiLife(Path file) throws IOException {
        byte[] head = new byte[BANNER.length()];
        try (InputStream s = Files.newInputStream(file)) {
            int n = s.readNBytes(head, 0, head.length);
            return n == head.length && new String(head, StandardCharsets.US_ASCII).equals(BANNER);
        }
    }

    private RecordingInfo parseHeader(Path file) throws IOException {
        String banner = parser.readLine();
        if (banner == null || !banner.startsWith(BANNER)) {
            throw new IOException(
                    file + " is not an ActiLife raw CSV export: first line must start with '" + BANNER + "'");
        }
        int rate = Integer.parseInt(find(RATE, banner, "sample rate ('at N Hz')", file));
        DateTimeFormatter dateFormat =
                DateTimeFormatter.ofPattern(find(DATE_FORMAT, banner, "date format", file), Locale.ROOT);
        String serial = "ActiGraph";
        String startTime = null;
        String startDate = null;
        for (int i = 1; i < HEADER_LINES; i++) {
            String line = parser.readLine();
            if (line == null) {
                throw new IOException(file + ": header ends after " + i + " of " + HEADER_LINES + " lines");
            }
            if (line.startsWith("Serial Number:")) {
                serial = line.substring("Serial Number:".length()).trim();
            } else if (line.startsWith("Start Time")) {
                startTime = line.substring("Start Time".length()).trim();
            } else if (line.startsWith("Start Date")) {
                startDate = line.substring("Start Date".length()).trim();
            }
        }
        if (startTime == null || startDate == null) {
            throw new IOException(file + ": header lacks 'Start Time' or 'Start Date'");
        }
        try {
            LocalDateTime start = LocalDateTime.of(LocalDate.parse(startDate, dateFormat), LocalTime.parse(startTime));
            return new RecordingInfo(start, null, rate, serial);
        } catch (DateTimeParseException e) {
            throw new IOException(
                    file + ": cannot read start '" + startDate + " " + startTime + "': " + e.getMessage());
        }
    }

    private static String find(Pattern pattern, String text, String what, Path file) throws IOException {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IOException(file + ": the first header line gives no " + what);
        }
        return m.group(1);
    }

    /**
     * Consumes the column header if there is one and returns how many columns precede
     * "Accelerometer X"; without a header, a line of four fields is taken to start with a
     * timestamp, as ActiLife writes them.
     */
    private int columnsBeforeX() throws IOException {
        int first = parser.peek();
        if (first >= 0 && Character.isLetter(first)) {
            String[] columns = parser.readLine().split(",");
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].trim().equalsIgnoreCase("Accelerometer X")) {
                    return i;
                }
            }
            throw new IOException("line " + parser.lineNumber() + ": no 'Accelerometer X' column in the header");
        }
        int fields = parser.fieldsInNextLine();
        if (fields == 3 || fields == 4) {
            return fields - 3;
        }
        throw new IOException("line " + (parser.lineNumber() + 1) + ": expected X,Y,Z or Timestamp,X,Y,Z, found "
                + fields + " fields");
    }

    @Override
    public RecordingInfo info() {
        return info;
    }

    @Override
    public int read(float[] x, float[] y, float[] z, int off, int len) throws IOException {
        return parser.readSamples(x, y, z, off, len, skipFields);
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
