package org.osteon.ingest;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osteon.support.MosquittoProcess;
import org.osteon.support.NoLossRun;
import org.osteon.support.Ports;
import org.osteon.support.ServiceProcess;
import org.osteon.support.StoredTotals;
import org.osteon.support.TestDatabase;

/**
 * PostgreSQL is stopped mid-stream and started again. The machine's server is shared, so this
 * test runs a real PostgreSQL of its own (embedded binaries) on its own port and data folder.
 */
class DatabaseRestartIT {
    MosquittoProcess broker;
    EmbeddedPostgres postgres;
    Path dataDir;
    int port;
    TestDatabase db;
    ServiceProcess service;

    @BeforeEach
    void start() throws Exception {
        broker = new MosquittoProcess();
        port = Ports.free();
        dataDir = Files.createTempDirectory("osteon-pg");
        startPostgres();
        db = new TestDatabase("jdbc:postgresql://127.0.0.1:" + port, "osteon_pg", "postgres", "");
        service = new ServiceProcess(Map.of(
                        "quarkus.datasource.jdbc.url", db.url(),
                        "quarkus.datasource.username", db.user(),
                        "osteon.ingest.broker-uri", broker.uri(),
                        "osteon.ingest.client-id", "osteon-db-test"))
                .start();
    }

    private void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        service.close();
        broker.close();
        postgres.close();
    }

    @Test
    void serviceRecoversFromADatabaseRestartWithoutLosingABatch() throws Exception {
        try (NoLossRun run = new NoLossRun(service.baseUri(), broker.uri(), 20, 300)) {
            run.startPublishing(Duration.ofMillis(10));
            run.awaitReceiptShare(0.3, Duration.ofSeconds(60));
            postgres.close();
            startPostgres();

            run.awaitPublished(Duration.ofSeconds(120));
            // Relying on QoS 1 alone: what could not be committed was never acknowledged.
            await().atMost(Duration.ofSeconds(120)).until(() -> StoredTotals.storedBatches(db) >= run.total());
            StoredTotals.assertExactlyOnce(db, run);
        }
    }
}
