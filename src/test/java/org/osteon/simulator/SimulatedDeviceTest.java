package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The device side of the contract, against a publisher that records what it is handed. */
class SimulatedDeviceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    static final int RATE = 10;

    /** Records each batch as "stream:seq"; refuses everything while down. */
    static final class Recorder implements Publisher {
        final List<String> sent = new ArrayList<>();
        final List<JsonNode> payloads = new ArrayList<>();
        boolean down;

        @Override
        public boolean publish(String deviceId, String stream, byte[] payload) {
            if (down) {
                return false;
            }
            try {
                JsonNode p = JSON.readTree(payload);
                sent.add(stream + ":" + p.path("seq").asLong());
                payloads.add(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }
    }

    /** 20 s sitting, offline in seconds 5–11, an insole event at second 8. */
    static SimulatedDevice device() {
        DayPlan plan = new DayPlan(
                START,
                List.of(new Segment(Activity.SITTING, 0, 20, 0)),
                List.of(new DayPlan.Offline(5, 7)),
                List.of(new LoadEvent.Grf(8, 2.5, 30)));
        return new SimulatedDevice("dev-1", RATE, 1, new BatchEncoder(PayloadFormat.JSON, 16), List.of(plan));
    }

    static byte[] receipt(String stream, long seq, String status) {
        return ("{\"stream\":\"" + stream + "\",\"seq\":" + seq + ",\"status\":\"" + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void afterAnOfflinePeriodTheFirstNewSecondGoesBeforeTheBufferedBatches() throws Exception {
        Recorder link = new Recorder();
        SimulatedDevice device = device();
        for (int s = 0; s < 20; s++) {
            device.advance(START.plusSeconds(s), link);
        }
        device.finish(link);

        assertThat(link.sent)
                .containsExactly(
                        "accel:0",
                        "accel:1",
                        "accel:2",
                        "accel:3",
                        "accel:4",
                        "accel:6",
                        "load:0",
                        "accel:5",
                        "accel:7",
                        "accel:8",
                        "accel:9",
                        "accel:10",
                        "accel:11",
                        "accel:12",
                        "accel:13");
        JsonNode bulk = link.payloads.get(7);
        assertThat(bulk.path("start").asText()).isEqualTo(START.plusSeconds(5).toString());
        assertThat(bulk.path("x").size()).isEqualTo(7 * RATE);
        assertThat(link.payloads.get(5).path("start").asText())
                .isEqualTo(START.plusSeconds(12).toString());
        assertThat(device.report().accelSamples()).isEqualTo(20 * RATE);
    }

    @Test
    void batchesAreKeptUntilAReceiptAndResentAfterTheTimeoutOrAReconnect() throws Exception {
        Recorder link = new Recorder();
        SimulatedDevice device = device();
        for (int s = 0; s < 3; s++) {
            device.advance(START.plusSeconds(s), link);
        }
        device.receipt(receipt("accel", 0, "accepted"));
        long timeout = TimeUnit.SECONDS.toNanos(30);

        device.resendDue(link, System.nanoTime(), timeout);
        assertThat(link.sent).as("nothing is due yet").hasSize(3);
        device.resendDue(link, System.nanoTime() + 2 * timeout, timeout);
        assertThat(link.sent.subList(3, link.sent.size())).containsExactlyInAnyOrder("accel:1", "accel:2");
        device.markAllDue();
        device.resendDue(link, System.nanoTime(), timeout);
        assertThat(link.sent).hasSize(7);

        device.receipt(receipt("accel", 1, "duplicate"));
        device.receipt(receipt("accel", 2, "rejected"));
        DeviceReport r = device.report();
        assertThat(r.unreceipted()).isZero();
        assertThat(r.acceptedExactlyOnce()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.resends()).isEqualTo(4);
    }

    @Test
    void aBatchThatCouldNotBeHandedOverIsSentOnTheNextPass() throws Exception {
        Recorder link = new Recorder();
        SimulatedDevice device = device();
        link.down = true;
        device.advance(START, link);
        assertThat(link.sent).isEmpty();
        assertThat(device.unreceipted()).isEqualTo(1);

        link.down = false;
        device.resendDue(link, System.nanoTime(), TimeUnit.SECONDS.toNanos(30));
        assertThat(link.sent).containsExactly("accel:0");
    }
}
