package org.osteon.simulator;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.osteon.support.MosquittoProcess;

/**
 * A Mosquitto of the simulator tests' own, which they may restart; the in-process service connects
 * to it instead of the machine's broker.
 */
public final class SimulatorBroker implements QuarkusTestResourceLifecycleManager {
    private static MosquittoProcess broker;

    static MosquittoProcess broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = new MosquittoProcess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The broker is this test's own, so the simulator's standard topics can be used.
        return Map.of("osteon.ingest.broker-uri", broker.uri(), "osteon.ingest.topic-root", "osteon/v1/devices");
    }

    @Override
    public void stop() {
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
