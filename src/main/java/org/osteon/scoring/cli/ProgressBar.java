package org.osteon.scoring.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr that appears only once a run has lasted a second, so
 * short files and tests print nothing, and redraws only when the shown percentage changes.
 */
final class ProgressBar {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final int WIDTH = 40;

    private final PrintStream err;
    private final String label;
    private final long startNanos = System.nanoTime();
    private int shownPercent = -1;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(double fraction) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
        if (percent == shownPercent || System.nanoTime() - startNanos < SHOW_AFTER_NANOS) {
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
