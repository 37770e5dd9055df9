package org.osteon.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.osteon.engine.DayNotices;
import org.osteon.support.ServiceProcess;
import org.osteon.support.TestDatabase;
import org.osteon.support.Tokens;

/**
 * The reads apps make, under load (docs/benchmarks.md, Reads under load): a database seeded with
 * many patients, each with a year of scored days and a program, physiotherapists with 500 patients
 * each, and the packaged service on it; then, per kind of request, a fixed request rate for a
 * warm-up and a measured period.
 *
 * <p>The load is open-loop: requests are sent on a schedule (one every 1/rate seconds) whatever
 * the answers do, and each latency runs from the instant the request was <em>scheduled</em> to the
 * last byte of its answer. A closed-loop tool (wrk, or any client that waits for an answer before
 * sending the next request) stops sending while the service stalls and so hides the stall from its
 * percentiles; here a stall delays every request scheduled during it, as it would an app's users.
 * Run by bench/reads.sh; not part of the test suite.
 */
public final class ReadBenchmark {
    private final int patients = Integer.getInteger("patients", 10_000);
    private final int days = Integer.getInteger("days", 365);
    private final int perPhysio = Integer.getInteger("perPhysio", 500);
    private final int warmup = Integer.getInteger("warmup", 10);
    private final int measured = Integer.getInteger("measured", 30);
    private final ZoneId zone = ZoneId.of("Europe/Vienna");
    /** Connections the sender may open; it reuses them (keep-alive), as an app's gateway would. */
    private final int connections = Integer.getInteger("connections", 256);
    /**
     * Days announced scored a second while each kind runs, as a live engine would announce them:
     * each ends what the service kept of a random patient, so its next answer is computed again.
     */
    private final int churn = Integer.getInteger("churn", 0);

    /** Reads the service's metrics, twice a step. */
    private static final HttpClient METRICS_CLIENT = HttpClient.newHttpClient();

    private TestDatabase db;
    private String database;
    private String baseUri;

    /** One kind of request at one rate. */
    record Kind(String name, int rate, IntFunction<byte[]> request) {}

    /** What one kind gave over its measured period. */
    record Result(
            String name,
            int rate,
            long sent,
            double achieved,
            long errors,
            long late,
            double p50,
            double p99,
            double p999,
            double max,
            long rssMb,
            String load,
            String cpu,
            String kept) {}

    public static void main(String[] args) throws Exception {
        new ReadBenchmark().run();
    }

    private void run() throws Exception {
        String loadBefore = load();
        try (TestDatabase db = TestDatabase.onLocalServer("osteon_reads");
                ServiceProcess service = new ServiceProcess(service(db), LatencyBenchmark.jvmOptions())) {
            service.start();
            this.db = db;
            database = db.url().substring(db.url().lastIndexOf('/') + 1);
            long pid = CpuTimes.child("quarkus-run.jar");
            long t0 = System.nanoTime();
            seed(db);
            System.err.printf(
                    Locale.ROOT,
                    "seeded %,d patients x %d days in %.0f s%n",
                    patients,
                    days,
                    (System.nanoTime() - t0) / 1e9);
            List<Result> results = new ArrayList<>();
            baseUri = service.baseUri();
            for (Kind k : kinds(baseUri)) {
                Result r = phase(k, pid);
                results.add(r);
                System.err.println(row(r));
            }
            print(results, loadBefore, rss(pid));
        }
    }

