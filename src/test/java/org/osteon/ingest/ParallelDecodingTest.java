package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.osteon.support.Batches;
import org.osteon.support.TestClock;

/** Payloads decoded on several threads reach the intake queue in the order they arrived. */
class ParallelDecodingTest {
    static final Limits LIMITS = new Limits(16 << 20, 400_000, 10_000, Duration.ofHours(24));

    @Test
    void slowAndFastDecodingsAreQueuedInArrivalOrderAndRefusalsKeepTheirPlace() throws Exception {
        IntakeQueue queue = new IntakeQueue(10_000, 1L << 30);
        AtomicBoolean closing = new AtomicBoolean();
        ParallelDecoding decoding =
                new ParallelDecoding(3, () -> new PayloadDecoder(LIMITS, TestClock.CLOCK), queue, closing::get);
        decoding.start();
        try {
            Instant start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
            List<Integer> sent = new ArrayList<>();
            for (int id = 0; id < 60; id++) {
                byte[] payload;
                if (id % 10 == 0) {
                    // Ten minutes at 100 Hz: far slower to decode than the one-second batches around it.
                    payload = Batches.accelJson(id, start.plusSeconds(id), 100, 60_000);
                } else if (id % 7 == 0) {
                    payload = "{\"seq\":".getBytes(StandardCharsets.UTF_8);
                } else {
                    payload = Batches.accelJson(id, start.plusSeconds(id), 50, 50);
                }
                assertThat(decoding.submit(
                                new DeviceTopics.Address("dev-" + (id % 4), Stream.ACCEL),
                                null,
                                id,
                                1,
                                payload,
                                System.nanoTime()))
                        .isTrue();
                sent.add(id);
            }
            List<Inbound> queued = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                queued.addAll(queue.take(1_000, Long.MAX_VALUE, 10_000_000L, 0));
                return queued.size() == sent.size();
            });
            assertThat(queued).extracting(m -> m.messageId).containsExactlyElementsOf(sent);
            for (Inbound m : queued) {
                boolean refused = m.messageId % 7 == 0 && m.messageId % 10 != 0;
                assertThat(m.decodeRejection != null)
                        .as("message %d refused", m.messageId)
                        .isEqualTo(refused);
            }
        } finally {
            closing.set(true);
            decoding.stop();
        }
    }
}
