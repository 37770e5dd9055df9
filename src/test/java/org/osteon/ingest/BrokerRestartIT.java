package org.osteon.ingest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osteon.support.NoLossRun;
import org.osteon.support.PackagedStackTest;
import org.osteon.support.StoredTotals;

/** The broker is restarted mid-stream; the service reconnects on its own and nothing is lost. */
class BrokerRestartIT extends PackagedStackTest {
    @Override
    protected String stackName() {
        return "broker";
    }

    @Test
    void serviceRecoversFromABrokerRestartWithoutLosingABatch() throws Exception {
        try (NoLossRun run = new NoLossRun(service.baseUri(), broker.uri(), 20, 300)) {
            run.startPublishing(Duration.ofMillis(10));
            run.awaitReceiptShare(0.3, Duration.ofSeconds(60));
            broker.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> !service.ready());
            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(service::ready);

            run.awaitPublished(Duration.ofSeconds(120));
            run.resendUntilAllReceipted(Duration.ofSeconds(120));
            StoredTotals.assertExactlyOnce(db, run);
        }
    }

    /**
     * Devices that forget a batch as soon as the broker PUBACKed it (QoS 1 alone, no receipts, no
     * re-sending) keep publishing through a graceful broker restart. They are back on the broker
     * before Osteon is: whatever they publish then must wait in Osteon's session, as everything
     * the broker had queued before the restart must survive it.
     */
    @Test
    void aBrokerRestartLosesNothingTheBrokerAcknowledgedToDevicesThatNeverResend() throws Exception {
        try (NoLossRun run = new NoLossRun(service.baseUri(), broker.uri(), 5, 2000)) {
            run.startPublishing(Duration.ofMillis(5));
            run.awaitReceiptShare(0.1, Duration.ofSeconds(60));
            broker.stop();
            // The broker stays away until Osteon's reconnect back-off has grown to seconds, as it
            // does in any restart that takes a few seconds; the devices then come back first.
            await().atMost(Duration.ofSeconds(30)).until(() -> reconnectBackoffReached("2000 ms"));
            broker.start();
            run.reconnectDevicesNow(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(60)).until(service::ready);

            run.awaitPublished(Duration.ofSeconds(120));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> StoredTotals.assertEveryAcknowledgedStoredOnce(db, run));
        }
    }

    private boolean reconnectBackoffReached(String backoff) throws IOException {
        return Files.readAllLines(service.log()).stream()
                .anyMatch(l -> l.contains("MQTT osteon-broker-test could not connect")
                        && l.contains("retrying in " + backoff));
    }
}