    /**
     * The service as it ships, on the seeded database; any {@code -Dosteon.*} or
     * {@code -Dquarkus.*} given to the benchmark is passed on, so that runs can compare settings.
     */
    private static Map<String, String> service(TestDatabase db) {
        Map<String, String> props = new LinkedHashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", db.url(),
                "osteon.ingest.client-id", "osteon-read-bench",
                "osteon.ingest.topic-root", "read-bench/v1/devices",
                "osteon.alerts.every", "off",
                "quarkus.log.level", "WARN"));
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("osteon.") || k.startsWith("quarkus."))
                .forEach(k -> props.put(k, System.getProperty(k)));
        return props;
    }

    private List<Kind> kinds(String base) {
        LocalDate today = LocalDate.now(zone);
        LocalDate monday = today.minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String[] patientTokens = new String[patients];
        String[] ids = new String[patients];
        for (int i = 0; i < patients; i++) {
            ids[i] = patientId(i);
            patientTokens[i] = Tokens.patient(ids[i]);
        }
        int physios = Math.max(1, patients / perPhysio);
        String[] physioTokens = new String[physios];
        for (int i = 0; i < physios; i++) {
            physioTokens[i] = Tokens.physio("bench-physio-" + i);
        }
        SplittableRandom random = new SplittableRandom(42);
        String host = URI.create(base).getAuthority();
        IntFunction<byte[]> week = n -> {
            int p = random.nextInt(patients);
            return get(
                    host,
                    "/api/v1/patients/" + ids[p] + "/adherence?by=week&from=" + monday + "&to=" + monday.plusDays(6),
                    patientTokens[p]);
        };
        IntFunction<byte[]> current = n -> {
            int p = random.nextInt(patients);
            return get(host, "/api/v1/patients/" + ids[p] + "/adherence?by=week", patientTokens[p]);
        };
        IntFunction<byte[]> month = n -> {
            int p = random.nextInt(patients);
            return get(
                    host,
                    "/api/v1/patients/" + ids[p] + "/days?from=" + today.minusDays(29) + "&to=" + today,
                    patientTokens[p]);
        };
        IntFunction<byte[]> roster = n -> {
            int p = random.nextInt(physios);
            return get(host, "/api/v1/physiotherapists/me/patients", physioTokens[p]);
        };
        List<Kind> kinds = new ArrayList<>();
        for (String spec :
                System.getProperty("kinds", "adherence:2000,days:500,roster:10").split(",")) {
            String[] f = spec.split(":");
            int rate = Integer.parseInt(f[1]);
            kinds.add(
                    switch (f[0]) {
                        case "adherence" -> new Kind("a patient's week of adherence", rate, week);
                        case "current" -> new Kind("a patient's current week of adherence", rate, current);
                        case "days" -> new Kind("a patient's 30 days (/days)", rate, month);
                        case "roster" ->
                            new Kind("a physiotherapist's roster, " + perPhysio + " patients", rate, roster);
                        default ->
                            throw new IllegalArgumentException(
                                    "kinds: adherence, current, days or roster, was " + f[0]);
                    });
        }
        return kinds;
    }

    private static byte[] get(String host, String pathAndQuery, String token) {
        return OpenLoopHttp.get(host, pathAndQuery, "Authorization: Bearer " + token, "Accept: application/json");
    }

    /**
     * Sends {@code k.rate} requests a second for the warm-up and the measured period and returns
     * the measured period's latencies, each from the request's scheduled instant.
     */
    private Result phase(Kind k, long pid) throws Exception {
        int total = k.rate * (warmup + measured);
        int firstMeasured = k.rate * warmup;
        long interval = 1_000_000_000L / k.rate;
        long start = System.nanoTime() + 50_000_000L;
        long measuredStart = start + firstMeasured * interval;
        URI base = URI.create(baseUri);
        OpenLoopHttp sender = new OpenLoopHttp(
                new InetSocketAddress(base.getHost(), base.getPort()), connections, TimeUnit.SECONDS.toNanos(30));
        // The CPU of the measured period is read at its start and at its last request's instant,
        // on a thread of its own: reading /proc takes tens of milliseconds, which on the sender's
        // thread made the requests due meanwhile late.
        CpuTimes[] cpu = new CpuTimes[2];
        double[][] answers = new double[2][];
        String[] load = new String[1];
        long lastDue = start + (total - 1) * interval;
        java.util.concurrent.ScheduledExecutorService probe =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        probe.schedule(
                () -> {
                    cpu[0] = CpuTimes.read(pid, -1, database);
                    answers[0] = answers(base);
                },
                measuredStart - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        probe.schedule(
                () -> {
                    cpu[1] = CpuTimes.read(pid, -1, database);
                    answers[1] = answers(base);
                    load[0] = load();
                },
                lastDue - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        AutoCloseable announcing = churn > 0 ? announce(probe) : null;
        OpenLoopHttp.Outcome out = sender.run(total, start, interval, k.request);
        if (announcing != null) {
            announcing.close();
        }
        probe.shutdown();
        probe.awaitTermination(10, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - measuredStart) / 1e9;
        long errors = 0;
        long[] measuredLatency = Arrays.copyOfRange(out.latency(), firstMeasured, total);
        for (int i = firstMeasured; i < total; i++) {
            if (out.status()[i] != 200) {
                errors++;
            }
        }
        long late = out.late(firstMeasured);
        long[] sorted =
                Arrays.stream(measuredLatency).filter(l -> l >= 0).sorted().toArray();
        String dump = System.getProperty("dump");
        if (dump != null) {
            // Each measured request: its due instant (ms from the measured period's start), latency
            // and send delay in ms, and its connection; to see whether slow answers come together (a stall) or apart.
            StringBuilder b = new StringBuilder("due_ms,latency_ms,send_delay_ms,connection\n");
            for (int i = firstMeasured; i < total; i++) {
                b.append(String.format(
                        Locale.ROOT,
                        "%.3f,%.3f,%.3f,%d%n",
                        (i - firstMeasured) * interval / 1e6,
                        out.latency()[i] / 1e6,
                        out.sendDelay()[i] / 1e6,
                        out.connection()[i]));
            }
            Files.writeString(Path.of(dump + "-" + k.rate + ".csv"), b);
        }
        long rss = rss(pid);
        double cpuSeconds = (lastDue - measuredStart) / 1e9;
        String cores =
                cpu[0] == null || cpu[1] == null ? "?" : cores(cpu[0], cpu[1], cpuSeconds, total - 1 - firstMeasured);
        return new Result(
                k.name,
                k.rate,
                sorted.length,
                sorted.length / seconds,
                errors,
                late,
                ms(sorted, 0.50),
                ms(sorted, 0.99),
                ms(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                rss,
                load[0],
                cores,
                kept(answers[0], answers[1]));
    }

    /**
     * Sends {@link #churn} day notifications a second (every 10 ms a share, in one statement) for
     * random patients, on {@code on}'s thread, until cancelled.
     */
    private AutoCloseable announce(ScheduledExecutorService on) throws SQLException {
        Connection c = db.connect();
        SplittableRandom random = new SplittableRandom(7);
        String today = LocalDate.now(zone).toString();
        double[] owed = {0};
        ScheduledFuture<?> task = on.scheduleAtFixedRate(
                () -> {
                    owed[0] += churn / 100.0;
                    int n = (int) owed[0];
                    owed[0] -= n;
                    String[] payloads = new String[n];
                    for (int i = 0; i < n; i++) {
                        payloads[i] = patientId(random.nextInt(patients)) + " " + DayNotices.DAY + " " + today;
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement("select count(pg_notify(?, p)) from unnest(?::text[]) p")) {
                        ps.setString(1, DayNotices.CHANNEL);
                        ps.setArray(2, c.createArrayOf("text", payloads));
                        ps.execute();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);
        return () -> {
            task.cancel(false);
            c.close();
        };
    }

    /**
     * The service's count of adherence answers given from what it kept and computed ({@code
     * osteon_adherence_answers_total}, hit and miss); null if the metrics could not be read.
     */
    private static double[] answers(URI base) {
        try {
            String metrics = METRICS_CLIENT
                    .send(
                            HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return new double[] {
                LatencyBenchmark.metric(metrics, "osteon_adherence_answers_total{outcome=\"hit\""),
                LatencyBenchmark.metric(metrics, "osteon_adherence_answers_total{outcome=\"miss\""),
            };
        } catch (IOException | InterruptedException | RuntimeException e) {
            return null;
        }
    }

    /** The share of the measured period's adherence answers given from what was kept, or "–". */
    private static String kept(double[] a, double[] b) {
        if (a == null || b == null) {
            return "?";
        }
        // Every answer asked for is a hit or a miss (not_kept counts some of the misses again).
        double hits = b[0] - a[0], asked = hits + (b[1] - a[1]);
        return asked == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * hits / asked);
    }

    /**
     * Cores used over the measured period by the service, PostgreSQL's backends for the
     * benchmark's database and this sender; then the service's and PostgreSQL's CPU per request.
     * Not the whole machine's: on this virtual machine /proc/stat's idle time ran ahead of the
     * processes' own times at low load (0.31 cores busy while the service alone used 0.42).
     */
    private static String cores(CpuTimes a, CpuTimes b, double seconds, int requests) {
        double ticks = seconds * CpuTimes.TICKS_PER_SECOND;
        double perRequest = 1e6 / CpuTimes.TICKS_PER_SECOND / requests;
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.2f | %.0f / %.0f",
                (b.service() - a.service()) / ticks,
                (b.postgres() - a.postgres()) / ticks,
                (b.bench() - a.bench()) / ticks,
                (b.service() - a.service()) * perRequest,
                (b.postgres() - a.postgres()) * perRequest);
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * Patients in Europe/Vienna, each with {@code days} scored days ending today and a steps and
     * impacts program in force since before them; physiotherapists with {@code perPhysio}
     * patients each. Written by SQL, as a year of data would be after the engine scored it.
     */
    private void seed(TestDatabase db) throws Exception {
        int physios = Math.max(1, patients / perPhysio);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("insert into physiotherapist (id, subject, display_name, created_at) select"
                    + " md5('physio' || i)::uuid, 'bench-physio-' || i, 'Physiotherapist ' || i, now()"
                    + " from generate_series(0, " + (physios - 1) + ") i");
            s.execute("insert into patient (id, display_name, time_zone, created_at) select"
                    + " md5('p' || i)::uuid, 'Patient ' || lpad(i::text, 5, '0'), '" + zone + "',"
                    + " now() - interval '" + (days + 14) + " days' from generate_series(0, " + (patients - 1) + ") i");
            s.execute("insert into care_assignment (physio_id, patient_id, assigned_at) select"
                    + " md5('physio' || (i / " + perPhysio + "))::uuid, md5('p' || i)::uuid, now()"
                    + " from generate_series(0, " + (physios * perPhysio - 1) + ") i");
            s.execute("insert into program_version (patient_id, version, effective_from, components, author_role,"
                    + " author_subject, reason, created_at) select md5('p' || i)::uuid, 1, current_date - "
                    + (days + 7) + ", '[{\"kind\":\"steps\",\"stepsPerDay\":7000,\"daysPerWeek\":5},"
                    + "{\"kind\":\"impacts\",\"minG\":2.0,\"count\":50,\"per\":\"day\",\"sessionsPerWeek\":3}]',"
                    + " 'physio', 'bench-physio-0', 'benchmark', now() from generate_series(0, " + (patients - 1)
                    + ") i");
            // A year of days, written patient by patient in blocks so that one statement stays small.
            int block = 500;
            for (int from = 0; from < patients; from += block) {
                int to = Math.min(patients, from + block) - 1;
                s.execute("insert into day_summary (patient_id, local_date, wear_minutes, mvpa_minutes, steps,"
                        + " impacts_at_or_above, sedentary_minutes, computed_at) select md5('p' || i)::uuid,"
                        + " current_date - d, 600 + (i * 7 + d * 13) % 300, (i + d) % 45,"
                        + " 3000 + (i * 31 + d * 17) % 8000,"
                        + " jsonb_build_object('1.3', 200 + (i + d) % 90, '2.0', 20 + (i * 3 + d) % 70),"
                        + " 400 + (i + d * 3) % 200, now()"
                        + " from generate_series(" + from + ", " + to + ") i, generate_series(0, " + (days - 1)
                        + ") d");
            }
            // As autovacuum would have left a year of rows: hint bits and the visibility map set,
            // then everything written out. Otherwise the first reads of each page dirty it (hint
            // bits) while the seed's gigabyte is still being written back, and the benchmark
            // measures that write-back instead of the service.
            s.execute("vacuum (analyze)");
            checkpoint(db);
            try (ResultSet r = s.executeQuery("select count(*) from day_summary")) {
                r.next();
                if (r.getLong(1) != (long) patients * days) {
                    throw new IllegalStateException("seeded " + r.getLong(1) + " days, expected " + patients * days);
                }
            }
        }
    }

    /**
     * A checkpoint needs a superuser or pg_checkpoint; the benchmark's role may have neither, and
     * on the machine's PostgreSQL (trust authentication) the postgres role does it instead.
     */
    private static void checkpoint(TestDatabase db) {
        for (String user : List.of(db.user(), "postgres")) {
            try (Connection c = java.sql.DriverManager.getConnection(db.url(), user, TestDatabase.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("checkpoint");
                return;
            } catch (SQLException e) {
                System.err.println("checkpoint as " + user + ": " + e.getMessage());
            }
        }
    }

    private static String patientId(int i) {
        return md5Uuid("p" + i);
    }

    /** PostgreSQL's md5(text)::uuid, so that ids computed here match the seeded rows. */
    private static String md5Uuid(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's resident memory in MB (VmRSS), or -1. */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String row(Result r) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %,.0f | %,d | %.1f | **%.1f** | %.1f | %.1f | %,d | %,d | %d | %s | %s | %s |",
                r.name,
                r.rate,
                r.achieved,
                r.sent,
                r.p50,
                r.p99,
                r.p999,
                r.max,
                r.errors,
                r.late,
                r.rssMb,
                r.load,
                r.cpu,
                r.kept);
    }

    private void print(List<Result> results, String loadBefore, long rssEnd) {
        Map<String, String> setup = new LinkedHashMap<>();
        setup.put("patients", String.format(Locale.ROOT, "%,d", patients));
        setup.put("days each", Integer.toString(days));
        setup.put("patients per physiotherapist", Integer.toString(perPhysio));
        setup.put("warm-up / measured (s)", warmup + " / " + measured);
        setup.put("load average before", loadBefore);
        List<String> jvm = LatencyBenchmark.jvmOptions();
        setup.put("service JVM options", "-Xmx1g" + (jvm.isEmpty() ? "" : " " + String.join(" ", jvm)));
        setup.put("service RSS at the end (MB)", Long.toString(rssEnd));
        System.out.println();
        setup.forEach((k, v) -> System.out.println("- " + k + ": " + v));
        System.out.println();
        System.out.println("| request | rate asked (/s) | rate answered (/s) | requests measured | p50 (ms) | p99 (ms) "
                + "| p99.9 (ms) | max (ms) | errors | sent late | service RSS (MB) | load average (1/5/15 min) "
                + "| cores: service / PostgreSQL / sender | CPU per request, service / PostgreSQL (µs) "
                + "| answers given as kept |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(row(r)));
    }
}
