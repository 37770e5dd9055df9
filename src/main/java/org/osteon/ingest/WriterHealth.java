package org.osteon.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether the ingest writer is making progress, for readiness and metrics. The writer is stalled
 * while the transaction it is trying has kept failing for longer than a threshold (the database is
 * gone, or refuses what any message would need), or after its thread ended: in both cases no
 * device's batch is stored or acknowledged, whatever the broker connection says.
 */
final class WriterHealth {
    private final LongSupplier nanoTime;
    private final long stallAfterNanos;
    /** When the current run of failures began; 0 while the last attempt succeeded. */
    private volatile long failingSince;

    private volatile boolean ended;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();

    WriterHealth(long stallAfterNanos, LongSupplier nanoTime) {
        this.stallAfterNanos = stallAfterNanos;
        this.nanoTime = nanoTime;
    }

    void progressed() {
        failingSince = 0;
    }

    void failed() {
        failures.incrementAndGet();
        if (failingSince == 0) {
            // 0 means "not failing"; a clock that reads exactly 0 is taken as 1 ns later.
            failingSince = Math.max(1, nanoTime.getAsLong());
        }
    }

    void setAside() {
        setAside.incrementAndGet();
    }

    void ended() {
        ended = true;
    }

    boolean stalled() {
        long since = failingSince;
        return ended || (since != 0 && nanoTime.getAsLong() - since >= stallAfterNanos);
    }

    /** Failed write attempts so far (each retry and each narrowing step counts). */
    long failures() {
        return failures.get();
    }

    /** Messages refused because they could not be stored. */
    long setAsideCount() {
        return setAside.get();
    }
}
