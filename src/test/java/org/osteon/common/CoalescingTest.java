package org.osteon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescingTest {
    record Run(String key, long atNanos) {}

    @Test
    void requestsWhileOneWaitsRunOnceNoSoonerThanTheIntervalAndAfterTheLast() {
        Duration interval = Duration.ofMillis(300);
        List<Run> runs = Collections.synchronizedList(new ArrayList<>());
        try (Coalescing<String> c =
                new Coalescing<>("coalescing-test", interval, k -> runs.add(new Run(k, System.nanoTime())))) {
            c.request("a");
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 1);
            for (int i = 0; i < 10; i++) {
                c.request("a");
            }
            c.request("b");
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 3);
            // Another key does not wait for the first; the ten requests of the first ran once, an
            // interval after its previous run, and after the last of them.
            assertThat(runs).extracting(Run::key).containsExactly("a", "b", "a");
            // (timed inside the task, a moment after Coalescing notes the start it waits from)
            assertThat(runs.get(2).atNanos() - runs.get(0).atNanos())
                    .isGreaterThanOrEqualTo(interval.minusMillis(10).toNanos());

            // Keys that went quiet are forgotten: the memory follows the keys of the last interval.
            await().atMost(Duration.ofSeconds(5)).until(() -> c.keysHeld() == 0);
            long asked = System.nanoTime();
            c.request("a");
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.size() == 4);
            assertThat(runs.get(3).atNanos() - asked).isLessThan(interval.toNanos());
        }
    }
}
