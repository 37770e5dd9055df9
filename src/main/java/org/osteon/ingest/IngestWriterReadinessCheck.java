package org.osteon.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the ingest writer makes no progress: connected to the broker and to the
 * database, Osteon would otherwise look healthy while no device's batch is stored or acknowledged.
 */
@Readiness
@ApplicationScoped
public class IngestWriterReadinessCheck implements HealthCheck {
    private final MqttIngestClient client;

    public IngestWriterReadinessCheck(MqttIngestClient client) {
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = !client.isEnabled() || !client.writerStalled();
        return HealthCheckResponse.named("ingest-writer").status(up).build();
    }
}
