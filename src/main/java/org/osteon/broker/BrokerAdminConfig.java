package org.osteon.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-device broker credentials, issued through Mosquitto's dynamic-security plugin
 * ({@code $CONTROL/dynamic-security/v1}). Off by default: the local demo broker takes anonymous
 * clients. A deployment turns it on together with the secure broker configuration
 * (deploy/mosquitto/mosquitto-secure.conf and deploy/mosquitto/dynsec-setup.sh).
 */
@ConfigMapping(prefix = "osteon.broker-admin")
public interface BrokerAdminConfig {

    /** Issue credentials at registration and remove them at revocation. */
    @WithDefault("false")
    boolean enabled();

    /** Broker URI for provisioning; defaults to {@code osteon.ingest.broker-uri}. */
    Optional<String> brokerUri();

    /**
     * Osteon's provisioning account. It is separate from the ingest account: it may only use the
     * dynamic-security API and reads or writes no device topic, and it is connected only while a
     * device is registered or revoked.
     */
    @WithDefault("osteon-provisioner")
    String username();

    /** Password of the provisioning account; required when {@link #enabled()}. */
    Optional<String> password();

    /** How long to wait for the broker to answer a provisioning request. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Prefix of the per-device role that holds a device's four topic grants. */
    @WithDefault("osteon-device-")
    String rolePrefix();

    /** Bytes of randomness in a generated device password (encoded as URL-safe base64). */
    @WithDefault("24")
    int passwordBytes();
}
