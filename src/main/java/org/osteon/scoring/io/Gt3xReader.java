package org.osteon.scoring.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads an ActiGraph {@code .gt3x} file (a zip holding {@code info.txt} and
 * {@code log.bin}; format published at github.com/actigraph/GT3X-File-Format) as a regular
 * stream of samples.
 *
 * <p>{@code info.txt} gives the sample rate, the acceleration scale (default 256 for
 * devices whose serial starts with MOS or TAS, 341 otherwise, as the format describes),
 * the UTC offset and the last sample time (.NET ticks, exclusive). Each activity record
 * holds one second. Seconds missing from the log (the device's idle-sleep mode writes
 * nothing while still) and records with fewer samples than the rate are filled by repeating
 * the last sample, which is how ActiLife fills idle sleep; records that go back in time are
 * skipped. The recording starts at the first activity record's second.
 */
public final class Gt3xReader implements AccelerometerReader {

    /** .NET ticks (100 ns since 0001-01-01) at 1970-01-01. */
    private static final long TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000L;

    private final ZipFile zip;
    private final Gt3xLog log;
    private final long logSize;
    private final RecordingInfo info;
    private final int rate;
    private final long endSecond;
    private boolean pending;
    private long nextSecond;
    private int recordPos;
    private long fill;
    private float lastX;
    private float lastY;
    private float lastZ;

    public Gt3xReader(Path file) throws IOException {
        zip = new ZipFile(file.toFile());
        try {
            ZipEntry logEntry = entry(file, "log.bin");
            Map<String, String> infoTxt = readInfo(file, entry(file, "info.txt"));
            rate = intValue(infoTxt, "Sample Rate", file);
            String serial = infoTxt.getOrDefault("Serial Number", "ActiGraph");
            double scale = infoTxt.containsKey("Acceleration Scale")
                    ? Double.parseDouble(infoTxt.get("Acceleration Scale"))
                    : serial.startsWith("MOS") || serial.startsWith("TAS") ? 256 : 341;
            long lastTicks =
                    Long.parseLong(infoTxt.getOrDefault("Last Sample Time", infoTxt.getOrDefault("Stop Date", "0")));
            endSecond = lastTicks > 0 ? (lastTicks - TICKS_AT_UNIX_EPOCH) / 10_000_000L : Long.MAX_VALUE;
            logSize = logEntry.getSize();
            log = new Gt3xLog(new BufferedInputStream(zip.getInputStream(logEntry), 1 << 16), scale, rate);
            pending = log.next() && log.timestamp() < endSecond;
            long startSecond = pending ? log.timestamp() : startFromInfo(infoTxt, file);
            nextSecond = startSecond + 1;
            info = new RecordingInfo(
                    LocalDateTime.ofEpochSecond(startSecond, 0, ZoneOffset.UTC),
                    offset(infoTxt.get("TimeZone")),
                    rate,
                    serial);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private ZipEntry entry(Path file, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException(file + " is not a .gt3x recording: it has no " + name);
        }
        return e;
    }

    private Map<String, String> readInfo(Path file, ZipEntry entry) throws IOException {
        Map<String, String> values = new HashMap<>();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    values.put(
                            line.substring(0, colon).trim(),
                            line.substring(colon + 1).trim());
                }
            }
        }
        return values;
    }

    private static int intValue(Map<String, String> info, String key, Path file) throws IOException {
        try {
            return Integer.parseInt(info.get(key));
        } catch (NumberFormatException e) {
            throw new IOException(file + ": info.txt has no valid '" + key + "'");
        }
    }

    private static long startFromInfo(Map<String, String> info, Path file) throws IOException {
        try {
            return (Long.parseLong(info.get("Start Date")) - TICKS_AT_UNIX_EPOCH) / 10_000_000L;
        } catch (NumberFormatException e) {
            throw new IOException(file + ": info.txt has no valid 'Start Date'");
        }
    }

    /** Parses info.txt's "TimeZone: -05:00:00"; null when absent. */
    static ZoneOffset offset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        int sign = t.startsWith("-") ? -1 : 1;
        String[] parts = t.replaceFirst("^[+-]", "").split(":");
        int hours = Integer.parseInt(parts[0]);
        int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    @Override
    public RecordingInfo info() {
        return info;
    }

    @Override
    public int read(float[] x, float[] y, float[] z, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            if (fill > 0) {
                int k = (int) Math.min(fill, len - n);
                Arrays.fill(x, off + n, off + n + k, lastX);
                Arrays.fill(y, off + n, off + n + k, lastY);
                Arrays.fill(z, off + n, off + n + k, lastZ);
                fill -= k;
                n += k;
            } else if (pending) {
                int k = Math.min(log.count() - recordPos, len - n);
                System.arraycopy(log.x, recordPos, x, off + n, k);
                System.arraycopy(log.y, recordPos, y, off + n, k);
                System.arraycopy(log.z, recordPos, z, off + n, k);
                recordPos += k;
                n += k;
                if (recordPos == log.count()) {
                    finishRecord();
                }
            } else if (!loadNext()) {
                break;
            }
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    /** Remembers the record's last sample and pads a short record to a full second with it. */
    private void finishRecord() {
        int count = log.count();
        if (count > 0) {
            lastX = log.x[count - 1];
            lastY = log.y[count - 1];
            lastZ = log.z[count - 1];
        }
        fill = rate - count;
        pending = false;
    }

    /** Moves to the next record at or after the expected second, queueing fill for skipped seconds. */
    private boolean loadNext() throws IOException {
        do {
            if (!log.next() || log.timestamp() >= endSecond) {
                return false;
            }
        } while (log.timestamp() < nextSecond);
        fill = (log.timestamp() - nextSecond) * rate;
        nextSecond = log.timestamp() + 1;
        recordPos = 0;
        pending = true;
        return true;
    }

    @Override
    public double progress() {
        return logSize <= 0 ? 0 : Math.min(1.0, (double) log.offset() / logSize);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
