package org.osteon.ingest;

import static org.awaitility.Awaitility.await;

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
}
