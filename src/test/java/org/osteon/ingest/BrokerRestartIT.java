package org.osteon.ingest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osteon.support.MosquittoProcess;
import org.osteon.support.NoLossRun;
import org.osteon.support.PackagedStack;
import org.osteon.support.ServiceProcess;
import org.osteon.support.StoredTotals;
import org.osteon.support.TestDatabase;

/** The broker is restarted mid-stream; the service reconnects on its own and nothing is lost. */
class BrokerRestartIT {
    PackagedStack stack;
    MosquittoProcess broker;
    TestDatabase db;
    ServiceProcess service;

    @BeforeEach
    void start() throws Exception {
        stack = PackagedStack.start("broker");
        broker = stack.broker;
        db = stack.db;
        service = stack.service;
    }

    @AfterEach
    void stop() throws Exception {
        stack.close();
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
