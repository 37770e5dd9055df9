package org.osteon.scoring.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong();
    private final ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), "x", now::get);

    @Test
    void staysSilentDuringTheFirstSecond() {
        bar.update(0.5);
        now.set(999_000_000L);
        bar.update(0.9);
        bar.finish();

        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void drawsOnlyWhenThePercentageChangesAndEndsItsLine() {
        now.set(1_000_000_000L);
        bar.update(0.25);
        bar.update(0.251);
        bar.finish();

        String bar25 = "\rx [" + "#".repeat(10) + " ".repeat(30) + "] 25%";
        String bar100 = "\rx [" + "#".repeat(40) + "] 100%";
        assertEquals(bar25 + bar100 + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    }
}
