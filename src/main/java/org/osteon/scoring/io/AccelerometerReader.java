package org.osteon.scoring.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A pull-based stream of tri-axial acceleration in g, read in chunks into caller-owned
 * arrays so that a week-long file never becomes per-sample objects.
 */
public interface AccelerometerReader extends Closeable {

    /** Start, rate and device of the recording; known as soon as the reader is open. */
    RecordingInfo info();

    /**
     * Reads up to {@code len} samples into {@code x[off..]}, {@code y[off..]}, {@code z[off..]}.
     *
     * @return the number of samples read, or -1 at the end of the recording
     * @throws IOException on a read error or malformed input, naming the place in the file
     */
    int read(float[] x, float[] y, float[] z, int off, int len) throws IOException;

    /** Fraction of the input consumed so far, 0 to 1, for progress reporting. */
    double progress();

    /** The formats a reader exists for, by the name an API or a command line gives them. */
    enum Format {
        /** ActiGraph's {@code .gt3x} (a zip with {@code info.txt} and {@code log.bin}). */
        GT3X("gt3x"),
        /** ActiLife's raw CSV export, with its banner. */
        ACTILIFE_CSV("actilife_csv"),
        /** The project's {@code time,x,y,z} CSV. */
        OSTEON_CSV("osteon_csv");

        private final String apiName;

        Format(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        /** The format of that name, or null. */
        public static Format fromApiName(String name) {
            for (Format f : values()) {
                if (f.apiName.equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * Opens {@code file} with the reader its content calls for: {@code .gt3x} as an
     * ActiGraph recording, a CSV starting with ActiLife's banner as an ActiLife raw export,
     * any other CSV as the project's {@code time,x,y,z} format.
     */
    static AccelerometerReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gt3x")) {
            return open(file, Format.GT3X);
        }
        return open(file, ActiLifeCsvReader.looksLikeActiLife(file) ? Format.ACTILIFE_CSV : Format.OSTEON_CSV);
    }

    /**
     * Opens {@code file} as the stated format whatever its name (an upload's temporary file has
     * none to go by). A file that is not of that format fails here or at its first read, as it
     * would under {@link #open(Path)}.
     */
    static AccelerometerReader open(Path file, Format format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        return switch (format) {
            case GT3X -> new Gt3xReader(file);
            case ACTILIFE_CSV -> {
                if (!ActiLifeCsvReader.looksLikeActiLife(file)) {
                    throw new IOException(file + " is not an ActiLife raw CSV export: it has no ActiLife banner");
                }
                yield new ActiLifeCsvReader(file);
            }
            case OSTEON_CSV -> new OsteonCsvReader(file);
        };
    }
}
