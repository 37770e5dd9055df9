package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.osteon.common.Jdbc;
import org.osteon.support.Batches;
import org.osteon.support.DeviceClient;
import org.osteon.support.Registry;
import org.osteon.support.TestClock;

/**
 * A topic with a 4-byte UTF-8 character, which Paho 1.2.5's receive thread cannot read, over the
 * machine's real Mosquitto: it must neither kill the receiving connection nor hold back a device.
 */
@QuarkusTest
class TopicCharactersTest {
    @Inject
    MqttIngestClient ingest;

    @Inject
    Jdbc jdbc;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dev\uD83D\uDE00", "dev\u2764\uFE0F", "dev\uFF01"})
    void aTopicPahoCannotReadIsCountedAndAcknowledgedAndTheReceiverLivesOn(String id) throws Exception {
        // The test profile's session is clean: a message sent before ingest subscribed is not kept for it.
        await().atMost(Duration.ofSeconds(20)).until(ingest::isConnected);
        long lossesBefore = ingest.recentConnectionLosses();
        long invalidBefore = invalidIdMessages();
        // The topic's bytes from printf, so that the machine's locale cannot change them.
        String octal = new String(
                        id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.ISO_8859_1)
                .chars()
                .mapToObj(c -> c < 0x80 ? String.valueOf((char) c) : String.format("\\%03o", c))
                .collect(java.util.stream.Collectors.joining());
        Process pub = new ProcessBuilder(
                        "sh",
                        "-c",
                        "mosquitto_pub -h 127.0.0.1 -p 1883 -q 1 -t \"$(printf '" + DeviceClient.ROOT + "/" + octal
                                + "/accel')\" -m '{}'")
                .redirectErrorStream(true)
                .start();
        assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue())
                .as(new String(pub.getInputStream().readAllBytes()))
                .isZero();

        String deviceId = Registry.newDevice(Registry.newPatient(), 8);
        try (DeviceClient device = new DeviceClient("tcp://127.0.0.1:1883", deviceId)) {
            device.publishAccel(Batches.accelJson(
                    1, TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS), 50, 10));
            JsonNode r = await().atMost(Duration.ofSeconds(20)).until(() -> device.receipt("accel", 1), x -> x != null);
            assertThat(r.path("status").asText()).isEqualTo("accepted");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> invalidIdMessages() == invalidBefore + 1);
        // Acknowledged, so not re-delivered, and the receiving connection was never lost over it.
        assertThat(ingest.recentConnectionLosses()).isEqualTo(lossesBefore);
        assertThat(ingest.isConnected()).isTrue();
    }

    private long invalidIdMessages() {
        return jdbc.count(
                "select coalesce(max(messages), 0) from ingest_unregistered where device_id = ?", DeviceIds.INVALID);
    }
}
