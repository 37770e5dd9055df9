package org.osteon.simulator;

/** Where a simulated device hands its batches: an MQTT connection, or a recorder in tests. */
interface Publisher {

    /**
     * Publishes a batch with QoS 1; false when it could not be handed over now. The device keeps the
     * batch either way until a receipt names it.
     */
    boolean publish(String deviceId, String stream, byte[] payload) throws InterruptedException;
}
