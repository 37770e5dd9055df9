package org.osteon.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of its own with the deployment's configuration (deploy/mosquitto/mosquitto-secure.conf:
 * no anonymous access, dynamic-security plugin), set up with deploy/mosquitto/dynsec-setup.sh
 * exactly as an operator would: {@code init} before the first start, {@code accounts} after it.
 */
public final class SecureBroker implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String INGEST = "osteon-ingest";
    public static final String PROVISIONER = "osteon-provisioner";

    public final String adminPassword = secret();
    public final String ingestPassword = secret();
    public final String provisionerPassword = secret();
    private final MosquittoProcess mosquitto;
    private final Map<String, String> setupEnv;
    private final String scheme;

    public SecureBroker() throws IOException {
        this(Path.of("deploy/mosquitto/mosquitto-secure.conf"), "tcp", Map.of());
    }

    /**
     * A broker from another configuration, e.g. with TLS ({@code scheme} "ssl"); {@code setupEnv}
     * is added to the setup script's environment (e.g. MQTT_CTRL_OPTS with the CA).
     */
    public SecureBroker(Path config, String scheme, Map<String, String> setupEnv) throws IOException {
        this.scheme = scheme;
        this.setupEnv = setupEnv;
        mosquitto = new MosquittoProcess(
                config,
                dir -> setup(0, "init", dir.resolve("dynamic-security.json").toString()));
        setup(mosquitto.port(), "accounts");
    }

    public String uri() {
        return mosquitto.uri().replace("tcp://", scheme + "://");
    }

    public MosquittoProcess process() {
        return mosquitto;
    }

    /**
     * Osteon's settings for this broker: ingest and provisioning with their own accounts, and
     * the topic root the setup script grants (this broker is the run's own, so the per-run root
     * of the test profile is not needed).
     */
    public Map<String, String> osteonConfig() {
        return Map.of(
                "osteon.ingest.topic-root", "osteon/v1/devices",
                "osteon.ingest.broker-uri", uri(),
                "osteon.ingest.username", INGEST,
                "osteon.ingest.password", ingestPassword,
                "osteon.broker-admin.enabled", "true",
                "osteon.broker-admin.username", PROVISIONER,
                "osteon.broker-admin.password", provisionerPassword);
    }

    /** Runs the setup script as an operator would, with this broker's passwords. */
    public void setup(int port, String... args) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("MQTT_ADMIN_USER", ADMIN);
        env.put("MQTT_ADMIN_PASSWORD", adminPassword);
        env.put("OSTEON_INGEST_USER", INGEST);
        env.put("OSTEON_INGEST_PASSWORD", ingestPassword);
        env.put("OSTEON_PROVISIONER_USER", PROVISIONER);
        env.put("OSTEON_PROVISIONER_PASSWORD", provisionerPassword);
        env.put("MQTT_PORT", Integer.toString(port));
        env.putAll(setupEnv);
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "deploy/mosquitto/dynsec-setup.sh"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("dynsec-setup.sh " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public void close() throws InterruptedException {
        mosquitto.close();
    }
}
