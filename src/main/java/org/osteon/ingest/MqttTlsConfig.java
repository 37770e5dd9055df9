package org.osteon.ingest;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** TLS towards the broker, for {@code ssl://} broker URIs (ingest and provisioning alike). */
@ConfigMapping(prefix = "osteon.mqtt-tls")
public interface MqttTlsConfig {

    /**
     * PEM file with the CA certificate(s) that signed the broker's certificate. Without it an
     * {@code ssl://} URI is checked against the JVM's default trust store. The broker's host
     * name is always verified against its certificate.
     */
    Optional<Path> caFile();
}
