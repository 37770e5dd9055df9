package org.osteon.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The only buffer between the broker and the database, bounded by messages and by bytes.
 * When it is full, {@link #put} blocks the MQTT receive thread, the socket stops being read,
 * and the broker keeps the backlog: that is the back-pressure, and these two bounds are what
 * bound ingest memory (the broker's own in-flight limit is not relied on).
 */
final class IntakeQueue {
    private final int maxItems;
    private final long maxBytes;
    private final ArrayDeque<Inbound> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private long bytes;

    IntakeQueue(int maxItems, long maxBytes) {
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    /**
     * Waits for room, then enqueues. A message larger than the byte bound still enters an empty
     * queue, so that no single batch can stall intake for ever.
     *
     * @return false if {@code abandon} turned true while waiting (the message stays unacknowledged)
     */
    boolean put(Inbound item, BooleanSupplier abandon) throws InterruptedException {
        long w = item.weight();
        lock.lock();
        try {
            while (!items.isEmpty() && (items.size() >= maxItems || bytes + w > maxBytes)) {
                if (abandon.getAsBoolean()) {
                    return false;
                }
                notFull.await(100, TimeUnit.MILLISECONDS);
            }
            items.addLast(item);
            bytes += w;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes what is there, waiting up to {@code firstWait} for a first message and then up to
     * {@code linger} for more, until {@code maxTake} messages or {@code maxTakeBytes} bytes.
     */
    List<Inbound> take(int maxTake, long maxTakeBytes, long firstWaitNanos, long lingerNanos)
            throws InterruptedException {
        List<Inbound> out = new ArrayList<>();
        long taken = 0;
        lock.lock();
        try {
            long wait = firstWaitNanos;
            while (items.isEmpty() && wait > 0) {
                wait = notEmpty.awaitNanos(wait);
            }
            long deadline = System.nanoTime() + lingerNanos;
            while (out.size() < maxTake) {
                Inbound head = items.peekFirst();
                if (head == null) {
                    long left = deadline - System.nanoTime();
                    if (out.isEmpty() || left <= 0) {
                        break;
                    }
                    notEmpty.awaitNanos(left);
                    continue;
                }
                if (!out.isEmpty() && taken + head.weight() > maxTakeBytes) {
                    break;
                }
                items.pollFirst();
                taken += head.weight();
                bytes -= head.weight();
                out.add(head);
            }
            if (!out.isEmpty()) {
                notFull.signalAll();
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
