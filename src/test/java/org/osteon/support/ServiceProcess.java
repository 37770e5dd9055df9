package org.osteon.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app) as a separate process, configured the way an
 * operator would: with system properties. It can be killed with SIGKILL and started again.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final Map<String, String> environment = new java.util.HashMap<>();
    private HttpClient client = HttpClient.newHttpClient();
    private String scheme = "http";
    private final int httpPort;
    private final Path log;
    private Process process;

    public ServiceProcess(Map<String, String> properties) throws IOException {
        this(properties, List.of());
    }

    /** @param jvmOptions extra JVM options, e.g. to record a flight recording */
    public ServiceProcess(Map<String, String> properties, List<String> jvmOptions) throws IOException {
        this.properties = properties;
        this.jvmOptions = jvmOptions;
        this.httpPort = Ports.free();
        this.log = Files.createTempFile("osteon-service", ".log");
    }

    /** Environment variables for the service, as a container would set them. */
    public ServiceProcess withEnvironment(Map<String, String> env) {
        environment.putAll(env);
        return this;
    }

    /**
     * Serves HTTPS only, on the port {@link #baseUri()} names, and checks readiness with a client
     * that trusts {@code trust}. The service's certificate is given as properties by the caller.
     */
    public ServiceProcess withHttpsOnly(javax.net.ssl.SSLContext trust) {
        scheme = "https";
        client = HttpClient.newBuilder().sslContext(trust).build();
        return this;
    }

    public ServiceProcess start() throws IOException {
        String jar = System.getProperty("osteon.app.jar", "target/quarkus-app/quarkus-run.jar");
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(jvmOptions);
        if (!properties.containsKey("osteon.auth.local-key-dir")) {
            // The key the tests sign with (see Tokens), so that they can call the API as any role.
            cmd.add("-Dosteon.auth.local-key-dir=" + Tokens.KEY_DIR);
        }
        if (scheme.equals("https")) {
            cmd.addAll(List.of(
                    "-Dquarkus.http.ssl-port=" + httpPort,
                    "-Dquarkus.http.port=" + Ports.free(),
                    "-Dquarkus.http.insecure-requests=disabled"));
        } else {
            cmd.add("-Dquarkus.http.port=" + httpPort);
        }
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        process = pb.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !process.isAlive() || ready());
        if (!process.isAlive()) {
            throw new IllegalStateException("service exited at start; see " + log);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or acknowledged. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean ready() {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String baseUri() {
        return scheme + "://127.0.0.1:" + httpPort;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
