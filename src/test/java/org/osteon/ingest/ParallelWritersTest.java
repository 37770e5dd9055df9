package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osteon.ingest.Inbound.Outcome;
import org.osteon.support.Batches;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;

/**
 * Several writers over one queue, against the real PostgreSQL: groups commit in parallel, the
 * completions come back in arrival order, and re-deliveries that land in another writer's group
 * at the same time are still duplicates, stored once and counted once.
 */
@QuarkusTest
class ParallelWritersTest {
    @Inject
    AgroalDataSource db;

    @Inject
    IngestConfig config;

    final List<IngestWriter> writers = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        writers.forEach(w -> w.stop(Duration.ofSeconds(5).toNanos()));
        for (Thread t : threads) {
            t.join(10_000);
        }
    }

    @Test
    void threeWritersCompleteInArrivalOrderAndEveryRedeliveryIsADuplicate() throws Exception {
        String a = Registry.newDevice(Registry.newPatient(), 8);
        String b = Registry.newDevice(Registry.newPatient(), 8);
        Instant start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        PayloadDecoder decoder = new PayloadDecoder(Limits.from(config), TestClock.CLOCK);
        List<Inbound> sent = new ArrayList<>();
        int id = 0;
        for (int seq = 0; seq < 60; seq++) {
            for (String device : List.of(a, b)) {
                sent.add(decode(decoder, device, id++, seq, start));
                if (seq >= 3) {
                    // A re-delivery of a batch three seconds older: in a group of its own or another's.
                    sent.add(decode(decoder, device, id++, seq - 3, start));
                }
            }
        }
        IntakeQueue queue = new IntakeQueue(10_000, 1L << 30);
        for (Inbound m : sent) {
            assertThat(queue.put(m, () -> false)).isTrue();
        }
        GroupOrder order = new GroupOrder(4);
        IngestWriter.Groups groups = new IngestWriter.Groups(queue);
        WriterHealth health = new WriterHealth(Duration.ofSeconds(10).toNanos(), System::nanoTime);
        DeviceDirectory directory = new DeviceDirectory(Duration.ofSeconds(30));
        List<Long> completedGroups = new CopyOnWriteArrayList<>();
        List<Inbound> completedMessages = new CopyOnWriteArrayList<>();
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        IngestWriter.Completion completion = (group, messages, out, nanos) -> {
            try {
                order.offer(group, () -> {
                    completedGroups.add(group);
                    completedMessages.addAll(messages);
                    outcomes.addAll(List.of(out));
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread completer = new Thread(() -> {
            try {
                Runnable r;
                while ((r = order.take()) != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        completer.start();
        IngestConfig smallGroups = smallGroups(config, 7);
        for (int i = 0; i < 3; i++) {
            IngestWriter w = new IngestWriter(groups, db, directory, completion, smallGroups, health);
            writers.add(w);
            Thread t = new Thread(w, "test-ingest-writer-" + i);
            threads.add(t);
            t.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> completedMessages.size() == sent.size());
        order.drain();
        completer.join(10_000);

        assertThat(completedMessages).containsExactlyElementsOf(sent);
        assertThat(completedGroups).isSorted().hasSizeGreaterThan(sent.size() / 7 - 1);
        for (int i = 0; i < sent.size(); i++) {
            Inbound m = sent.get(i);
            boolean first = sent.subList(0, i).stream().noneMatch(o -> o.key().equals(m.key()));
            assertThat(outcomes.get(i))
                    .as("message %d (device %s seq %d)", i, m.deviceId, m.seq)
                    .isEqualTo(first ? Outcome.ACCEPTED : Outcome.DUPLICATE);
        }
        for (String device : List.of(a, b)) {
            assertThat(count("select count(*) from accel_batch where device_id = ?", device))
                    .isEqualTo(60);
            assertThat(count("select batches_accepted from device_stream where device_id = ?", device))
                    .isEqualTo(60);
            assertThat(count("select duplicates from device_stream where device_id = ?", device))
                    .isEqualTo(57);
            assertThat(count("select last_seq from device_stream where device_id = ?", device))
                    .isEqualTo(59);
        }
        assertThat(health.stalled()).isFalse();
    }

    private static Inbound decode(PayloadDecoder decoder, String device, int messageId, int seq, Instant start) {
        return decoder.decode(
                new DeviceTopics.Address(device, Stream.ACCEL),
                null,
                messageId,
                1,
                Batches.accelJson(seq, start.plusSeconds(seq), 25, 25),
                System.nanoTime());
    }

    /** The service's configuration with groups of at most {@code messages}, so that many groups form. */
    private static IngestConfig smallGroups(IngestConfig config, int messages) {
        return (IngestConfig) Proxy.newProxyInstance(
                IngestConfig.class.getClassLoader(), new Class<?>[] {IngestConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("writeBatchMessages")) {
                        return messages;
                    }
                    return method.invoke(config, args);
                });
    }

    private long count(String sql, String device) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, device);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
