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
            return new Gt3xReader(file);
        }
        if (ActiLifeCsvReader.looksLikeActiLife(file)) {
            return new ActiLifeCsvReader(file);
        }
        return new OsteonCsvReader(file);
    }
}
