package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.OwnBrokerResource;
import org.osteon.support.Registry;

/**
 * At least 10,000 generated hostile MQTT messages, each invalid by construction, interleaved at
 * random with valid batches, over the machine's Mosquitto and PostgreSQL: every valid batch is
 * stored exactly once and receipted, no hostile one is stored, and receipts never pause for more
 * than a second while messages are outstanding. Seeded: {@code -Dosteon.fuzz.seed=N} replays a run,
 * {@code -Dosteon.fuzz.messages=N} changes its size; the figures are printed.
 */
@QuarkusTest
@QuarkusTestResource(value = OwnBrokerResource.class, restrictToAnnotatedClass = true)
class HostileInputFuzzTest {
    static final long SEED = Long.getLong("osteon.fuzz.seed", 20261204L);
    static final int HOSTILE = Integer.getInteger("osteon.fuzz.messages", 10_000);
    static final int VALID_PER_DEVICE = 100;
    /** Hostile payloads that carry a seq use this range, so that any of them stored would show as an extra seq. */
    static final long HOSTILE_SEQ = 1_000_000;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    record Message(String topicDevice, String stream, byte[] payload, boolean valid, String kind) {}

    @Test
    void hostileMessagesNeitherStoreNorStallAndEveryValidBatchIsStoredOnce() throws Exception {
        Random r = new Random(SEED);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String d = Registry.newDevice(Registry.newPatient(), 8);
            jdbc.update(
                    "update device set registered_at = ?::timestamptz - interval '1 day', data_from = ?::timestamptz - interval '1 day' where id = ?",
                    java.sql.Timestamp.from(now),
                    java.sql.Timestamp.from(now),
                    d);
            devices.add(d);
        }
        Map<String, List<Long>> validSeqs = new HashMap<>();
        List<Message> messages = new ArrayList<>();
        for (String d : devices) {
            for (long seq = 0; seq < VALID_PER_DEVICE; seq++) {
                messages.add(new Message(
                        d,
                        "accel",
                        Batches.accelJson(seq, now.minusSeconds(3600).plusSeconds(seq * 2), 5, 10),
                        true,
                        "valid"));
                validSeqs.computeIfAbsent(d, k -> new ArrayList<>()).add(seq);
            }
        }
        List<Mutation> catalogue = catalogue(now);
        Map<String, Integer> sentByKind = new TreeMap<>();
        for (int i = 0; i < HOSTILE; i++) {
            Mutation m = catalogue.get(r.nextInt(catalogue.size()));
            String device = devices.get(r.nextInt(devices.size()));
            Message msg = m.make.apply(new Context(r, device, HOSTILE_SEQ + i));
            messages.add(msg);
            sentByKind.merge(m.name, 1, Integer::sum);
        }
        Collections.shuffle(messages, r);

