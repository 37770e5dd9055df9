package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osteon.support.NoLossRun;
import org.osteon.support.PackagedStackTest;
import org.osteon.support.StoredTotals;

/**
 * The packaged service is killed with SIGKILL while devices stream into it, then started again
 * under the same MQTT client id. Nothing it acknowledged may be missing, nothing may be stored
 * twice. Runs against the project's broker configuration and the machine's PostgreSQL.
 */
class ServiceKillIT extends PackagedStackTest {
    @Override
    protected String stackName() {
        return "kill";
    }

    @Test
    void devicesThatReSendWithoutReceiptLoseNothingWhenTheServiceIsKilled() throws Exception {
        try (NoLossRun run = new NoLossRun(service.baseUri(), broker.uri(), 20, 300)) {
            run.startPublishing(Duration.ofMillis(10));
            run.awaitReceiptShare(0.3, Duration.ofSeconds(60));
            service.kill();
            assertThat(run.missingReceipts()).as("killed mid-stream").isPositive();
            service.start();

            run.awaitPublished(Duration.ofSeconds(120));
            run.resendUntilAllReceipted(Duration.ofSeconds(120));
            StoredTotals.assertExactlyOnce(db, run);
        }
    }

    @Test
    void devicesThatRelyOnQos1AloneLoseNothingWhenTheServiceIsKilledTwice() throws Exception {
        try (NoLossRun run = new NoLossRun(service.baseUri(), broker.uri(), 20, 300)) {
            run.startPublishing(Duration.ofMillis(10));
            run.awaitReceiptShare(0.25, Duration.ofSeconds(60));
            service.kill();
            service.start();
            run.awaitReceiptShare(0.6, Duration.ofSeconds(120));
            service.kill();
            assertThat(run.missingReceipts()).as("killed mid-stream").isPositive();
            service.start();

            run.awaitPublished(Duration.ofSeconds(120));
            // No re-sends: the broker re-delivers what the killed service had not acknowledged.
            await().atMost(Duration.ofSeconds(120)).until(() -> StoredTotals.storedBatches(db) >= run.total());
            StoredTotals.assertExactlyOnce(db, run);
        }
    }
}
