package org.osteon.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A wearable as the device contract describes it, for tests: publishes batches with QoS 1 and
 * collects the receipts Osteon sends back, keyed by stream and seq.
 */
public final class DeviceClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The service's topic root: the test profile gives each run its own. */
    public static final String ROOT = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("osteon.ingest.topic-root", String.class)
            .orElse("osteon/v1/devices");

    private final MqttAsyncClient client;
    private final String deviceId;
    private final List<JsonNode> receipts = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> lastReceipt = new ConcurrentHashMap<>();
    private final Set<String> receiptTopics = ConcurrentHashMap.newKeySet();

    public DeviceClient(String brokerUri, String deviceId) throws MqttException {
        this(brokerUri, deviceId, "dev-" + deviceId + "-" + System.nanoTime(), true);
    }

    public DeviceClient(String brokerUri, String deviceId, String clientId, boolean cleanSession) throws MqttException {
        this(brokerUri, deviceId, clientId, cleanSession, null, null);
    }

    /** A device logging in with the broker credentials Osteon issued at registration. */
    public DeviceClient(String brokerUri, String deviceId, String username, String password) throws MqttException {
        this(brokerUri, deviceId, "dev-" + deviceId + "-" + System.nanoTime(), true, username, password);
    }

    private DeviceClient(
            String brokerUri, String deviceId, String clientId, boolean cleanSession, String username, String password)
            throws MqttException {
        this.deviceId = deviceId;
        client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(cleanSession);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(10_000);
        if (username != null) {
            o.setUserName(username);
            o.setPassword(password.toCharArray());
        }
        String receiptsTopic = ROOT + "/" + deviceId + "/receipts";
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        client.subscribe(receiptsTopic, 1);
                    } catch (MqttException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) throws IOException {
                JsonNode r = JSON.readTree(message.getPayload());
                receipts.add(r);
                lastReceipt.put(r.path("stream").asText() + "/" + r.path("seq").asText(), r);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
        });
        client.connect(o).waitForCompletion(10_000);
        client.subscribe(receiptsTopic, 1).waitForCompletion(10_000);
    }

    /**
     * Publishes without waiting for the broker's acknowledgement, at most {@code inFlight.availablePermits()}
     * at a time; retries while the client is disconnected.
     */
    public void publishAsync(String stream, byte[] payload, Semaphore inFlight) throws InterruptedException {
        publishAsync(stream, payload, inFlight, () -> {});
    }

    /**
     * As {@link #publishAsync(String, byte[], Semaphore)}; {@code acknowledged} runs when the broker
     * PUBACKs the message, which is when a device may forget the batch.
     */
    public void publishAsync(String stream, byte[] payload, Semaphore inFlight, Runnable acknowledged)
            throws InterruptedException {
        inFlight.acquire();
        while (true) {
            try {
                client.publish(
                        ROOT + "/" + deviceId + "/" + stream, payload, 1, false, null, new IMqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken token) {
                                acknowledged.run();
                                inFlight.release();
                            }

                            @Override
                            public void onFailure(IMqttToken token, Throwable e) {
                                inFlight.release();
                            }
                        });
                return;
            } catch (MqttException e) {
                // Not connected or too many in flight: wait for the client to recover.
                org.awaitility.Awaitility.await()
                        .pollDelay(java.time.Duration.ofMillis(50))
                        .atMost(java.time.Duration.ofSeconds(60))
                        .until(client::isConnected);
            }
        }
    }

    /**
     * Reconnects at once instead of after Paho's back-off, as a device does that sees its network
     * come back; does nothing while connected or while a reconnect is already under way.
     */
    public void reconnectNow() {
        if (client.isConnected()) {
            return;
        }
        try {
            client.reconnect();
        } catch (MqttException e) {
            // Already connecting: the attempt under way does the same.
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /** Whether a receipt (of any status) arrived for this stream and seq. */
    public boolean hasReceipt(String stream, long seq) {
        return lastReceipt.containsKey(stream + "/" + seq);
    }

    public String deviceId() {
        return deviceId;
    }

    public void publishAccel(byte[] payload) throws MqttException {
        publish("accel", payload);
    }

    public void publishLoad(byte[] payload) throws MqttException {
        publish("load", payload);
    }

    public void publish(String stream, byte[] payload) throws MqttException {
        publishAs(deviceId, stream, payload);
    }

    /** Publishes under another device's topic, as a misbehaving device would. */
    public void publishAs(String topicDeviceId, String stream, byte[] payload) throws MqttException {
        client.publish(ROOT + "/" + topicDeviceId + "/" + stream, payload, 1, false)
                .waitForCompletion(10_000);
    }

    /** The newest receipt for a stream and seq ("null" for a receipt without seq), or null. */
    public JsonNode receipt(String stream, Object seq) {
        return lastReceipt.get(stream + "/" + seq);
    }

    public List<JsonNode> receipts() {
        return List.copyOf(receipts);
    }

    public int receiptCount() {
        return receipts.size();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
