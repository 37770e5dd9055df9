package org.osteon.common;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs a task for a key soon after it is requested, once however many requests arrive while it
 * waits, and no sooner than {@code interval} after the task last ran for that key; always after
 * the latest request, so the last change is never left out. On a thread of its own: whoever
 * requests never waits. For work that follows a patient's day being scored, which a live stream
 * requests every second.
 */
public final class Coalescing<K> implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Coalescing.class);

    private final long intervalNanos;
    private final Consumer<K> task;
    private final Set<K> queued = ConcurrentHashMap.newKeySet();
    /**
     * When the task last started for each key (nanoTime), kept for one interval: keys that went
     * quiet leave, so the map holds only the keys of the last interval.
     */
    private final Map<K, Long> lastRun = new ConcurrentHashMap<>();

    private final ScheduledExecutorService executor;

    public Coalescing(String threadName, Duration interval, Consumer<K> task) {
        this.intervalNanos = interval.toNanos();
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for the task to run for {@code key}; a request while one is waiting is merged into it. */
    public void request(K key) {
        if (!queued.add(key)) {
            return;
        }
        Long last = lastRun.get(key);
        long wait = last == null ? 0 : Math.max(0, last + intervalNanos - System.nanoTime());
        executor.schedule(() -> run(key), wait, TimeUnit.NANOSECONDS);
    }

    private void run(K key) {
        queued.remove(key);
        Long started = System.nanoTime();
        lastRun.put(key, started);
        executor.schedule(() -> lastRun.remove(key, started), intervalNanos, TimeUnit.NANOSECONDS);
        try {
            task.accept(key);
        } catch (RuntimeException e) {
            LOG.warnf(e, "A coalesced task for %s failed", key);
        }
    }

    /** Keys whose last run was less than an interval ago, or that wait to run. */
    int keysHeld() {
        Set<K> held = new HashSet<>(lastRun.keySet());
        held.addAll(queued);
        return held.size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
