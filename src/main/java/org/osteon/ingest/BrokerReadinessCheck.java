package org.osteon.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while ingest is cut off from the broker, or while its receiving connection keeps
 * being lost (it is then connected most of the time, yet receives next to nothing).
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {
    private final MqttIngestClient client;

    public BrokerReadinessCheck(MqttIngestClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        int losses = client.recentConnectionLosses();
        boolean up = !client.isEnabled() || (client.isConnected() && losses < MqttIngestClient.FLAPPING_LOSSES);
        return HealthCheckResponse.named("mqtt-broker")
                .status(up)
                .withData("enabled", client.isEnabled())
                .withData("connectionLossesLast3Minutes", losses)
                .build();
    }
}
