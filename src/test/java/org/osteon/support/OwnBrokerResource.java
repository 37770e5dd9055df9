package org.osteon.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;

/**
 * A Mosquitto of the test class's own (the project's anonymous configuration), for tests that
 * read receipts: on the machine's shared broker, Osteon instances of other test runs take a
 * copy of every batch through their own shared-subscription group and answer it too.
 */
public class OwnBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static volatile MosquittoProcess broker;

    public static String uri() {
        return broker.uri();
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = new MosquittoProcess();
            return Map.of("osteon.ingest.broker-uri", broker.uri());
        } catch (IOException e) {
            throw new IllegalStateException("broker did not start", e);
        }
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
