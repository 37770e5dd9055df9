package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Completions of groups committed in any order run in arrival order, within the bound. */
class GroupOrderTest {
    @Test
    void groupsCommittedOutOfOrderCompleteInArrivalOrder() throws Exception {
        GroupOrder order = new GroupOrder(4);
        List<Long> ran = new CopyOnWriteArrayList<>();
        for (long n : new long[] {2, 1, 3, 0}) {
            order.offer(n, () -> ran.add(n));
        }
        for (int i = 0; i < 4; i++) {
            order.take().run();
        }
        assertThat(ran).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void aWriterRunningAheadWaitsForRoomButTheNextGroupIsAlwaysTaken() throws Exception {
        GroupOrder order = new GroupOrder(2);
        order.offer(1, () -> {});
        order.offer(2, () -> {});
        AtomicBoolean thirdIn = new AtomicBoolean();
        Thread ahead = new Thread(() -> {
            try {
                order.offer(3, () -> {});
                thirdIn.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ahead.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> ahead.getState() == Thread.State.WAITING);
        assertThat(thirdIn).isFalse();
        assertThat(order.waiting()).isEqualTo(2);

        // Group 0 is the next one: it enters although the bound is reached.
        order.offer(0, () -> {});
        assertThat(order.waiting()).isEqualTo(3);
        order.take();
        order.take();
        await().atMost(Duration.ofSeconds(5)).untilTrue(thirdIn);
        ahead.join(5_000);
    }

    @Test
    void drainingRunsWhatIsReadyInOrderAndStopsAtAGroupNeverCommitted() throws Exception {
        GroupOrder order = new GroupOrder(4);
        List<Long> ran = new CopyOnWriteArrayList<>();
        order.offer(0, () -> ran.add(0L));
        order.offer(2, () -> ran.add(2L));
        order.drain();
        Runnable r;
        while ((r = order.take()) != null) {
            r.run();
        }
        // Group 1 never committed: group 2's messages stay unacknowledged and are re-delivered.
        assertThat(ran).containsExactly(0L);
    }
}
