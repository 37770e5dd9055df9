package org.osteon.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.osteon.ingest.MqttLink;

/**
 * One MQTT connection shared by several simulated devices: a phone gateway or a test rig carries
 * many wearables, and the device contract is about topics, not connections. It subscribes to the
 * receipts topic of each of its devices and hands receipts to {@link Listener}.
 *
 * <p>The connection is an {@link MqttLink}, the one ingest uses: it replaces a lost connection with
 * a fresh Paho client and then tells the listener, whose devices re-send every batch still without
 * a receipt. The session is clean: receipts the broker held for a lost connection are not needed,
 * since re-sent batches are answered again (as duplicates).
 */
final class GatewayConnection implements Publisher, AutoCloseable {
    static final String ROOT = "osteon/v1/devices/";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    /** Receives what arrives on a connection. */
    interface Listener {
        void receipt(String deviceId, byte[] payload);

        /** The connection is up again after a loss; batches sent before may never have arrived. */
        void reconnected();
    }

    private final int maxInflight;
    private final Listener listener;
    private final Set<String> receiptTopics = ConcurrentHashMap.newKeySet();
    private final MqttLink link;
    private volatile Window window;

    /** A connection with the semaphore that bounds its in-flight publishes. */
    private record Window(MqttAsyncClient client, Semaphore inflight) {}

    GatewayConnection(String brokerUri, String clientId, int maxInflight, Listener listener) {
        this.maxInflight = maxInflight;
        this.listener = listener;
        this.link = new MqttLink(brokerUri, clientId, this::options, false, MAX_BACKOFF, new MqttLink.Session() {
            @Override
            public void opened(MqttAsyncClient connection) throws MqttException {
                subscribe(connection);
            }

            @Override
            public void reconnected() {
                listener.reconnected();
            }

            @Override
            public void messageArrived(MqttAsyncClient connection, String topic, MqttMessage message) {
                String deviceId = topic.substring(ROOT.length(), topic.lastIndexOf('/'));
                listener.receipt(deviceId, message.getPayload());
            }
        });
    }

    /** Subscribed to on every connection; call before {@link #connect}. */
    void attach(String deviceId) {
        receiptTopics.add(ROOT + deviceId + "/receipts");
    }

    /** Connects and subscribes, retrying until {@code timeoutMillis} has passed. */
    void connect(long timeoutMillis) throws MqttException, InterruptedException {
        link.start();
        link.awaitConnected(Duration.ofMillis(timeoutMillis));
    }

    /** Waits up to a second for room in the in-flight window; false at once when the connection is down. */
    @Override
    public boolean publish(String deviceId, String stream, byte[] payload) throws InterruptedException {
        Window w = window;
        if (w == null || !w.client().isConnected() || !w.inflight().tryAcquire(1, TimeUnit.SECONDS)) {
            return false;
        }
        try {
            w.client().publish(ROOT + deviceId + "/" + stream, payload, 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    w.inflight().release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    w.inflight().release();
                }
            });
            return true;
        } catch (MqttException e) {
            w.inflight().release();
            return false;
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setMaxInflight(maxInflight);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        return o;
    }

    /** Receipts topics first: the contract asks devices to subscribe before publishing. */
    private void subscribe(MqttAsyncClient connection) throws MqttException {
        List<String> topics = List.copyOf(receiptTopics);
        connection
                .subscribe(
                        topics.toArray(String[]::new),
                        topics.stream().mapToInt(t -> 1).toArray())
                .waitForCompletion(15_000);
        window = new Window(connection, new Semaphore(maxInflight));
    }

    @Override
    public void close() {
        link.close();
    }
}
