package org.osteon.ingest;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.logging.Logger;
import org.osteon.common.Text;

/**
 * One MQTT connection that stays up: connects in the background, and replaces a lost
 * connection with a fresh Paho client. (Paho 1.2.5's automatic reconnect can hang for ever in
 * {@code CommsSender.start} when a connection drops under load; seen here with a broker
 * restart mid-stream.)
 */
final class MqttLink {
    private static final Logger LOG = Logger.getLogger(MqttLink.class);

    /** Receives the messages of one connection; the client is the one it arrived on. */
    interface Handler {
        void messageArrived(MqttAsyncClient connection, String topic, MqttMessage message) throws Exception;
    }

    private final String brokerUri;
    private final String clientId;
    private final Supplier<MqttConnectOptions> options;
    private final Consumer<MqttAsyncClient> onConnected;
    private final Handler handler;
    private final ExecutorService connector;
    private volatile MqttAsyncClient client;
    private volatile boolean closing;
    private final ConnectionLosses losses = new ConnectionLosses(System::nanoTime);

    MqttLink(String brokerUri, String clientId, Supplier<MqttConnectOptions> options,
            Consumer<MqttAsyncClient> onConnected, Handler handler) {
        this.brokerUri = brokerUri;
        this.clientId = clientId;
        this.options = options;
        this.onConnected = onConnected;
        this.handler = handler;
        this.connector = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osteon-mqtt-connect-" + clientId);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        connector.execute(this::connectUntilConnected);
    }

    /** The current connection, or null before the first one. */
    MqttAsyncClient client() {
        return client;
    }

    boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** Connections lost since start. */
    long losses() {
        return losses.total();
    }

    /** How many connections were lost within {@code window} (see {@link ConnectionLosses}). */
    int lostRecently(Duration window) {
        return losses.within(window);
    }

    void close() {
        closing = true;
        connector.shutdownNow();
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2_000).waitForCompletion(3_000);
                }
                c.close(true);
            } catch (MqttException e) {
                LOG.debugf("MQTT disconnect of %s at shutdown: %s", clientId, e.getMessage());
            }
        }
    }

    private void connectUntilConnected() {
        long backoff = 250;
        while (!closing) {
            MqttAsyncClient next = null;
            try {
                next = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
                next.setManualAcks(true);
                next.setCallback(new Callback(next));
                next.connect(options.get()).waitForCompletion(15_000);
                client = next;
                onConnected.accept(next);
                LOG.infof("MQTT %s connected to %s", clientId, brokerUri);
                return;
            } catch (MqttException e) {
                closeQuietly(next);
                LOG.warnf("MQTT %s could not connect to %s (%s); retrying in %d ms", clientId, brokerUri,
                        e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private final class Callback implements MqttCallback {
        private final MqttAsyncClient connection;

        Callback(MqttAsyncClient connection) {
            this.connection = connection;
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warnf("MQTT %s lost its connection (%s); reconnecting", clientId,
                    cause == null ? "no cause" : Text.printable(String.valueOf(cause.getMessage()), 200));
            losses.lost();
            if (!closing) {
                connector.execute(() -> {
                    closeQuietly(connection);
                    connectUntilConnected();
                });
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            handler.messageArrived(connection, topic, message);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Publishers that need to know use their own action listeners.
        }
    }

    static void closeQuietly(MqttAsyncClient c) {
        if (c == null) {
            return;
        }
        try {
            c.disconnectForcibly(0, 1_000);
        } catch (MqttException | RuntimeException e) {
            LOG.tracef("Closing a lost MQTT connection: %s", e.getMessage());
        }
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.tracef("Closing a lost MQTT connection: %s", e.getMessage());
        }
    }
}
