package org.osteon.ingest;

import java.util.TreeMap;

/**
 * Puts committed groups back in arrival order. Writers commit groups in parallel and may finish
 * group 7 before group 6, but MQTT wants acknowledgements in receive order: a group's completion
 * (receipts, then acknowledgements) waits here until every earlier group's has run.
 *
 * <p>Bounded: a writer offering a group that is not the next one waits while {@code maxWaiting}
 * groups are already waiting, so that a writer running ahead of a slow one holds at most a few
 * groups in memory. The next group is always taken, or the writers could wait on each other.
 */
final class GroupOrder {
    private final int maxWaiting;
    private final TreeMap<Long, Runnable> waiting = new TreeMap<>();
    private long next;
    private boolean draining;

    GroupOrder(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    /** Hands over group {@code number}'s completion; waits for room unless it is the next one. */
    synchronized void offer(long number, Runnable completion) throws InterruptedException {
        while (number != next && waiting.size() >= maxWaiting) {
            wait();
        }
        waiting.put(number, completion);
        notifyAll();
    }

    /**
     * The next group's completion, waiting for it; null once {@link #drain} was called and the next
     * group is not there (it was never committed: its messages and every later group's stay
     * unacknowledged, and the broker re-delivers them).
     */
    synchronized Runnable take() throws InterruptedException {
        while (!waiting.containsKey(next)) {
            if (draining) {
                return null;
            }
            wait();
        }
        Runnable r = waiting.remove(next++);
        notifyAll();
        return r;
    }

    /** From now on {@link #take} returns what is ready in order and then null. */
    synchronized void drain() {
        draining = true;
        notifyAll();
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
