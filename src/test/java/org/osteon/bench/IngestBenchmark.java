package org.osteon.bench;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osteon.ingest.BinaryFrame;
import org.osteon.support.Batches;
import org.osteon.support.MosquittoProcess;
import org.osteon.support.ServiceProcess;
import org.osteon.support.TestDatabase;

/**
 * Ingest throughput against the broker's own delivery rate, on the same payloads in the same
 * run: each scenario is published once to a bare {@code mosquitto_sub} (output to /dev/null)
 * and once to the packaged service, and the two rates are compared. Run by bench/ingest.sh;
 * not part of the test suite.
 */
public final class IngestBenchmark {
    private static final int PUBLISHERS = 8;

    record Scenario(String name, int devices, List<byte[][]> payloads, long samples) {
        int messages() {
            return payloads.stream().mapToInt(p -> p.length).sum();
        }

        long bytes() {
            long total = 0;
            for (byte[][] batches : payloads) {
                for (byte[] b : batches) {
                    total += b.length;
                }
            }
            return total;
        }
    }

    record Result(Scenario scenario, double bareSeconds, double serviceSeconds) {}

    public static void main(String[] args) throws Exception {
        int devices = Integer.getInteger("devices", 200);
        int seconds = Integer.getInteger("seconds", 100);
        int hours = Integer.getInteger("hours", 24);
        // An hour back, so that a day of data ends well within the future skew the service allows
        // (24 h) however long the run; each device is registered with its recordings accepted from
        // before this start (see register).
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        List<Scenario> scenarios = List.of(
                fleet("200 devices, 1-s batches at 50 Hz, JSON", devices, seconds, start, false),
                fleet("200 devices, 1-s batches at 50 Hz, binary (delta)", devices, seconds, start, true),
                bulk("1 device, 24 h at 100 Hz in 1-h batches, JSON", hours, start, false),
                bulk("1 device, 24 h at 100 Hz in 1-h batches, binary (delta)", hours, start, true));
        String only = System.getProperty("scenarios");
        if (only != null) {
            List<Scenario> chosen = new ArrayList<>();
            for (String i : only.split(",")) {
                chosen.add(scenarios.get(Integer.parseInt(i.trim())));
            }
            scenarios = chosen;
        }
        String jfr = System.getProperty("jfr");
        List<String> jvm = jfr == null
                ? List.of()
                : List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        List<Result> results = new ArrayList<>();
        // Any -Dosteon.* goes to the service, e.g. -Dosteon.ingest.writers=1 to compare with what ships.
        Map<String, String> settings = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("osteon."))
                .sorted()
                .forEach(k -> settings.put(k, System.getProperty(k)));
        if (!settings.isEmpty()) {
            System.out.println("Service settings besides its defaults: " + settings);
        }
        try (MosquittoProcess broker = new MosquittoProcess();
                TestDatabase db = TestDatabase.onLocalServer("osteon_bench");
                ServiceProcess service = new ServiceProcess(
                        withSettings(
                                Map.of(
                                        "quarkus.datasource.jdbc.url",
                                        db.url(),
                                        "osteon.ingest.broker-uri",
                                        broker.uri(),
                                        "osteon.ingest.client-id",
                                        "osteon-bench",
                                        "quarkus.log.level",
                                        "WARN"),
                                settings),
                        jvm)) {
            service.start();
            for (Scenario s : scenarios) {
                List<String> ids = register(service.baseUri(), s.devices(), start.minusSeconds(60));
                double bare = bare(broker, s, ids);
                double persisted = persisted(broker, db, s, ids);
                results.add(new Result(s, bare, persisted));
                String metrics =
                        given().baseUri(service.baseUri()).get("/q/metrics").asString();
                metrics.lines()
                        .filter(l -> l.startsWith("osteon_ingest_write_") && !l.contains("_max"))
                        .forEach(l -> System.err.println("  " + l));
                System.err.printf(Locale.ROOT, "%s: bare %.2f s, service %.2f s%n", s.name(), bare, persisted);
            }
        }
        print(results);
    }

    private static Map<String, String> withSettings(Map<String, String> base, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(base);
        all.putAll(settings);
        return all;
    }

    static Scenario fleet(String name, int devices, int seconds, Instant start, boolean binary) {
        List<byte[][]> payloads = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            byte[][] batches = new byte[seconds][];
            for (int s = 0; s < seconds; s++) {
                batches[s] = binary
                        ? frame(s, start.plusSeconds(s), 50, 50)
                        : Batches.accelJson(s, start.plusSeconds(s), 50, 50);
            }
            payloads.add(batches);
        }
        return new Scenario(name, devices, payloads, (long) devices * seconds * 50);
    }

    static Scenario bulk(String name, int hours, Instant start, boolean binary) {
        byte[][] batches = new byte[hours][];
        for (int h = 0; h < hours; h++) {
            Instant t = start.plus(Duration.ofHours(h));
            batches[h] = binary ? frame(h, t, 100, 360_000) : Batches.accelJson(h, t, 100, 360_000);
        }
        return new Scenario(name, 1, java.util.Collections.singletonList(batches), (long) hours * 360_000);
    }

    /** The same still-device signal as the JSON batches, as int16 counts at 4096 LSB/g. */
    static byte[] frame(long seq, Instant start, int rate, int samples) {
        float[][] g = Batches.stillAxes(seq, samples);
        short[][] counts = new short[3][samples];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < samples; i++) {
                counts[a][i] = (short) Math.round(g[a][i] * 4096);
            }
        }
        return BinaryFrame.encode(seq, start, rate, 4096, counts, BinaryFrame.DELTA);
    }

    static List<String> register(String uri, int devices, Instant recordingsFrom) {
        String patient = given().baseUri(uri)
                .auth()
                .oauth2(org.osteon.support.Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "bench", "timeZone", "UTC"))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            String id = "bench-" + d + "-" + Long.toString(System.nanoTime(), 36);
            given().baseUri(uri)
                    .auth()
                    .oauth2(org.osteon.support.Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "deviceId",
                            id,
                            "placement",
                            "wrist",
                            "rangeG",
                            8,
                            "recordingsFrom",
                            recordingsFrom.toString()))
                    .post("/api/v1/patients/" + patient + "/devices")
                    .then()
                    .statusCode(201);
            ids.add(id);
        }
        return ids;
    }

    /** Seconds from the first publish until a bare mosquitto_sub has received every message. */
    static double bare(MosquittoProcess broker, Scenario s, List<String> ids) throws Exception {
        String port = broker.uri().substring(broker.uri().lastIndexOf(':') + 1);
        String id = "bench-sub-" + System.nanoTime();
        String topic = "bench/v1/devices/+/accel";
        // A persistent session subscribed in advance, so that nothing published before the
        // measuring subscriber connects is missed.
        run(new ProcessBuilder("mosquitto_sub", "-p", port, "-c", "-i", id, "-q", "1", "-t", topic, "-E"));
        Process sub = new ProcessBuilder(
                        "mosquitto_sub",
                        "-p",
                        port,
                        "-c",
                        "-i",
                        id,
                        "-q",
                        "1",
                        "-t",
                        topic,
                        "-C",
                        Integer.toString(s.messages()))
                .redirectOutput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<MqttAsyncClient> clients = connect(broker.uri());
        long t0 = System.nanoTime();
        publish(clients, "bench/v1/devices", s, ids);
        if (!sub.waitFor(30, TimeUnit.MINUTES)) {
            sub.destroyForcibly();
            throw new IllegalStateException("mosquitto_sub did not receive every message");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds from the first publish until the service has committed every batch. */
    static double persisted(MosquittoProcess broker, TestDatabase db, Scenario s, List<String> ids) throws Exception {
        String handled = "select (select count(*) from ingest_batch) + (select count(*) from ingest_rejection)";
        long before = db.queryLong(handled);
        List<MqttAsyncClient> clients = connect(broker.uri());
        long t0 = System.nanoTime();
        publish(clients, "osteon/v1/devices", s, ids);
        long deadline = t0 + TimeUnit.MINUTES.toNanos(30);
        while (db.queryLong(handled) < before + s.messages()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service did not store every batch");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (db.queryLong("select count(*) from ingest_rejection") > 0) {
            throw new IllegalStateException(
                    "the service rejected benchmark batches: see ingest_rejection in " + db.url());
        }
        return seconds;
    }

    /** Publisher connections, made before any clock starts (a Paho connect takes a few hundred ms). */
    static List<MqttAsyncClient> connect(String uri) throws Exception {
        List<MqttAsyncClient> clients = new ArrayList<>();
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMaxInflight(1_000);
        for (int i = 0; i < PUBLISHERS; i++) {
            MqttAsyncClient c =
                    new MqttAsyncClient(uri, "bench-pub-" + i + "-" + System.nanoTime(), new MemoryPersistence());
            c.connect(o).waitForCompletion(10_000);
            clients.add(c);
        }
        return clients;
    }

    /** Publishes every payload with QoS 1 from a few connections, devices interleaved, then disconnects. */
    static void publish(List<MqttAsyncClient> clients, String root, Scenario s, List<String> ids) throws Exception {
        // Per connection: Paho refuses a publish beyond its own in-flight limit.
        List<Semaphore> inFlight = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            inFlight.add(new Semaphore(900));
        }
        CountDownLatch done = new CountDownLatch(s.messages());
        int longest = s.payloads().stream().mapToInt(p -> p.length).max().orElse(0);
        for (int seq = 0; seq < longest; seq++) {
            for (int d = 0; d < s.devices(); d++) {
                byte[][] batches = s.payloads().get(d);
                if (seq < batches.length) {
                    Semaphore permits = inFlight.get(d % PUBLISHERS);
                    permits.acquire();
                    clients.get(d % PUBLISHERS)
                            .publish(
                                    root + "/" + ids.get(d) + "/accel",
                                    batches[seq],
                                    1,
                                    false,
                                    null,
                                    new IMqttActionListener() {
                                        @Override
                                        public void onSuccess(IMqttToken token) {
                                            permits.release();
                                            done.countDown();
                                        }

                                        @Override
                                        public void onFailure(IMqttToken token, Throwable e) {
                                            permits.release();
                                            done.countDown();
                                        }
                                    });
                }
            }
        }
        done.await(30, TimeUnit.MINUTES);
        for (MqttAsyncClient c : clients) {
            c.disconnect().waitForCompletion(10_000);
            c.close();
        }
    }

    static void run(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"))
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", pb.command()));
        }
    }

    static void print(List<Result> results) {
        System.out.println("| scenario | batches | samples | MB | broker → mosquitto_sub (batches/s) "
                + "| Osteon persisted (batches/s) | Osteon samples/s | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            Scenario s = r.scenario();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %,d | %.1f | %,.0f | %,.0f | %,.0f | %.0f %% |%n",
                    s.name(),
                    s.messages(),
                    s.samples(),
                    s.bytes() / 1e6,
                    s.messages() / r.bareSeconds(),
                    s.messages() / r.serviceSeconds(),
                    s.samples() / r.serviceSeconds(),
                    100 * r.bareSeconds() / r.serviceSeconds());
        }
    }
}
