package org.osteon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.osteon.support.Batches;
import org.osteon.support.SecureBroker;
import org.osteon.support.ServiceProcess;
import org.osteon.support.TestCertificates;
import org.osteon.support.TestDatabase;

/**
 * TLS end to end with a CA generated for the test: the broker runs the secure configuration
 * with its TLS lines switched on, Osteon connects to it with ssl:// and osteon.mqtt-tls.ca-file
 * and serves its API over HTTPS only, and a device syncs over TLS. Clients that do not trust
 * the CA are refused by both.
 */
class TlsIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void osteonAndDevicesUseTlsAndTheApiServesHttpsOnly() throws Exception {
        TestCertificates certs = new TestCertificates();
        SSLContext trust = certs.trustingCa();
        try (SecureBroker broker = new SecureBroker(
                        tlsBrokerConfig(certs), "ssl", Map.of("MQTT_CTRL_OPTS", "--cafile " + certs.caCert));
                TestDatabase db = TestDatabase.onLocalServer("osteon_it_tls")) {
            Map<String, String> props = new HashMap<>(broker.osteonConfig());
            props.put("osteon.mqtt-tls.ca-file", certs.caCert.toString());
            props.put("osteon.ingest.client-id", "osteon-tls-it-" + UUID.randomUUID());
            props.put("quarkus.datasource.jdbc.url", db.url());
            props.put("quarkus.datasource.username", db.user());
            props.put("quarkus.tls.key-store.pem.osteon.cert", certs.serverCert.toString());
            props.put("quarkus.tls.key-store.pem.osteon.key", certs.serverKey.toString());
            assertThat(broker.uri()).startsWith("ssl://");

            // Ready means connected to the broker, over TLS here.
            try (ServiceProcess service =
                    new ServiceProcess(props).withHttpsOnly(trust).start()) {
                assertThat(service.baseUri()).startsWith("https://");
                HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
                String patient = post(
                                https,
                                service,
                                "/api/v1/patients",
                                "{\"displayName\":\"P-tls\",\"timeZone\":\"Europe/Vienna\"}")
                        .path("id")
                        .asText();
                String deviceId = "dev-" + UUID.randomUUID().toString().substring(0, 12);
                JsonNode device = post(
                        https,
                        service,
                        "/api/v1/patients/" + patient + "/devices",
                        "{\"deviceId\":\"" + deviceId + "\",\"placement\":\"hip\",\"rangeG\":8}");

                MqttClient wearable = connect(
                        broker.uri(),
                        trust,
                        device.at("/mqtt/username").asText(),
                        device.at("/mqtt/password").asText());
                List<String> receipts = new CopyOnWriteArrayList<>();
                wearable.subscribe(
                        "osteon/v1/devices/" + deviceId + "/receipts",
                        1,
                        (t, m) -> receipts.add(new String(m.getPayload())));
                wearable.publish(
                        "osteon/v1/devices/" + deviceId + "/accel",
                        Batches.accelJson(0, Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 50, 50),
                        1,
                        false);
                await().atMost(Duration.ofSeconds(30)).until(() -> !receipts.isEmpty());
                assertThat(receipts.get(0)).contains("\"accepted\"");
                wearable.disconnect();
                wearable.close();

                HttpClient untrusting = HttpClient.newHttpClient();
                assertThatThrownBy(() -> untrusting.send(
                                HttpRequest.newBuilder(URI.create(service.baseUri() + "/q/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(IOException.class);
                assertThatThrownBy(() -> connect(broker.uri(), SSLContext.getDefault(), "x", "y"))
                        .isInstanceOf(MqttException.class);
                assertThatThrownBy(() -> connect(broker.uri().replace("ssl://", "tcp://"), null, "x", "y"))
                        .isInstanceOf(MqttException.class);
            }
        }
    }

    /** deploy/mosquitto/mosquitto-secure.conf with its TLS lines switched on for the test's certificate. */
    static Path tlsBrokerConfig(TestCertificates certs) throws IOException {
        String conf = Files.readString(Path.of("deploy/mosquitto/mosquitto-secure.conf"));
        assertThat(conf).contains("#listener 8883", "#certfile ", "#keyfile ");
        conf = conf.replaceAll("(?m)^#listener 8883\\s*$", "")
                .replaceAll("(?m)^#certfile .*$", "certfile " + certs.serverCert)
                .replaceAll("(?m)^#keyfile .*$", "keyfile " + certs.serverKey);
        Path file = certs.dir.resolve("mosquitto-tls.conf");
        Files.writeString(file, conf);
        return file;
    }

    static MqttClient connect(String uri, SSLContext trust, String user, String password) throws MqttException {
        MqttClient c = new MqttClient(uri, "tls-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setConnectionTimeout(10);
        o.setUserName(user);
        o.setPassword(password.toCharArray());
        if (trust != null) {
            o.setSocketFactory(trust.getSocketFactory());
            o.setHttpsHostnameVerificationEnabled(true);
        }
        c.connect(o);
        return c;
    }

    static JsonNode post(HttpClient client, ServiceProcess service, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
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
