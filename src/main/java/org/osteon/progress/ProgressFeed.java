package org.osteon.progress;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * What one event stream still has to send: the days and program dates that changed, each once
 * however often it changed meanwhile, oldest first. The stream sends one a second and reads the
 * item's current state as it sends it, so a day scored ten times in a second is sent once, with
 * its latest numbers. Thread-safe: changes arrive on the listener's thread, sends on a worker.
 *
 * <p>Bounded by the patient's distinct changed dates (a day or program date each), which a
 * stream drains at one a second.
 */
final class ProgressFeed {
    /** A changed item: {@code kind} day or program, on {@code date}. */
    record Item(String kind, LocalDate date) {}

    private final LinkedHashSet<Item> pending = new LinkedHashSet<>();

    synchronized void add(Item item) {
        pending.add(item);
    }

    synchronized Optional<Item> poll() {
        var it = pending.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Item next = it.next();
        it.remove();
        return Optional.of(next);
    }
}
