package org.osteon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.SecureBroker;
import org.osteon.support.ServiceProcess;
import org.osteon.support.TestDatabase;

/**
 * There is no container engine here, so deploy/ is checked by what can run: every file
 * parses, the files agree with each other and with the Helm chart's defaults, and the
 * packaged service starts with exactly the environment deploy/compose.yaml gives it, against
 * a broker set up as compose sets it up, and serves a device end to end.
 */
class DeployFilesIT {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)(?::?[-?]([^}]*))?}");

    @Test
    void composeMountsTheTestedBrokerFilesAndDeclaresEveryVariableInEnvExample() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("deploy/compose.yaml").toFile());
        assertThat(compose.path("services").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("postgres", "mosquitto", "broker-setup", "osteon");
        for (String service : List.of("mosquitto", "broker-setup")) {
            for (JsonNode volume : compose.at("/services/" + service + "/volumes")) {
                String host = volume.asText().split(":")[0];
                if (host.startsWith("./")) {
                    assertThat(Path.of("deploy").resolve(host))
                            .as(volume.asText())
                            .isRegularFile();
                }
            }
        }
        assertThat(compose.at("/services/mosquitto/volumes").toString()).contains("./mosquitto/mosquitto-secure.conf");
        assertThat(Path.of("deploy")
                        .resolve(compose.at("/services/osteon/build/context").asText())
                        .resolve(compose.at("/services/osteon/build/dockerfile").asText()))
                .isRegularFile();

        Set<String> declared = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("deploy/env.example"))) {
            if (line.contains("=") && !line.startsWith("#")) {
                declared.add(line.substring(0, line.indexOf('=')));
            }
        }
        Matcher m = VARIABLE.matcher(Files.readString(Path.of("deploy/compose.yaml")));
        while (m.find()) {
            assertThat(declared)
                    .as("deploy/env.example declares ${%s}", m.group(1))
                    .contains(m.group(1));
        }
    }

    @Test
    void kubernetesManifestsParseAndMatchTheChartDefaults() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("deploy/k8s"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                var it = YAML.readValues(YAML.getFactory().createParser(f.toFile()), JsonNode.class);
                while (it.hasNext()) {
                    JsonNode o = it.next();
                    assertThat(o.path("apiVersion").asText()).as(f.toString()).isNotEmpty();
                    assertThat(o.at("/metadata/name").asText()).as(f.toString()).isNotEmpty();
                    objects.add(o);
                }
            }
        }
        Map<String, String> services = new HashMap<>();
        Set<String> secretKeys = new LinkedHashSet<>();
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("Service")) {
                services.put(
                        o.at("/metadata/name").asText(),
                        o.at("/spec/ports/0/port").asText());
            }
            for (JsonNode ref : o.findValues("secretKeyRef")) {
                secretKeys.add(ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        JsonNode chart = YAML.readTree(Path.of("helm/osteon/values.yaml").toFile());
        URI db = URI.create(chart.at("/database/url").asText().substring("jdbc:".length()));
        URI broker = URI.create(chart.at("/broker/uri").asText());
        assertThat(services)
                .containsEntry(db.getHost(), Integer.toString(db.getPort()))
                .containsEntry(broker.getHost(), Integer.toString(broker.getPort()));
        String brokerSecret = chart.at("/broker/existingSecret").asText();
        assertThat(secretKeys)
                .contains(
                        chart.at("/database/existingSecret").asText() + "/"
                                + chart.at("/database/passwordKey").asText(),
                        brokerSecret + "/" + chart.at("/broker/ingestUserKey").asText(),
                        brokerSecret + "/"
                                + chart.at("/broker/ingestPasswordKey").asText(),
                        brokerSecret + "/"
                                + chart.at("/broker/provisionerPasswordKey").asText());
        assertThat(objects)
                .anyMatch(o -> o.path("kind").asText().equals("Job")
                        && o.toString().contains("dynsec-setup.sh")
                        && o.toString().contains("accounts"));
    }

    @Test
    void serviceStartsWithComposesEnvironmentAndServesADevice() throws Exception {
        JsonNode compose = YAML.readTree(Path.of("deploy/compose.yaml").toFile());
        try (SecureBroker broker = new SecureBroker();
                TestDatabase db = TestDatabase.onLocalServer("osteon_it_deploy")) {
            Map<String, String> dotEnv = Map.of(
                    "OSTEON_DB_PASSWORD", TestDatabase.PASSWORD,
                    "MQTT_ADMIN_PASSWORD", broker.adminPassword,
                    "OSTEON_INGEST_USERNAME", SecureBroker.INGEST,
                    "OSTEON_INGEST_PASSWORD", broker.ingestPassword,
                    "OSTEON_PROVISIONER_USER", SecureBroker.PROVISIONER,
                    "OSTEON_BROKER_ADMIN_PASSWORD", broker.provisionerPassword);
            Map<String, String> env = new HashMap<>();
            compose.at("/services/osteon/environment")
                    .fields()
                    .forEachRemaining(
                            e -> env.put(e.getKey(), interpolate(e.getValue().asText(), dotEnv)));
            // Only the addresses differ: compose's host names are this machine's test services.
            env.put(
                    "OSTEON_DB_URL",
                    env.get("OSTEON_DB_URL").replace("jdbc:postgresql://postgres:5432/osteon", db.url()));
            env.put("OSTEON_DB_USER", db.user());
            env.put("OSTEON_MQTT_URI", env.get("OSTEON_MQTT_URI").replace("tcp://mosquitto:1883", broker.uri()));
            env.put("OSTEON_INGEST_CLIENT_ID", "osteon-compose-it-" + UUID.randomUUID());
            assertThat(env).containsEntry("OSTEON_BROKER_ADMIN_ENABLED", "true");

            try (ServiceProcess service =
                    new ServiceProcess(Map.of()).withEnvironment(env).start()) {
                String patient = post(
                                service,
                                "/api/v1/patients",
                                "{\"displayName\":\"Greta Privacy-Check\",\"timeZone\":\"Europe/Vienna\"}")
                        .path("id")
                        .asText();
                String deviceId = "dev-" + UUID.randomUUID().toString().substring(0, 12);
                JsonNode device = post(
                        service,
                        "/api/v1/patients/" + patient + "/devices",
                        "{\"deviceId\":\"" + deviceId + "\",\"placement\":\"wrist\",\"rangeG\":8}");
                try (DeviceClient wearable = new DeviceClient(
                        broker.uri(),
                        deviceId,
                        device.at("/mqtt/username").asText(),
                        device.at("/mqtt/password").asText())) {
                    wearable.publishAccel(
                            Batches.accelJson(0, Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 50, 50));
                    await().atMost(Duration.ofSeconds(30)).until(() -> wearable.receipt("accel", 0L), r -> r != null);
                    assertThat(wearable.receipt("accel", 0L).path("status").asText())
                            .isEqualTo("accepted");
                }
                // Logs carry ids, never names, passwords or payloads.
                String log = Files.readString(service.log());
                assertThat(log)
                        .contains(deviceId)
                        .doesNotContain(
                                "Greta",
                                device.at("/mqtt/password").asText(),
                                "rateHz",
                                broker.provisionerPassword,
                                broker.ingestPassword);
            }
        }
    }

    static String interpolate(String value, Map<String, String> dotEnv) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = dotEnv.get(m.group(1));
            if (v == null && m.group(0).contains("?")) {
                throw new IllegalStateException("compose would refuse to start without " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static JsonNode post(ServiceProcess service, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + org.osteon.support.Tokens.admin())
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body());
    }
}
