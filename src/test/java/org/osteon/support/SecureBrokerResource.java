package org.osteon.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the application of a {@code @QuarkusTest} against a {@link SecureBroker} of the test's own. */
public class SecureBrokerResource implements QuarkusTestResourceLifecycleManager {
    private static volatile SecureBroker broker;

    /** The broker of the running test class. */
    public static SecureBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            broker = new SecureBroker();
            return broker.osteonConfig();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("secure broker did not start", e);
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