        List<Long> receiptTimes = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> validReceipts = new ConcurrentHashMap<>();
        MqttAsyncClient listener = connect("fuzz-receipts-" + System.nanoTime());
        listener.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                receiptTimes.add(System.nanoTime());
                String body = new String(message.getPayload(), StandardCharsets.UTF_8);
                String device = topic.substring(DeviceClient.ROOT.length() + 1, topic.lastIndexOf('/'));
                if (body.contains("\"accepted\"")) {
                    validReceipts.put(device + "/" + body.replaceAll(".*\"seq\":(\\d+).*", "$1"), body);
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
        });
        listener.subscribe(DeviceClient.ROOT + "/+/receipts", 1).waitForCompletion(10_000);

        MqttAsyncClient publisher = connect("fuzz-publisher-" + System.nanoTime());
        Semaphore inFlight = new Semaphore(200);
        long started = System.nanoTime();
        for (Message m : messages) {
            inFlight.acquire();
            publisher.publish(
                    DeviceClient.ROOT + "/" + m.topicDevice + "/" + m.stream,
                    m.payload,
                    1,
                    false,
                    null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            inFlight.release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            inFlight.release();
                        }
                    });
        }
        int validTotal = devices.size() * VALID_PER_DEVICE;
        await().atMost(Duration.ofSeconds(120))
                .until(() -> validReceipts.size() == validTotal && inFlight.availablePermits() == 200);
        long finished = System.nanoTime();
        publisher.disconnect().waitForCompletion(10_000);
        listener.disconnect().waitForCompletion(10_000);
        publisher.close();
        listener.close();

        long storedBatches = 0, storedValid = 0, extra = 0;
        for (String d : devices) {
            List<Long> stored =
                    jdbc.list("select seq from accel_batch where device_id = ? order by seq", rs -> rs.getLong(1), d);
            storedBatches += stored.size();
            storedValid += stored.stream().filter(validSeqs.get(d)::contains).count();
            extra += stored.stream().filter(s -> s >= HOSTILE_SEQ).count();
            assertThat(stored)
                    .as("device %s stores exactly its valid batches, each once", d)
                    .containsExactlyElementsOf(validSeqs.get(d));
            assertThat(jdbc.count("select count(*) from load_event where device_id = ?", d))
                    .as("no hostile event")
                    .isZero();
        }
        long maxGapMs = maxGapMillis(receiptTimes, started, finished);
        System.out.printf(
                "hostile-input fuzz (seed %d): %d hostile messages by kind %s, %d valid; stored %d batches "
                        + "(%d valid, %d hostile), %d receipts, longest pause between receipts %d ms, %.1f s in all%n",
                SEED,
                HOSTILE,
                sentByKind,
                validTotal,
                storedBatches,
                storedValid,
                extra,
                receiptTimes.size(),
                maxGapMs,
                (finished - started) / 1e9);
        assertThat(extra).isZero();
        assertThat(storedValid).isEqualTo(validTotal);
        assertThat(maxGapMs)
                .as("longest pause in receipts while messages were outstanding")
                .isLessThanOrEqualTo(1_000);
    }

    private static long maxGapMillis(List<Long> times, long started, long finished) {
        List<Long> sorted;
        synchronized (times) {
            sorted = new ArrayList<>(times);
        }
        Collections.sort(sorted);
        long previous = started, max = 0;
        for (long t : sorted) {
            if (t > finished) {
                break;
            }
            max = Math.max(max, t - previous);
            previous = t;
        }
        return Math.max(max, finished - previous) / 1_000_000;
    }

    private static MqttAsyncClient connect(String clientId) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(OwnBrokerResource.uri(), clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1_000);
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    record Context(Random r, String device, long seq) {}

    record Mutation(String name, Function<Context, Message> make) {}

    /** Every entry is invalid by construction, whatever the random choices inside it. */
    static List<Mutation> catalogue(Instant now) {
        String start = now.minusSeconds(60).toString();
        Function<String, byte[]> utf8 = s -> s.getBytes(StandardCharsets.UTF_8);
        String[] bad = {"\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u009f", "\\ud800", "\\udfff", "\\uffff"};
        List<Mutation> m = new ArrayList<>();
        m.add(new Mutation("random-bytes", c -> {
            byte[] b = new byte[1 + c.r.nextInt(300)];
            c.r.nextBytes(b);
            b[0] = (byte) ('a' + c.r.nextInt(26));
            return new Message(c.device, "accel", b, false, "random-bytes");
        }));
        m.add(new Mutation("truncated-json", c -> {
            byte[] full = Batches.accelJson(c.seq, now.minusSeconds(60), 5, 10);
            byte[] cut = java.util.Arrays.copyOf(full, 1 + c.r.nextInt(full.length - 2));
            return new Message(c.device, "accel", cut, false, "truncated-json");
        }));
        m.add(new Mutation(
                "control-in-deviceId",
                c -> new Message(
                        c.device,
                        "accel",
                        utf8.apply("{\"seq\":" + c.seq
                                + ",\"deviceId\":\"" + c.device + bad[c.r.nextInt(bad.length)] + "\",\"start\":\""
                                + start
                                + "\",\"rateHz\":5,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        false,
                        "control")));
        m.add(new Mutation(
                "control-in-kind",
                c -> new Message(
                        c.device,
                        "load",
                        utf8.apply("{\"seq\":" + c.seq
                                + ",\"events\":[{\"t\":\"" + start + "\",\"kind\":\"g" + bad[c.r.nextInt(bad.length)]
                                + "rf\",\"peakBw\":2,\"cycles\":3}]}"),
                        false,
                        "control")));
        m.add(new Mutation(
                "control-in-exercise",
                c -> new Message(
                        c.device,
                        "load",
                        utf8.apply("{\"seq\":" + c.seq
                                + ",\"events\":[{\"t\":\"" + start + "\",\"kind\":\"resistance\",\"exercise\":\"squat"
                                + bad[c.r.nextInt(bad.length)] + "\",\"sets\":3,\"reps\":5,\"loadKg\":40}]}"),
                        false,
                        "control")));
        m.add(new Mutation(
                "huge-deviceId",
                c -> new Message(
                        c.device,
                        "accel",
                        utf8.apply("{\"seq\":" + c.seq
                                + ",\"deviceId\":\"" + "d".repeat(65 + c.r.nextInt(20_000)) + "\",\"start\":\"" + start
                                + "\",\"rateHz\":5,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        false,
                        "huge")));
        m.add(new Mutation("bad-seq", c -> {
            String[] seqs = {"-1", "\"7\"", "1.5", "18446744073709551616", "null", "true", "[1]"};
            return new Message(
                    c.device,
                    "accel",
                    utf8.apply("{\"seq\":" + seqs[c.r.nextInt(seqs.length)] + ",\"start\":\"" + start
                            + "\",\"rateHz\":5,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                    false,
                    "seq");
        }));
        m.add(new Mutation("bad-rate", c -> {
            String[] rates = {"0", "-5", "1000.5", "5000", "\"fast\"", "1e999", "null"};
            return new Message(
                    c.device,
                    "accel",
                    utf8.apply("{\"seq\":" + c.seq + ",\"start\":\"" + start + "\",\"rateHz\":"
                            + rates[c.r.nextInt(rates.length)] + ",\"x\":[0],\"y\":[0],\"z\":[1]}"),
                    false,
                    "rate");
        }));
        m.add(new Mutation(
                "unequal-or-empty-axes",
                c -> new Message(
                        c.device,
                        "accel",
                        utf8.apply("{\"seq\":" + c.seq
                                + ",\"start\":\"" + start + "\",\"rateHz\":5,\"x\":[0,0],\"y\":[0],\"z\":"
                                + (c.r.nextBoolean() ? "[1]" : "[]")
                                + "}"),
                        false,
                        "axes")));
        m.add(new Mutation("not-finite-or-out-of-range", c -> {
            String[] values = {"1e999", "-1e999", "100", "-9", "\"1\"", "null"};
            return new Message(
                    c.device,
                    "accel",
                    utf8.apply("{\"seq\":" + c.seq + ",\"start\":\"" + start + "\",\"rateHz\":5,\"x\":["
                            + values[c.r.nextInt(values.length)] + "],\"y\":[0],\"z\":[1]}"),
                    false,
                    "values");
        }));
        m.add(new Mutation("time-out-of-bounds", c -> {
            String[] starts = {
                now.plus(Duration.ofDays(3)).toString(),
                now.minus(Duration.ofDays(10)).toString(),
                "2026-13-40T99:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "yesterday"
            };
            return new Message(
                    c.device,
                    "accel",
                    utf8.apply("{\"seq\":" + c.seq + ",\"start\":\"" + starts[c.r.nextInt(starts.length)]
                            + "\",\"rateHz\":5,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                    false,
                    "time");
        }));
        m.add(new Mutation(
                "end-far-ahead",
                c -> new Message(
                        c.device,
                        "accel",
                        Batches.accelJson(c.seq, now.plus(Duration.ofHours(23)), 1, 20_000),
                        false,
                        "end")));
        m.add(new Mutation(
                "unregistered-device",
                c -> new Message(
                        "fuzz-unregistered-" + c.r.nextInt(50),
                        "accel",
                        Batches.accelJson(c.seq, now.minusSeconds(60), 5, 10),
                        false,
                        "unregistered")));
        m.add(new Mutation("impossible-topic-id", c -> {
            String[] ids = {"x", "a b", "dev!", "d".repeat(70), "dev\u00e9", "-lead"};
            return new Message(
                    ids[c.r.nextInt(ids.length)],
                    "accel",
                    Batches.accelJson(c.seq, now.minusSeconds(60), 5, 10),
                    false,
                    "topic");
        }));
        m.add(new Mutation(
                "deep-nesting",
                c -> new Message(
                        c.device,
                        "accel",
                        utf8.apply("{\"seq\":" + c.seq
                                + ",\"start\":\"" + start + "\",\"rateHz\":5,\"x\":" + "[".repeat(2_000)
                                + "]".repeat(2_000)
                                + ",\"y\":[0],\"z\":[1]}"),
                        false,
                        "nesting")));
        m.add(new Mutation("wrong-shape", c -> {
            String[] bodies = {
                "[]",
                "\"seq\"",
                "42",
                "{}",
                "{\"seq\":" + c.seq + "}",
                "{\"seq\":" + c.seq + ",\"events\":{}}",
                "{\"seq\":" + c.seq + ",\"events\":[]}",
                "{\"seq\":" + c.seq + ",\"events\":[{\"kind\":\"yoga\",\"t\":\"" + start + "\"}]}",
                "{\"seq\":" + c.seq + ",\"events\":[{\"kind\":\"grf\",\"t\":\"" + start
                        + "\",\"peakBw\":-2,\"cycles\":3}]} trailing"
            };
            return new Message(
                    c.device,
                    c.r.nextBoolean() ? "load" : "accel",
                    utf8.apply(bodies[c.r.nextInt(bodies.length)]),
                    false,
                    "shape");
        }));
        m.add(new Mutation(
                "mismatched-deviceId",
                c -> new Message(
                        c.device,
                        "accel",
                        utf8.apply("{\"seq\":" + c.seq + ",\"deviceId\":\"someone-else\",\"start\":\"" + start
                                + "\",\"rateHz\":5,\"x\":[0],\"y\":[0],\"z\":[1]}"),
                        false,
                        "mismatch")));
        return m;
    }
}
