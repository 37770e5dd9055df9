package org.osteon.scoring.cli;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.osteon.scoring.pipeline.EpochResult;

/**
 * Writes the per-epoch CSV with the fixed columns
 * {@code time,enmo_mg,mad_mg,axis1,axis2,axis3,vm,peaks,peak_max_g,intensity,nonwear,steps}.
 * {@code time} is the epoch start on the device's clock, with its UTC offset when the
 * recording states one; {@code intensity} is the class name in lower case and
 * {@code nonwear} is 1 or 0; {@code steps} are the steps whose detection falls in the epoch (last,
 * so that readers of the earlier columns by position are unaffected). Counts columns are left empty, never zero, when the sample
 * rate is one the counts method does not define.
 */
final class EpochCsvWriter implements Closeable {

    static final String HEADER = "time,enmo_mg,mad_mg,axis1,axis2,axis3,vm,peaks,peak_max_g,intensity,nonwear,steps";

    private final BufferedWriter out;
    private final ZoneOffset clock;
    private final boolean offsetKnown;
    private final boolean counts;
    private final StringBuilder row = new StringBuilder(128);

    /**
     * @param offset UTC offset of the device clock, or null when unknown (times are then
     *     local and the scorer's milliseconds were taken as if UTC)
     * @param counts whether the counts columns hold values
     */
    EpochCsvWriter(Path file, ZoneOffset offset, boolean counts) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.clock = offset == null ? ZoneOffset.UTC : offset;
        this.offsetKnown = offset != null;
        this.counts = counts;
        out.write(HEADER);
        out.write('\n');
    }

    void write(EpochResult e) throws IOException {
        row.setLength(0);
        var start = Instant.ofEpochMilli(e.epochStartMillis()).atOffset(clock);
        row.append(offsetKnown ? ISO_OFFSET_DATE_TIME.format(start) : ISO_LOCAL_DATE_TIME.format(start));
        decimal(e.enmoMg(), 3);
        decimal(e.madMg(), 3);
        if (counts) {
            row.append(',')
                    .append(e.axis1())
                    .append(',')
                    .append(e.axis2())
                    .append(',')
                    .append(e.axis3());
            decimal(e.vm(), 2);
        } else {
            row.append(",,,,");
        }
        row.append(',').append(e.peaks());
        decimal(e.peakMaxG(), 3);
        row.append(',').append(e.intensity().name().toLowerCase(Locale.ROOT));
        row.append(',').append(e.nonwear() ? 1 : 0);
        row.append(',').append(e.steps()).append('\n');
        out.append(row);
    }

    /** Appends a comma and {@code v} rounded half-up to {@code places}; nothing for NaN. */
    private void decimal(double v, int places) {
        row.append(',');
        if (Double.isNaN(v)) {
            return;
        }
        row.append(BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
