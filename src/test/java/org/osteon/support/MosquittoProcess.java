package org.osteon.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of its own for a test, started from the project's deploy/mosquitto/mosquitto.conf
 * (raised queue and in-flight limits included) on a free port, with its own persistence folder
 * so that it can be stopped and started again with its sessions.
 */
public final class MosquittoProcess implements AutoCloseable {
    /** Where this machine's Mosquitto has the plugin (Debian: per architecture; the container image: /usr/lib). */
    public static final String DYNSEC_PLUGIN = java.util.stream.Stream.of(
                    "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so",
                    "/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so",
                    "/usr/lib/mosquitto_dynamic_security.so")
            .filter(p -> Files.exists(Path.of(p)))
            .findFirst()
            .orElse("/usr/lib/mosquitto_dynamic_security.so");

    /** Work on the broker's folder before it first starts. */
    @FunctionalInterface
    public interface Preparation {
        void run(Path dir) throws IOException;
    }

    private final int port;
    private final Path dir;
    private final Path config;
    private Process process;

    public MosquittoProcess() throws IOException {
        this(Path.of("deploy/mosquitto/mosquitto.conf"));
    }

    public MosquittoProcess(Path projectConfig) throws IOException {
        this(projectConfig, dir -> {});
    }

    /**
     * {@code prepare} runs on the broker's folder before the first start, e.g. to create the
     * dynamic-security plugin's state there ({@code plugin_opt_config_file} points into it).
     */
    public MosquittoProcess(Path projectConfig, Preparation prepare) throws IOException {
        port = Ports.free();
        dir = Files.createTempDirectory("osteon-mosquitto");
        // Mosquitto started as root drops to its own user, which must be able to write here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        String conf = Files.readString(projectConfig)
                .replaceAll("(?m)^listener 1883.*$", "listener " + port + " 127.0.0.1")
                .replaceAll("(?m)^persistence_location .*$", "persistence_location " + dir + "/")
                .replaceAll("(?m)^plugin /.*/mosquitto_dynamic_security\\.so$", "plugin " + DYNSEC_PLUGIN)
                .replaceAll(
                        "(?m)^plugin_opt_config_file .*$",
                        "plugin_opt_config_file " + dir.resolve("dynamic-security.json"));
        config = dir.resolve("mosquitto.conf");
        Files.writeString(config, conf);
        prepare.run(dir);
        start();
    }

    public void start() throws IOException {
        process = new ProcessBuilder("mosquitto", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("mosquitto.log").toFile()))
                .start();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(this::accepts);
    }

    /** Stops the broker as an operator would (SIGTERM), so that it saves its sessions. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return dir.resolve("mosquitto.log");
    }

    private boolean accepts() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
