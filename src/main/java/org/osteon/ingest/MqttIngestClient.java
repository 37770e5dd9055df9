package org.osteon.ingest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
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
import org.osteon.broker.MqttTls;
import org.osteon.ingest.Inbound.Outcome;

/**
 * Osteon's MQTT side of ingest, on Eclipse Paho with manual acknowledgements. A QoS 1 message
 * is acknowledged to the broker only after the transaction holding it committed; until then
 * the broker keeps it in Osteon's persistent session and re-delivers it after a crash or a
 * disconnect. (The SmallRye MQTT connector acknowledges on arrival, which would lose what it
 * buffered in a crash; that is why ingest does not use it.)
 *
 * <p>Each connection gets a fresh Paho client: Paho 1.2.5's automatic reconnect can hang for
 * ever in {@code CommsSender.start} when the connection drops under load (seen here with a
 * broker restart mid-stream), so Osteon reconnects itself. Messages received on a lost
 * connection are still stored, but are acknowledged only on the connection they came on; the
 * broker re-delivers them on the new one and the ledger turns those copies into duplicates.
 */
@ApplicationScoped
public class MqttIngestClient implements IngestWriter.Completion {
    private static final Logger LOG = Logger.getLogger(MqttIngestClient.class);

    private final IngestConfig config;
    private final DeviceTopics topics;
    private final IntakeQueue queue;
    private final PayloadDecoder decoder;
    private final IngestWriter writer;
    private final IngestMetrics metrics;
    private final Semaphore receiptsInFlight;
    private final MqttTls tls;
    private final ExecutorService connector = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "osteon-mqtt-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;
    private volatile boolean closing;
    private String clientId;
    private Thread writerThread;

    public MqttIngestClient(IngestConfig config, DeviceTopics topics, AgroalDataSource dataSource,
            MeterRegistry registry, MqttTls tls) {
        this.config = config;
        this.tls = tls;
        this.topics = topics;
        this.queue = new IntakeQueue(config.queueMessages(), config.queueBytes());
        this.decoder = new PayloadDecoder(Limits.from(config));
        this.writer = new IngestWriter(queue, dataSource, new DeviceDirectory(config.deviceCacheTtl()), this, config);
        this.metrics = new IngestMetrics(registry, queue);
        this.receiptsInFlight = new Semaphore(config.maxInflightReceipts());
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("MQTT ingest is disabled");
            return;
        }
        // The writer runs before the first connect: with a persistent session the broker sends
        // the backlog right after CONNACK, and a full queue with no writer would block the
        // receive thread before the SUBACK is read.
        writerThread = new Thread(writer, "osteon-ingest-writer");
        writerThread.start();
        clientId = config.clientId().orElseGet(MqttIngestClient::defaultClientId);
        LOG.infof("MQTT ingest connecting to %s as %s", config.brokerUri(), clientId);
        connector.execute(this::connectUntilConnected);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (writerThread == null) {
            return;
        }
        closing = true;
        connector.shutdownNow();
        writer.stop(TimeUnit.SECONDS.toNanos(10));
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2_000).waitForCompletion(3_000);
                }
                c.close(true);
            } catch (MqttException e) {
                LOG.debugf("MQTT disconnect at shutdown: %s", e.getMessage());
            }
        }
    }

    /** Whether Osteon is connected to the broker; readiness reports it. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    public boolean isEnabled() {
        return config.enabled();
    }

    private void connectUntilConnected() {
        long backoff = 250;
        while (!closing) {
            MqttAsyncClient next = null;
            try {
                next = new MqttAsyncClient(config.brokerUri(), clientId, new MemoryPersistence());
                next.setManualAcks(true);
                next.setCallback(new Callback(next));
                next.connect(connectOptions()).waitForCompletion(15_000);
                client = next;
                subscribe(next);
                LOG.infof("MQTT connected to %s", config.brokerUri());
                return;
            } catch (MqttException e) {
                closeQuietly(next);
                LOG.warnf("MQTT connect to %s failed (%s); retrying in %d ms", config.brokerUri(), e.getMessage(),
                        backoff);
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

    private MqttConnectOptions connectOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(config.cleanSession());
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        o.setMaxInflight(config.maxInflightReceipts());
        config.username().ifPresent(o::setUserName);
        config.password().ifPresent(p -> o.setPassword(p.toCharArray()));
        tls.apply(o);
        return o;
    }

    /** Subscribing again is harmless with a kept session and needed with a clean one. */
    private void subscribe(MqttAsyncClient c) throws MqttException {
        String group = "$share/" + config.shareGroup() + "/";
        String[] filters = {group + topics.filter(Stream.ACCEL), group + topics.filter(Stream.LOAD)};
        c.subscribe(filters, new int[] {1, 1}, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                LOG.infof("Subscribed to %s", String.join(", ", filters));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                LOG.errorf("Subscribing to device topics failed: %s", e.getMessage());
            }
        });
    }

    /** Callbacks of one connection. */
    private final class Callback implements MqttCallback {
        private final MqttAsyncClient connection;

        Callback(MqttAsyncClient connection) {
            this.connection = connection;
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warnf("MQTT connection lost (%s); reconnecting", cause == null ? "no cause" : cause.getMessage());
            if (!closing) {
                connector.execute(() -> {
                    closeQuietly(connection);
                    connectUntilConnected();
                });
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            long arrived = System.nanoTime();
            var address = topics.parse(topic);
            if (address.isEmpty()) {
                LOG.warnf("Ignoring a message on unexpected topic %s", topic);
                ack(connection, message.getId(), message.getQos());
                return;
            }
            Inbound m = decoder.decode(address.get(), connection, message.getId(), message.getQos(),
                    message.getPayload(), arrived);
            if (!queue.put(m, () -> closing)) {
                LOG.debugf("Shutting down: message of device %s left to the broker", m.deviceId);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Receipts release their in-flight permit through their own listener.
        }
    }

    @Override
    public void completed(List<Inbound> messages, Outcome[] outcomes) {
        long committed = System.nanoTime();
        for (int i = 0; i < outcomes.length; i++) {
            metrics.record(messages.get(i), outcomes[i], committed);
            publishReceipt(messages.get(i), outcomes[i]);
        }
        // MQTT wants acknowledgements in receive order; one writer keeps that order.
        for (Inbound m : messages) {
            ack((MqttAsyncClient) m.connection, m.messageId, m.qos);
        }
    }

    private void publishReceipt(Inbound m, Outcome o) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            // The device re-sends a batch without a receipt and then gets "duplicate".
            return;
        }
        try {
            if (!receiptsInFlight.tryAcquire(5, TimeUnit.SECONDS)) {
                LOG.warnf("Receipt for device %s seq %s dropped: broker not acknowledging", m.deviceId, m.seq);
                return;
            }
            c.publish(topics.receipts(m.deviceId), Receipts.json(m, o), 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    receiptsInFlight.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    receiptsInFlight.release();
                }
            });
        } catch (MqttException e) {
            receiptsInFlight.release();
            LOG.debugf("Receipt for device %s seq %s not sent: %s", m.deviceId, m.seq, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void ack(MqttAsyncClient connection, int messageId, int qos) {
        if (qos == 0 || !connection.isConnected()) {
            return;
        }
        try {
            connection.messageArrivedComplete(messageId, qos);
        } catch (MqttException | RuntimeException e) {
            // The broker re-delivers it; the ledger turns the copy into a duplicate.
            LOG.debugf("Acknowledging message %d failed: %s", messageId, e.getMessage());
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
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

    private static String defaultClientId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "local";
            }
        }
        return "osteon-" + host.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
