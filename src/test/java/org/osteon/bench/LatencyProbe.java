package org.osteon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osteon.support.Tokens;

/**
 * Watches a sample of patients as their apps would, and times each of their batches from its
 * publish to: its receipt (stored), the first day event whose {@code dataThrough} reaches the
 * batch's end (SSE), and a {@code GET /days} made on that event whose row's {@code
 * provenance.dataThrough} reaches it (REST).
 */
final class LatencyProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    /** Batches join within half a sample; a day's dataThrough may round that much short of a batch's end. */
    private static final long SLACK_MICROS = 500_000 / LiveFleet.RATE_HZ;

    record Patient(String id, String deviceId) {}

    /** One timed batch; times are System.nanoTime(), 0 until reached. */
    static final class Batch {
        final long seq;
        final long endMicros;
        final long published;
        volatile long stored;
        volatile long sse;
        volatile long rest;

        Batch(long seq, long endMicros, long published) {
            this.seq = seq;
            this.endMicros = endMicros;
            this.published = published;
        }
    }

    private final class Watched {
        final Patient patient;
        final String token;
        final Map<Long, Batch> bySeq = new ConcurrentHashMap<>();
        final ArrayDeque<Batch> awaitingEvent = new ArrayDeque<>();
        final ArrayDeque<Batch> awaitingRead = new ArrayDeque<>();

        Watched(Patient patient) {
            this.patient = patient;
            this.token = Tokens.patient(patient.id());
        }

        synchronized void add(Batch b) {
            bySeq.put(b.seq, b);
            awaitingEvent.add(b);
        }

        /** A day event: every batch it covers is seen; then the app reads the day. */
        void event(String date, long throughMicros, long now) {
            synchronized (this) {
                while (!awaitingEvent.isEmpty() && awaitingEvent.peek().endMicros <= throughMicros + SLACK_MICROS) {
                    Batch b = awaitingEvent.poll();
                    b.sse = now;
                    awaitingRead.add(b);
                }
            }
            reads.incrementAndGet();
            HttpRequest get = HttpRequest.newBuilder(URI.create(
                            base + "/api/v1/patients/" + patient.id() + "/days?from=" + date + "&to=" + date))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            http.sendAsync(get, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                long at = System.nanoTime();
                if (e != null || r.statusCode() != 200) {
                    readErrors.incrementAndGet();
                    return;
                }
                read(r.body(), date, at);
            });
        }

        private void read(byte[] body, String date, long at) {
            long through = Long.MIN_VALUE;
            try {
                for (JsonNode day : JSON.readTree(body)) {
                    JsonNode t = day.path("provenance").path("dataThrough");
                    if (day.path("date").asText().equals(date) && t.isTextual()) {
                        through = micros(Instant.parse(t.asText()));
                    }
                }
            } catch (java.io.IOException e) {
                readErrors.incrementAndGet();
                return;
            }
            synchronized (this) {
                while (!awaitingRead.isEmpty() && awaitingRead.peek().endMicros <= through + SLACK_MICROS) {
                    Batch b = awaitingRead.poll();
                    b.rest = at;
                    outstanding.decrementAndGet();
                }
            }
        }
    }

    private final String base;
    private final HttpClient http;
    private final List<Watched> watched = new ArrayList<>();
    private final Map<String, Watched> byPatient = new ConcurrentHashMap<>();
    private final Map<String, Watched> byReceiptTopic = new ConcurrentHashMap<>();
    private final List<EventLines> streams = new ArrayList<>();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong readErrors = new AtomicLong();
    private MqttAsyncClient receipts;

    LatencyProbe(String base, List<Patient> sample) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Patient p : sample) {
            Watched w = new Watched(p);
            watched.add(w);
            byPatient.put(p.id(), w);
            byReceiptTopic.put("osteon/v1/devices/" + p.deviceId() + "/receipts", w);
        }
    }

    /** Opens each patient's event stream and subscribes to their device's receipts; returns once all answered. */
    void open(String brokerUri) throws Exception {
        List<CompletableFuture<Integer>> opened = new ArrayList<>();
        for (Watched w : watched) {
            HttpRequest req = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/patients/" + w.patient.id() + "/events"))
                    .header("Authorization", "Bearer " + w.token)
                    .header("Accept", "text/event-stream")
                    .build();
            // The response's future completes only when the stream ends; the status comes with the headers.
            CompletableFuture<Integer> status = new CompletableFuture<>();
            EventLines lines = new EventLines(w);
            streams.add(lines);
            http.sendAsync(req, info -> {
                        status.complete(info.statusCode());
                        return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
                    })
                    .whenComplete(
                            (r, e) -> status.completeExceptionally(e != null ? e : new IllegalStateException("ended")));
            opened.add(status);
        }
        for (CompletableFuture<Integer> f : opened) {
            int status = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (status != 200) {
                throw new IllegalStateException("event stream answered " + status);
            }
        }
        receipts = new MqttAsyncClient(brokerUri, "bench-receipts-" + System.nanoTime(), new MemoryPersistence());
        receipts.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                long at = System.nanoTime();
                Watched w = byReceiptTopic.get(topic);
                Matcher m = SEQ.matcher(new String(message.getPayload(), StandardCharsets.UTF_8));
                if (w != null && m.find()) {
                    Batch b = w.bySeq.get(Long.parseLong(m.group(1)));
                    if (b != null && b.stored == 0) {
                        b.stored = at;
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1_000);
        receipts.connect(o).waitForCompletion(10_000);
        String[] topics = byReceiptTopic.keySet().toArray(String[]::new);
        int[] qos = new int[topics.length];
        java.util.Arrays.fill(qos, 1);
        receipts.subscribe(topics, qos).waitForCompletion(10_000);
    }

    /** A batch of the sample's {@code index}-th patient to time. */
    void track(int index, long seq, Instant end, long publishedNanos) {
        outstanding.incrementAndGet();
        watched.get(index).add(new Batch(seq, micros(end), publishedNanos));
    }

    /** Timed batches not yet visible over REST. */
    long outstanding() {
        return outstanding.get();
    }

    long events() {
        return events.get();
    }

    long reads() {
        return reads.get();
    }

    long readErrors() {
        return readErrors.get();
    }

    List<Batch> batches() {
        List<Batch> all = new ArrayList<>();
        for (Watched w : watched) {
            all.addAll(w.bySeq.values());
        }
        return all;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /** Reads one stream's lines as they come, without a thread of its own. */
    private final class EventLines implements Flow.Subscriber<String> {
        private final Watched watched;
        private volatile Flow.Subscription subscription;

        EventLines(Watched watched) {
            this.watched = watched;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long at = System.nanoTime();
            if (!line.startsWith("data:")) {
                return;
            }
            try {
                JsonNode e = JSON.readTree(line.substring(5));
                if ("day".equals(e.path("kind").asText())
                        && e.path("dataThrough").isTextual()) {
                    events.incrementAndGet();
                    watched.event(
                            e.path("date").asText(),
                            micros(Instant.parse(e.path("dataThrough").asText())),
                            at);
                }
            } catch (java.io.IOException ex) {
                readErrors.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
    }

    @Override
    public void close() throws Exception {
        for (EventLines l : streams) {
            if (l.subscription != null) {
                l.subscription.cancel();
            }
        }
        if (receipts != null) {
            receipts.disconnectForcibly(1_000);
            receipts.close();
        }
    }
}
