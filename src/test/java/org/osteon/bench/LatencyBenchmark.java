package org.osteon.bench;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.osteon.engine.EngineConfig;
import org.osteon.support.MosquittoProcess;
import org.osteon.support.ServiceProcess;
import org.osteon.support.TestDatabase;
import org.osteon.support.Tokens;

/**
 * End-to-end latency, publish to adherence visible, with a fleet of wrist devices streaming 1-s
 * batches at 50 Hz in real time (docs/benchmarks.md, Latency). One step runs N devices for a
 * warm-up and a measured period and times a sample of their batches (see {@link LatencyProbe});
 * a sweep runs growing N until a step is not sustained. Beside it, in the same run, the broker's
 * bare delivery rate for the same payloads. Run by bench/latency.sh; not part of the test suite.
 *
 * <p>The service runs with its own engine defaults unless {@code -Dosteon.engine.*} properties
 * are given, which are passed on to it, so that runs can compare settings against what ships.
 */
public final class LatencyBenchmark {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final ServiceProcess service;
    private final MosquittoProcess broker;
    private final TestDatabase db;
    private final Map<String, String> engine;
    private final List<LatencyProbe.Patient> patients = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "snapshots");
        t.setDaemon(true);
        return t;
    });
    private final int warmup = Integer.getInteger("warmup", 20);
    private final int measured = Integer.getInteger("measured", 60);
    private final int sample = Integer.getInteger("sample", 100);
    private final Duration goal = duration(System.getProperty("goal", "1s"));
    private final Duration drain;
    private long servicePid;
    private long brokerPid;

    record Snapshot(
            long nanos,
            long stored,
            double written,
            double superseded,
            double deferred,
            double scorings,
            double scoringSeconds,
            long marks,
            long ready,
            CpuTimes cpu,
            String load) {}

    record Step(
            int devices,
            int sampled,
            List<LatencyProbe.Batch> batches,
            long readErrors,
            Snapshot a,
            Snapshot b,
            long marksAfter,
            double lagMillis,
            Duration goal) {
        double seconds() {
            return (b.nanos() - a.nanos()) / 1e9;
        }

        double ingestPerSecond() {
            return (b.stored() - a.stored()) / seconds();
        }

        double[] latencies(ToLongFunction<LatencyProbe.Batch> at) {
            return batches.stream()
                    .mapToDouble(x ->
                            at.applyAsLong(x) == 0 ? Double.POSITIVE_INFINITY : (at.applyAsLong(x) - x.published) / 1e9)
                    .sorted()
                    .toArray();
        }

        boolean keepsUp() {
            return ingestPerSecond() >= 0.95 * devices && b.ready() <= a.ready() + Math.max(4, devices / 50);
        }

        boolean fast() {
            double[] rest = latencies(x -> x.rest);
            return rest.length > 0 && percentile(rest, 99) < goal.toMillis() / 1000.0;
        }
    }

    LatencyBenchmark(ServiceProcess service, MosquittoProcess broker, TestDatabase db, Map<String, String> engine) {
        this.service = service;
        this.broker = broker;
        this.db = db;
        this.engine = engine;
        Duration maxDelay = duration(engine.get("osteon.engine.max-delay"));
        this.drain =
                duration(System.getProperty("drain", maxDelay.plusSeconds(30).toMillis() + "ms"));
    }

    /** {@code -Djfr=FILE} records the service with Java Flight Recorder, to see where its time goes. */
    /**
     * The service's JVM options beyond {@code -Xmx1g}: {@code -Djfr=FILE} records it with Java
     * Flight Recorder, {@code -DserviceJvm="-XX:… -XX:…"} adds options (e.g. a garbage collector's
     * settings, to compare them with the JVM's defaults).
     */
    static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        String jfr = System.getProperty("jfr");
        if (jfr != null) {
            options.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        String extra = System.getProperty("serviceJvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> engine = engineSettings();
        Map<String, String> props = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("osteon."))
                .forEach(k -> props.put(k, System.getProperty(k)));
        String sweep = System.getProperty("sweep");
        List<Integer> steps = new ArrayList<>();
        if (sweep == null) {
            for (String n : System.getProperty("devices", "1000").split(",")) {
                steps.add(Integer.parseInt(n.trim()));
            }
        } else {
            for (String n : (sweep.isBlank() ? "250,500,1000,1500,2000" : sweep).split(",")) {
                steps.add(Integer.parseInt(n.trim()));
            }
        }
        List<Step> results = new ArrayList<>();
        double bare;
        String loadBefore = load();
        try (MosquittoProcess broker = new MosquittoProcess();
                TestDatabase db = TestDatabase.onLocalServer("osteon_latency");
                ServiceProcess service = new ServiceProcess(withService(props, db, broker), jvmOptions())) {
            service.start();
            LatencyBenchmark bench = new LatencyBenchmark(service, broker, db, engine);
            bench.servicePid = CpuTimes.child("quarkus-run.jar");
            bench.brokerPid = CpuTimes.child("mosquitto -c");
            bare = bench.bare(steps.stream().mapToInt(Integer::intValue).max().orElse(1));
            System.err.printf(Locale.ROOT, "broker alone: %,.0f batches/s%n", bare);
            List<MqttAsyncClient> clients = IngestBenchmark.connect(broker.uri());
            try (LiveFleet fleet = new LiveFleet(clients, bench.topics)) {
                for (int n : steps) {
                    Step s = bench.step(n, fleet);
                    results.add(s);
                    System.err.println(row(s));
                    if (sweep != null && !(s.keepsUp() && s.fast())) {
                        break;
                    }
                }
            }
        }
        print(results, engine, bare, loadBefore);
    }

    private static Map<String, String> withService(
            Map<String, String> props, TestDatabase db, MosquittoProcess broker) {
        Map<String, String> all = new LinkedHashMap<>(Map.of(
                "quarkus.datasource.jdbc.url",
                db.url(),
                "osteon.ingest.broker-uri",
                broker.uri(),
                "osteon.ingest.client-id",
                "osteon-latency-bench",
                "quarkus.log.level",
                "WARN"));
        all.putAll(props);
        return all;
    }

    /** The engine's settings as the service will run: its own defaults unless given here. */
    static Map<String, String> engineSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        Arrays.stream(EngineConfig.class.getDeclaredMethods())
                .sorted(Comparator.comparing(Method::getName))
                .forEach(m -> {
                    String key = "osteon.engine."
                            + m.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
                    WithDefault d = m.getAnnotation(WithDefault.class);
                    settings.put(key, System.getProperty(key, d == null ? "" : d.value()));
                });
        return settings;
    }

    /** Quarkus' duration syntax: 300ms, 5s, 2m, or ISO-8601. */
    static Duration duration(String v) {
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        return Duration.parse(v.startsWith("P") ? v : "PT" + v.toUpperCase(Locale.ROOT));
    }

    /** The broker's bare delivery rate (batches/s) for the same stream, as IngestBenchmark measures it. */
    private double bare(int devices) throws Exception {
        int seconds = Math.max(10, 20_000 / devices);
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        LiveFleet shape = new LiveFleet(List.of(), List.of());
        List<byte[][]> payloads = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            byte[][] batches = new byte[seconds][];
            for (int s = 0; s < seconds; s++) {
                batches[s] = shape.batch(s, start.plusSeconds(s), (s + d) % LiveFleet.poolSeconds());
            }
            payloads.add(batches);
            ids.add("bare-" + d);
        }
        shape.close();
        IngestBenchmark.Scenario s =
                new IngestBenchmark.Scenario("bare", devices, payloads, (long) devices * seconds * LiveFleet.RATE_HZ);
        return s.messages() / IngestBenchmark.bare(broker, s, ids);
    }

    private Step step(int devices, LiveFleet fleet) throws Exception {
        register(devices);
        int k = Math.min(sample, devices);
        int[] sampleIndex = new int[devices];
        Arrays.fill(sampleIndex, -1);
        List<LatencyProbe.Patient> watched = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int d = (int) ((long) i * devices / k);
            sampleIndex[d] = i;
            watched.add(patients.get(d));
        }
        try (LatencyProbe probe = new LatencyProbe(service.baseUri(), watched)) {
            probe.open(broker.uri());
            long t0 = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long from = t0 + TimeUnit.SECONDS.toNanos(warmup);
            long to = from + TimeUnit.SECONDS.toNanos(measured);
            fleet.start(devices, t0, warmup / 2, (d, seq, end, nanos) -> {
                if (sampleIndex[d] >= 0 && nanos >= from && nanos < to) {
                    probe.track(sampleIndex[d], seq, end, nanos);
                }
            });
            Future<Snapshot> a = sampler.schedule(this::snapshot, from - System.nanoTime(), TimeUnit.NANOSECONDS);
            Future<Snapshot> b = sampler.schedule(this::snapshot, to - System.nanoTime(), TimeUnit.NANOSECONDS);
            Snapshot sa = a.get();
            Snapshot sb = b.get();
            // Devices keep streaming while the last measured batches become visible: stopping
            // would let their days turn quiet and be scored sooner than in a steady stream.
            long deadline = to + drain.toNanos();
            while (probe.outstanding() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double lag = fleet.worstLagMillis();
            fleet.stop();
            System.err.printf(
                    Locale.ROOT,
                    "%d devices: %d day events, %d reads on the sample; publisher lag at worst %.0f ms%n",
                    devices,
                    probe.events(),
                    probe.reads(),
                    lag);
            long marksAfter = settle();
            return new Step(devices, k, probe.batches(), probe.readErrors(), sa, sb, marksAfter, lag, goal);
        }
    }

    /** Waits (up to 3 min) for every marked day to be scored, so that the next step starts from none. */
    private long settle() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        long marks;
        while ((marks = db.queryLong("select count(*) from day_dirty")) > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return marks;
    }

    private Snapshot snapshot() throws Exception {
        long at = System.nanoTime();
        String metrics = get("/q/metrics", null);
        Duration quiet = duration(engine.get("osteon.engine.quiet"));
        Duration maxDelay = duration(engine.get("osteon.engine.max-delay"));
        long ready =
                db.queryLong("select count(*) from day_dirty where (marked_at <= now() - interval '" + quiet.toMillis()
                        + " milliseconds' or since <= now() - interval '" + maxDelay.toMillis() + " milliseconds') "
                        + "and (due_at is null or due_at <= now())");
        return new Snapshot(
                at,
                db.queryLong("select count(*) from ingest_batch"),
                metric(metrics, "osteon_engine_days_total{outcome=\"written\""),
                metric(metrics, "osteon_engine_days_total{outcome=\"superseded\""),
                metric(metrics, "osteon_engine_derived_total{when=\"deferred\""),
                metric(metrics, "osteon_engine_scoring_seconds_count"),
                metric(metrics, "osteon_engine_scoring_seconds_sum"),
                db.queryLong("select count(*) from day_dirty"),
                ready,
                CpuTimes.read(servicePid, brokerPid, db.url().substring(db.url().lastIndexOf('/') + 1)),
                load());
    }

    static double metric(String metrics, String prefix) {
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Registers patients (UTC) with one wrist device each, as an admin would, until there are {@code n}. */
    private void register(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<LatencyProbe.Patient>> made = new ArrayList<>();
        for (int i = patients.size(); i < n; i++) {
            int index = i;
            made.add(pool.submit(() -> {
                String body =
                        post("/api/v1/patients", "{\"displayName\":\"bench-" + index + "\",\"timeZone\":\"UTC\"}");
                Matcher m = ID.matcher(body);
                if (!m.find()) {
                    throw new IllegalStateException("no id in " + body);
                }
                String device = "latency-" + index + "-" + Long.toString(System.nanoTime(), 36);
                post(
                        "/api/v1/patients/" + m.group(1) + "/devices",
                        "{\"deviceId\":\"" + device + "\",\"placement\":\"wrist\",\"rangeG\":8}");
                return new LatencyProbe.Patient(m.group(1), device);
            }));
        }
        for (Future<LatencyProbe.Patient> f : made) {
            LatencyProbe.Patient p = f.get();
            patients.add(p);
            topics.add("osteon/v1/devices/" + p.deviceId() + "/accel");
        }
        pool.shutdown();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private String post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                        .header("Authorization", "Bearer " + Tokens.admin())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUri() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String seconds(double v) {
        return Double.isInfinite(v) ? "not seen" : Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String spread(double[] sorted) {
        return seconds(percentile(sorted, 50)) + " / " + seconds(percentile(sorted, 95)) + " / "
                + seconds(percentile(sorted, 99)) + " / " + seconds(percentile(sorted, 100));
    }

    static String row(Step s) {
        double[] stored = s.latencies(x -> x.stored);
        double[] sse = s.latencies(x -> x.sse);
        double[] rest = s.latencies(x -> x.rest);
        long unseen = Arrays.stream(rest).filter(Double::isInfinite).count();
        double scorings = s.b().scorings() - s.a().scorings();
        double meanScoring =
                scorings == 0 ? Double.NaN : 1000 * (s.b().scoringSeconds() - s.a().scoringSeconds()) / scorings;
        return String.format(
                Locale.ROOT,
                "| %,d | %d | %,d%s | %s | %s | %s | %,.0f | %.0f / %.0f / %.0f | %s | %d → %d | %d → %d | %.2f | %s | %s |",
                s.devices(),
                s.sampled(),
                rest.length,
                unseen == 0 ? "" : " (" + unseen + " not seen)",
                seconds(percentile(stored, 50)) + " / " + seconds(percentile(stored, 99)),
                spread(sse),
                spread(rest),
                s.ingestPerSecond(),
                s.b().written() - s.a().written(),
                s.b().superseded() - s.a().superseded(),
                s.b().deferred() - s.a().deferred(),
                Double.isNaN(meanScoring) ? "–" : String.format(Locale.ROOT, "%.1f", meanScoring),
                s.a().ready(),
                s.b().ready(),
                s.a().marks(),
                s.b().marks(),
                s.b().cpu().serviceCores(s.a().cpu(), s.seconds()),
                s.keepsUp() ? "yes" : "no",
                s.fast() ? "yes" : "no");
    }

    static void print(List<Step> steps, Map<String, String> engine, double bare, String loadBefore) {
        System.out.println("Engine: " + engine);
        System.out.printf(
                Locale.ROOT,
                "Broker alone (same payloads to a bare mosquitto_sub, QoS 1): %,.0f batches/s,"
                        + " i.e. %,.0f devices at one 1-s batch per second%n",
                bare,
                bare);
        System.out.println("Load average before the run: " + loadBefore);
        System.out.println();
        System.out.println("| devices | patients watched | batches timed | stored p50 / p99 (s) "
                + "| SSE p50 / p95 / p99 / max (s) | REST p50 / p95 / p99 / max (s) | ingested batches/s "
                + "| days written / superseded / of the written, derived values deferred | mean scoring (ms) | ready days, start → end | marked days, start → end "
                + "| service CPU (cores) | keeps up | p99 < goal |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Step s : steps) {
            System.out.println(row(s));
        }
        System.out.println();
        System.out.println(
                "| devices | CPU over the measured period (cores) | load average at its end | publisher lag at worst (ms) | marks left after the step |");
        System.out.println("|---|---|---|---|---|");
        for (Step s : steps) {
            System.out.printf(
                    Locale.ROOT,
                    "| %,d | %s | %s | %.0f | %d |%n",
                    s.devices(),
                    s.b().cpu().coresSince(s.a().cpu(), s.seconds()),
                    s.b().load(),
                    s.lagMillis(),
                    s.marksAfter());
        }
    }
}
