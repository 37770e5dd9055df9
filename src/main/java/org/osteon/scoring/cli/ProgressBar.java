package org.osteon.scoring.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr that appears only once a run has lasted a second, so
 * short files and tests print nothing, and redraws only when the shown percentage changes.
 */
final class ProgressBar {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 40;

    private final PrintStream err;
    private final String label;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private int shownPercent = -1;

    ProgressBar(PrintStream err, String label) {
        this(err, label, System::nanoTime);
    }

    /** With an injected clock, so that tests need not wait a second. */
    ProgressBar(PrintStream err, String label, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    void update(double fraction) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (percent == shownPercent || nanoTime.getAsLong() - startNanos < SHOW_AFTER_NANOS) {
            return;
        }
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
        shownPercent = percent;
    }

    /** Ends the bar's line if one was drawn. */
    void finish() {
        if (shownPercent >= 0) {
            update(1);
            err.println();
        }
    }
}
