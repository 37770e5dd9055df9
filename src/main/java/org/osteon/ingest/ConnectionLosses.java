package org.osteon.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * When a connection was lost, recently and in all. A link that keeps losing its connection is up
 * most of the time but receives little: a message that kills Paho's receive thread comes back with
 * every reconnect, and a single look at "connected" misses it. Keeps at most the last 100 losses.
 */
final class ConnectionLosses {
    private final LongSupplier nanoTime;
    private final Deque<Long> recent = new ArrayDeque<>();
    private final AtomicLong total = new AtomicLong();

    ConnectionLosses(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void lost() {
        total.incrementAndGet();
        synchronized (recent) {
            recent.addLast(nanoTime.getAsLong());
            if (recent.size() > 100) {
                recent.removeFirst();
            }
        }
    }

    long total() {
        return total.get();
    }

    int within(Duration window) {
        long since = nanoTime.getAsLong() - window.toNanos();
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst() - since < 0) {
                recent.removeFirst();
            }
            return recent.size();
        }
    }
}
