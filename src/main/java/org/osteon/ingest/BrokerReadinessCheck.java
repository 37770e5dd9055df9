package org.osteon.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while ingest is cut off from the broker. */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {
    private final MqttIngestClient client;

    public BrokerReadinessCheck(MqttIngestClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = !client.isEnabled() || client.isConnected();
        return HealthCheckResponse.named("mqtt-broker").status(up).withData("enabled", client.isEnabled()).build();
    }
}
