package org.osteon.ingest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 * connection with a fresh Paho client, retrying with a doubling back-off. (Paho 1.2.5's automatic
 * reconnect can hang for ever in {@code CommsSender.start} when a connection drops under load; seen
 * here with a broker restart mid-stream.) Ingest's two connections and each simulated gateway's
 * connection are links; what each does with a connection is its {@link Session}.
 */
public final class MqttLink {
    private static final Logger LOG = Logger.getLogger(MqttLink.class);
    private static final long FIRST_BACKOFF_MILLIS = 250;

    /** What a link's user does with its connections; every method has a do-nothing default. */
    public interface Session {
        /**
         * A new connection, before the link offers it as {@link #client()}: subscribe here. Throwing
         * fails this attempt; the link closes the connection and tries again after its back-off.
         */
        default void opened(MqttAsyncClient connection) throws MqttException {}

        /** A new connection replaced a lost one; what was sent on the lost one may never have arrived. */
        default void reconnected() {}

        /** A message arrived on {@code connection}, the one to acknowledge it on. */
        default void messageArrived(MqttAsyncClient connection, String topic, MqttMessage message) throws Exception {}
    }

    private final String brokerUri;
    private final String clientId;
    private final Supplier<MqttConnectOptions> options;
    private final boolean manualAcks;
    private final long maxBackoffMillis;
    private final Session session;
    private final ExecutorService connector;
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private volatile MqttAsyncClient client;
    private volatile MqttException lastFailure;
    private volatile boolean closing;
    private final ConnectionLosses losses = new ConnectionLosses(System::nanoTime);

    /**
     * @param options asked afresh for every connection
     * @param manualAcks whether the session acknowledges QoS 1 messages itself
     *        ({@link MqttAsyncClient#messageArrivedComplete}) rather than Paho on arrival
     * @param maxBackoff the longest wait between two failed connection attempts
     */
    public MqttLink(
            String brokerUri,
            String clientId,
            Supplier<MqttConnectOptions> options,
            boolean manualAcks,
            Duration maxBackoff,
            Session session) {
        this.brokerUri = brokerUri;
        this.clientId = clientId;
        this.options = options;
        this.manualAcks = manualAcks;
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.session = session;
        this.connector = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osteon-mqtt-connect-" + clientId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting in the background; returns at once. */
    public void start() {
        connector.execute(this::connectUntilConnected);
    }

    /**
     * Waits until the link was first connected; throws the last connection failure (or a timeout)
     * if that takes longer than {@code timeout}. The link keeps trying until it is closed.
     */
    public void awaitConnected(Duration timeout) throws MqttException, InterruptedException {
        if (!firstConnection.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            MqttException failure = lastFailure;
            throw failure != null ? failure : new MqttException(MqttException.REASON_CODE_CLIENT_TIMEOUT);
        }
    }

    /** The current connection, or null before the first one. */
    public MqttAsyncClient client() {
        return client;
    }

    public boolean isConnected() {
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

    public void close() {
        MqttAsyncClient c;
        synchronized (this) {
            closing = true;
            c = client;
        }
        connector.shutdownNow();
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
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closing) {
            MqttAsyncClient next = null;
            try {
                next = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
                next.setManualAcks(manualAcks);
                next.setCallback(new Callback(next));
                next.connect(options.get()).waitForCompletion(15_000);
                session.opened(next);
                boolean again;
                synchronized (this) {
                    if (closing) {
                        // Closed while connecting: close() no longer looks at this client.
                        closeQuietly(next);
                        return;
                    }
                    again = client != null;
                    client = next;
                }
                firstConnection.countDown();
                LOG.infof("MQTT %s connected to %s", clientId, brokerUri);
                if (again) {
                    session.reconnected();
                }
                return;
            } catch (MqttException e) {
                lastFailure = e;
                closeQuietly(next);
                LOG.warnf(
                        "MQTT %s could not connect to %s (%s); retrying in %d ms",
                        clientId, brokerUri, e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(maxBackoffMillis, backoff * 2);
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
            LOG.warnf(
                    "MQTT %s lost its connection (%s); reconnecting",
                    clientId, cause == null ? "no cause" : Text.printable(String.valueOf(cause.getMessage()), 200));
            losses.lost();
            if (!closing) {
                connector.execute(() -> {
                    closeQuietly(connection);
                    // Only the link's current connection is replaced. A connection that another one
                    // already replaced (its loss reported twice, or an attempt closed before it was
                    // offered) must not start a second one: two connections with one client id take
                    // the broker's session from each other, each loss starting the next connection,
                    // for ever (seen under load after a broker restart). This runs on the connector's
                    // one thread, after any connect in progress has set the current connection.
                    synchronized (MqttLink.this) {
                        if (client != connection) {
                            return;
                        }
                    }
                    connectUntilConnected();
                });
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            session.messageArrived(connection, topic, message);
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
