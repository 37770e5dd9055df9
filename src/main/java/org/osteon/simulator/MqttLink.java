package org.osteon.simulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.logging.Logger;

/**
 * One MQTT connection shared by several simulated devices: a phone gateway or a test rig carries
 * many wearables, and the device contract is about topics, not connections. It subscribes to the
 * receipts topic of each of its devices and hands receipts to {@link Listener}.
 *
 * <p>Each connection is a fresh Paho client: Paho 1.2.5's automatic reconnect can hang when the
 * broker goes away under load (see MqttIngestClient), so the link reconnects itself and then tells
 * the listener, whose devices re-send every batch still without a receipt. The session is clean:
 * receipts the broker held for a lost connection are not needed, since re-sent batches are answered
 * again (as duplicates).
 */
final class MqttLink implements Publisher, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MqttLink.class);
    static final String ROOT = "osteon/v1/devices/";

    /** Receives what arrives on a link. */
    interface Listener {
        void receipt(String deviceId, byte[] payload);

        /** The link is connected again after a loss; batches sent before may never have arrived. */
        void reconnected();
    }

    private final String brokerUri;
    private final String clientId;
    private final int maxInflight;
    private final Listener listener;
    private final Set<String> receiptTopics = ConcurrentHashMap.newKeySet();
    private final ExecutorService connector;
    private volatile Connection current;
    private volatile boolean closing;

    /** A client with the semaphore that bounds its in-flight publishes. */
    private record Connection(MqttAsyncClient client, Semaphore inflight) {}

    MqttLink(String brokerUri, String clientId, int maxInflight, Listener listener) {
        this.brokerUri = brokerUri;
        this.clientId = clientId;
        this.maxInflight = maxInflight;
        this.listener = listener;
        this.connector = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sim-connect-" + clientId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Subscribed to on every connection; call before {@link #connect}. */
    void attach(String deviceId) {
        receiptTopics.add(ROOT + deviceId + "/receipts");
    }

    /** Connects and subscribes, retrying until {@code timeoutMillis} has passed. */
    void connect(long timeoutMillis) throws MqttException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            try {
                current = open();
                return;
            } catch (MqttException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Connecting %s to %s failed (%s); retrying", clientId, brokerUri, e.getMessage());
                Thread.sleep(500);
            }
        }
    }

    /** Waits up to a second for room in the in-flight window; false at once when the link is down. */
    @Override
    public boolean publish(String deviceId, String stream, byte[] payload) throws InterruptedException {
        Connection c = current;
        if (c == null || !c.client().isConnected() || !c.inflight().tryAcquire(1, TimeUnit.SECONDS)) {
            return false;
        }
        try {
            c.client().publish(ROOT + deviceId + "/" + stream, payload, 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    c.inflight().release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    c.inflight().release();
                }
            });
            return true;
        } catch (MqttException e) {
            c.inflight().release();
            return false;
        }
    }

    private Connection open() throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        Connection c = new Connection(client, new Semaphore(maxInflight));
        client.setCallback(new Callback(c));
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setMaxInflight(maxInflight);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        try {
            client.connect(o).waitForCompletion(15_000);
            // Receipts topics first: the contract asks devices to subscribe before publishing.
            List<String> topics = List.copyOf(receiptTopics);
            client.subscribe(topics.toArray(String[]::new), topics.stream().mapToInt(t -> 1).toArray())
                    .waitForCompletion(15_000);
            return c;
        } catch (MqttException e) {
            closeQuietly(client);
            throw e;
        }
    }

    private void reconnect(Connection lost) {
        closeQuietly(lost.client());
        long backoff = 250;
        while (!closing) {
            try {
                current = open();
                LOG.infof("%s reconnected to %s", clientId, brokerUri);
                listener.reconnected();
                return;
            } catch (MqttException e) {
                LOG.debugf("%s reconnect failed (%s)", clientId, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(2_000, backoff * 2);
            }
        }
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debugf("closing a lost MQTT client: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        Connection c = current;
        if (c != null) {
            try {
                if (c.client().isConnected()) {
                    c.client().disconnect(1_000).waitForCompletion(2_000);
                }
            } catch (MqttException e) {
                LOG.debugf("disconnecting %s: %s", clientId, e.getMessage());
            }
            closeQuietly(c.client());
        }
    }

    /** Callbacks of one connection. */
    private final class Callback implements MqttCallback {
        private final Connection connection;

        Callback(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warnf("%s lost its connection (%s); reconnecting", clientId, cause == null ? "-" : cause.getMessage());
            if (!closing) {
                connector.execute(() -> reconnect(connection));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String deviceId = topic.substring(ROOT.length(), topic.lastIndexOf('/'));
            listener.receipt(deviceId, message.getPayload());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Delivery to the broker is not what counts: only a receipt releases a batch.
        }
    }
}
