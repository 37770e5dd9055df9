package org.osteon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.Registry;
import org.osteon.support.SecureBroker;
import org.osteon.support.SecureBrokerResource;
import org.osteon.support.TestClock;
import org.osteon.support.Tokens;

/**
 * Per-device broker credentials against a Mosquitto of the test's own, configured as a
 * deployment is (deploy/mosquitto/mosquitto-secure.conf, set up with dynsec-setup.sh), with
 * Osteon issuing and revoking accounts through the dynamic-security API.
 */
@QuarkusTest
@QuarkusTestResource(value = SecureBrokerResource.class, restrictToAnnotatedClass = true)
class DeviceBrokerAccessTest {
    static final String ROOT = DeviceClient.ROOT;

    final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    record Registered(String deviceId, String username, String password) {}

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // A client the broker already disconnected.
            }
        }
    }

    @Test
    void registrationIssuesCredentialsOnceAndTheDeviceSyncsWithThem() throws Exception {
        Registered a = register();
        assertThat(a.username()).isEqualTo(a.deviceId());
        assertThat(a.password()).hasSizeGreaterThanOrEqualTo(32);
        Tokens.asAdmin()
                .get("/api/v1/devices/" + a.deviceId())
                .then()
                .statusCode(200)
                .body("mqtt", org.hamcrest.Matchers.nullValue());

        DeviceClient device = device(a);
        device.publishAccel(Batches.accelJson(0, start(), 50, 100));

        await().atMost(Duration.ofSeconds(20)).until(() -> device.receipt("accel", 0L), r -> r != null);
        assertThat(device.receipt("accel", 0L).path("status").asText()).isEqualTo("accepted");
    }

    @Test
    void deviceCannotPublishAsAnotherDevice() throws Exception {
        Registered a = register();
        Registered b = register();
        Observer all = observe(ROOT + "/#");
        // Mosquitto 2.0 drops a forbidden publish and disconnects its sender, so each forgery
        // gets a connection of its own; whether the publish call itself fails does not matter.
        forge(a, ROOT + "/" + b.deviceId() + "/accel", Batches.accelJson(0, start(), 50, 100));
        forge(a, ROOT + "/" + b.deviceId() + "/load", Batches.loadJson(0, start()));
        DeviceClient deviceA = device(a);
        deviceA.publishAccel(Batches.accelJson(0, start(), 50, 100));

        // The broker forwards a message when it handles it, so once A's later batch is seen, the
        // forged ones would have been seen before it.
        await().atMost(Duration.ofSeconds(20)).until(() -> all.topics.contains(ROOT + "/" + a.deviceId() + "/accel"));
        assertThat(all.topics).noneMatch(t -> t.contains("/" + b.deviceId() + "/"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deviceA.receipt("accel", 0L), r -> r != null);
        Tokens.asAdmin()
                .get("/api/v1/devices/" + b.deviceId() + "/sync-status")
                .then()
                .statusCode(200)
                .body("streams.batchesAccepted", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(0)))
                .body("streams.rejections", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(0)));
    }

    @Test
    void deviceCannotReadAnotherDevicesReceipts() throws Exception {
        Registered a = register();
        Registered b = register();
        MqttClient spy = connect(a.username(), a.password());
        List<String> seen = new CopyOnWriteArrayList<>();
        for (String filter : List.of(
                ROOT + "/" + b.deviceId() + "/receipts",
                ROOT + "/" + b.deviceId() + "/progress",
                ROOT + "/+/receipts",
                ROOT + "/#",
                "#")) {
            var token = spy.subscribeWithResponse(filter, 1, (t, m) -> seen.add(t));
            assertThat(token.getGrantedQos()).as("SUBACK for %s", filter).containsExactly(128);
        }
        var own = spy.subscribeWithResponse(ROOT + "/" + a.deviceId() + "/receipts", 1, (t, m) -> seen.add(t));
        assertThat(own.getGrantedQos()).containsExactly(1);

        DeviceClient deviceB = device(b);
        deviceB.publishAccel(Batches.accelJson(0, start(), 50, 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> deviceB.receipt("accel", 0L), r -> r != null);
        DeviceClient deviceA = device(a);
        deviceA.publishAccel(Batches.accelJson(0, start(), 50, 100));
        // A's own receipt reaches the spy too, after B's would have.
        await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty());
        assertThat(seen).containsOnly(ROOT + "/" + a.deviceId() + "/receipts");
    }

    @Test
    void deviceReceivesItsOwnProgressAndCannotSubscribeToAnothersProgress() throws Exception {
        Registered a = register();
        Registered b = register();
        MqttClient watchA = connect(a.username(), a.password());
        List<String> progressOfA = new CopyOnWriteArrayList<>();
        var own = watchA.subscribeWithResponse(
                ROOT + "/" + a.deviceId() + "/progress",
                1,
                (t, m) -> progressOfA.add(new String(m.getPayload(), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(own.getGrantedQos()).containsExactly(1);
        MqttClient spy = connect(b.username(), b.password());
        List<String> seenByB = new CopyOnWriteArrayList<>();
        for (String filter : List.of(ROOT + "/" + a.deviceId() + "/progress", ROOT + "/+/progress")) {
            assertThat(spy.subscribeWithResponse(filter, 1, (t, m) -> seenByB.add(t))
                            .getGrantedQos())
                    .as("SUBACK for %s", filter)
                    .containsExactly(128);
        }
        assertThat(spy.subscribeWithResponse(ROOT + "/" + b.deviceId() + "/progress", 1, (t, m) -> seenByB.add(t))
                        .getGrantedQos())
                .containsExactly(1);

        // A minute of data today: once scored, Osteon's ingest account may publish A's progress.
        DeviceClient device = device(a);
        device.publishAccel(Batches.accelJson(0, start(), 50, 3000));
        await().atMost(Duration.ofSeconds(60)).until(() -> !progressOfA.isEmpty());
        assertThat(progressOfA.get(0))
                .contains(
                        "\"v\":1",
                        "\"date\":\""
                                + java.time.LocalDate.now(
                                        TestClock.CLOCK.withZone(java.time.ZoneId.of("Europe/Vienna")))
                                + "\"");
        assertThat(seenByB).isEmpty();
    }

    @Test
    void revokedDeviceIsCutOffAtOnceAndCannotLogInAgain() throws Exception {
        Registered a = register();
        DeviceClient device = device(a);
        device.publishAccel(Batches.accelJson(0, start(), 50, 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> device.receipt("accel", 0L), r -> r != null);
        MqttClient online = connect(a.username(), a.password());

        Tokens.asAdmin()
                .post("/api/v1/devices/" + a.deviceId() + "/revoke")
                .then()
                .statusCode(200)
                .body("revokedAt", org.hamcrest.Matchers.notNullValue());

        await().atMost(Duration.ofSeconds(10)).until(() -> !online.isConnected());
        assertThatThrownBy(() -> connect(a.username(), a.password())).isInstanceOf(MqttSecurityException.class);
        // Revoking again is harmless.
        Tokens.asAdmin()
                .post("/api/v1/devices/" + a.deviceId() + "/revoke")
                .then()
                .statusCode(200);
    }

    @Test
    void erasingAPatientCutsTheirDevicesOff() throws Exception {
        Registered a = register();
        MqttClient online = connect(a.username(), a.password());
        String patientId = Tokens.asAdmin()
                .get("/api/v1/devices/" + a.deviceId())
                .then()
                .extract()
                .path("patientId");

        Tokens.asAdmin().delete("/api/v1/patients/" + patientId).then().statusCode(204);

        await().atMost(Duration.ofSeconds(10)).until(() -> !online.isConnected());
        assertThatThrownBy(() -> connect(a.username(), a.password())).isInstanceOf(MqttSecurityException.class);
    }

    @Test
    void wrongPasswordUnknownUserAndAnonymousAreRefused() throws Exception {
        Registered a = register();
        Registered b = register();
        assertThatThrownBy(() -> connect(a.username(), "not-" + a.password()))
                .isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect(a.username(), b.password())).isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect("nobody-" + UUID.randomUUID(), a.password()))
                .isInstanceOf(MqttSecurityException.class);
        assertThatThrownBy(() -> connect(null, null)).isInstanceOf(MqttSecurityException.class);
    }

    @Test
    void osteonsOwnAccountsCanDoOnlyTheirJob() throws Exception {
        SecureBroker broker = SecureBrokerResource.broker();
        Registered a = register();
        Observer all = observe(ROOT + "/#");

        MqttClient ingest = connect(SecureBroker.INGEST, broker.ingestPassword);
        assertThat(ingest.subscribeWithResponse("#", 1).getGrantedQos()).containsExactly(128);
        assertThat(ingest.subscribeWithResponse("$CONTROL/dynamic-security/v1/response", 1)
                        .getGrantedQos())
                .containsExactly(128);
        assertThat(ingest.subscribeWithResponse(ROOT + "/+/receipts", 1).getGrantedQos())
                .containsExactly(128);
        MqttClient provisioner = connect(SecureBroker.PROVISIONER, broker.provisionerPassword);
        assertThat(provisioner.subscribeWithResponse(ROOT + "/#", 1).getGrantedQos())
                .containsExactly(128);
        // Neither account can pose as a device.
        forge(
                SecureBroker.INGEST,
                broker.ingestPassword,
                ROOT + "/" + a.deviceId() + "/accel",
                Batches.accelJson(0, start(), 50, 100));
        forge(
                SecureBroker.PROVISIONER,
                broker.provisionerPassword,
                ROOT + "/" + a.deviceId() + "/load",
                Batches.loadJson(0, start()));

        DeviceClient device = device(a);
        device.publishAccel(Batches.accelJson(1, start(), 50, 100));
        await().atMost(Duration.ofSeconds(20)).until(() -> all.topics.contains(ROOT + "/" + a.deviceId() + "/accel"));
        assertThat(all.topics).doesNotContain(ROOT + "/" + a.deviceId() + "/load");
        assertThat(all.topics.stream().filter(t -> t.endsWith("/accel"))).hasSize(1);
    }

    @Test
    void withTheBrokerDownRegistrationAndRevocationChangeNothing() throws Exception {
        Registered a = register();
        String patient = Registry.newPatient();
        String deviceId = "dev-" + UUID.randomUUID().toString().substring(0, 12);
        Map<String, Object> body = Map.of("deviceId", deviceId, "placement", "hip", "rangeG", 8);
        SecureBroker broker = SecureBrokerResource.broker();
        broker.process().stop();
        try {
            Tokens.asAdmin()
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/patients/" + patient + "/devices")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
            Tokens.asAdmin().get("/api/v1/devices/" + deviceId).then().statusCode(404);
            Tokens.asAdmin()
                    .post("/api/v1/devices/" + a.deviceId() + "/revoke")
                    .then()
                    .statusCode(503);
            Tokens.asAdmin()
                    .get("/api/v1/devices/" + a.deviceId())
                    .then()
                    .statusCode(200)
                    .body("revokedAt", org.hamcrest.Matchers.nullValue());
        } finally {
            broker.process().start();
        }
        JsonPath registered = Tokens.asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        connect(registered.getString("mqtt.username"), registered.getString("mqtt.password"));
        connect(a.username(), a.password());
    }

    @Test
    void aDeviceIdThatIsAnotherBrokerAccountIsRefused() {
        String patient = Registry.newPatient();
        Tokens.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", SecureBroker.INGEST, "placement", "hip", "rangeG", 8))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(409);
        Tokens.asAdmin().get("/api/v1/devices/" + SecureBroker.INGEST).then().statusCode(404);
    }

    private Registered register() {
        String patient = Registry.newPatient();
        String deviceId = "dev-" + UUID.randomUUID().toString().substring(0, 12);
        JsonPath body = Tokens.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("deviceId", deviceId, "placement", "hip", "rangeG", 8, "model", "test-imu"))
                .post("/api/v1/patients/" + patient + "/devices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Registered(deviceId, body.getString("mqtt.username"), body.getString("mqtt.password"));
    }

    private void forge(Registered as, String topic, byte[] payload) throws MqttException {
        forge(as.username(), as.password(), topic, payload);
    }

    private void forge(String username, String password, String topic, byte[] payload) throws MqttException {
        MqttClient c = connect(username, password);
        c.setTimeToWait(5_000);
        try {
            c.publish(topic, payload, 1, false);
        } catch (MqttException e) {
            // Disconnected by the broker for it.
        }
    }

    private DeviceClient device(Registered r) throws MqttException {
        DeviceClient c =
                new DeviceClient(SecureBrokerResource.broker().uri(), r.deviceId(), r.username(), r.password());
        open.add(c);
        return c;
    }

    private MqttClient connect(String username, String password) throws MqttException {
        MqttClient c =
                new MqttClient(SecureBrokerResource.broker().uri(), "t-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        if (username != null) {
            o.setUserName(username);
            o.setPassword(password.toCharArray());
        }
        c.connect(o);
        open.add(() -> {
            if (c.isConnected()) {
                c.disconnectForcibly(0, 1000);
            }
            c.close();
        });
        return c;
    }

    /** The operator's admin account sees every topic: the witness of what the broker let through. */
    private Observer observe(String filter) throws MqttException {
        SecureBroker broker = SecureBrokerResource.broker();
        Observer o = new Observer();
        MqttClient c = connect(SecureBroker.ADMIN, broker.adminPassword);
        assertThat(c.subscribeWithResponse(filter, 1, (t, m) -> o.topics.add(t)).getGrantedQos())
                .containsExactly(1);
        return o;
    }

    static final class Observer {
        final List<String> topics = new CopyOnWriteArrayList<>();
    }

    private static Instant start() {
        return TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    }
}
