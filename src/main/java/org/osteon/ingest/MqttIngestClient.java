package org.osteon.ingest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.jboss.logging.Logger;
import org.osteon.common.Text;
import org.osteon.ingest.Inbound.Outcome;

/**
 * Osteon's MQTT side of ingest, on Eclipse Paho with manual acknowledgements. A QoS 1 message
 * is acknowledged to the broker only after the transaction holding it committed; until then
 * the broker keeps it in Osteon's persistent session and re-delivers it after a crash or a
 * disconnect. (The SmallRye MQTT connector acknowledges on arrival, which would lose what it
 * buffered in a crash; that is why ingest does not use it.)
 *
 * <p>Two connections: one receives (persistent session; plain subscription, or shared when
 * several instances split the load), the other
 * publishes receipts and devices' progress ({@link DeviceMessages}). When the intake queue is
 * full the receiving connection deliberately stops reading its socket; on a single connection
 * that would also stop the broker's acknowledgements of receipts from being read, and the
 * writer, waiting for room to publish receipts, would wait on the very thread that waits for it.
 *
 * <p>Messages received on a connection that was lost are still stored, but acknowledged
 * only on the connection they came on; the broker re-delivers them on the new one and the
 * ledger turns those copies into duplicates.
 */
@ApplicationScoped
public class MqttIngestClient implements IngestWriter.Completion, DeviceMessages {
    private static final Logger LOG = Logger.getLogger(MqttIngestClient.class);
    /** The longest wait between two attempts to reach the broker. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final IngestConfig config;
    private final DeviceTopics topics;
    private final IntakeQueue queue;
    private final PayloadDecoder decoder;
    /** Decoding on several threads, or null to decode on the receive thread (osteon.ingest.decoders=1). */
    private final ParallelDecoding decoding;

    private final List<IngestWriter> writers = new ArrayList<>();
    private final WriterHealth health;
    private final IngestMetrics metrics;
    private final Semaphore receiptsInFlight;
    private final MqttTls tls;
    private volatile boolean closing;
    private MqttLink inbound;
    private MqttLink outbound;
    private final List<Thread> writerThreads = new ArrayList<>();
    /**
     * Receipts and acknowledgements of committed groups, run in arrival order on a thread of their
     * own so that the writers can start their next transactions meanwhile. Bounded: a writer that
     * runs ahead waits there, holding at most a few groups in memory.
     */
    private final GroupOrder completions = new GroupOrder(4);

    private Thread completionThread;
    /** Frees a slot of the in-flight limit once the broker answered an outgoing message. */
    private final IMqttActionListener releaseInFlight = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            receiptsInFlight.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            receiptsInFlight.release();
        }
    };

    public MqttIngestClient(
            IngestConfig config,
            DeviceTopics topics,
            AgroalDataSource dataSource,
            MeterRegistry registry,
            MqttTls tls,
            Clock clock) {
        this.config = config;
        this.tls = tls;
        this.topics = topics;
        this.queue = new IntakeQueue(config.queueMessages(), config.queueBytes());
        this.decoder = new PayloadDecoder(Limits.from(config), clock);
        if (config.decoders() < 1) {
            throw new IllegalStateException(
                    "osteon.ingest.decoders is " + config.decoders() + ": it must be at least 1 (default 2)");
        }
        this.decoding = config.decoders() == 1
                ? null
                : new ParallelDecoding(
                        config.decoders(), () -> new PayloadDecoder(Limits.from(config), clock), queue, () -> closing);
        this.health = new WriterHealth(config.writerStallAfter().toNanos(), System::nanoTime);
        IngestWriter.Groups groups = new IngestWriter.Groups(queue);
        DeviceDirectory directory = new DeviceDirectory(config.deviceCacheTtl());
        if (config.writers() < 1) {
            throw new IllegalStateException(
                    "osteon.ingest.writers is " + config.writers() + ": it must be at least 1 (default 1)");
        }
        for (int i = 0; i < config.writers(); i++) {
            writers.add(new IngestWriter(groups, dataSource, directory, this, config, health));
        }
        this.metrics = new IngestMetrics(registry, queue, health);
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
        completionThread = new Thread(this::completeInOrder, "osteon-ingest-completion");
        completionThread.start();
        if (decoding != null) {
            decoding.start();
        }
        for (int i = 0; i < writers.size(); i++) {
            Thread t = new Thread(writers.get(i), "osteon-ingest-writer-" + (i + 1));
            writerThreads.add(t);
            t.start();
        }
        String clientId = config.clientId().orElseGet(MqttIngestClient::defaultClientId);
        outbound = new MqttLink(
                config.brokerUri(),
                clientId + "-out",
                () -> options(true),
                true,
                MAX_BACKOFF,
                new MqttLink.Session() {});
        inbound = new MqttLink(
                config.brokerUri(),
                clientId,
                () -> options(config.cleanSession()),
                true,
                MAX_BACKOFF,
                new MqttLink.Session() {
                    @Override
                    public void opened(MqttAsyncClient connection) {
                        subscribe(connection);
                    }

                    @Override
                    public void messageArrived(MqttAsyncClient connection, String topic, MqttMessage message)
                            throws InterruptedException {
                        MqttIngestClient.this.messageArrived(connection, topic, message);
                    }
                });
        metrics.connectionLosses(inbound);
        outbound.start();
        inbound.start();
        LOG.infof("MQTT ingest connecting to %s as %s", config.brokerUri(), clientId);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (writerThreads.isEmpty()) {
            return;
        }
        closing = true;
        writers.forEach(w -> w.stop(TimeUnit.SECONDS.toNanos(10)));
        try {
            for (Thread t : writerThreads) {
                t.join(TimeUnit.SECONDS.toMillis(15));
            }
            completions.drain();
            completionThread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbound.close();
        outbound.close();
        if (decoding != null) {
            decoding.stop();
        }
    }

    /** Whether Osteon can receive from and publish to the broker; readiness reports it. */
    public boolean isConnected() {
        return inbound != null && inbound.isConnected() && outbound.isConnected();
    }

    /**
     * Connections of the receiving link lost within the last {@link #FLAPPING_WINDOW}; readiness
     * is DOWN from {@link #FLAPPING_LOSSES} on. One broker restart loses it once; a receiver that
     * a message kills again after each reconnect (keep-alive 30 s) loses it several times a minute.
     */
    public int recentConnectionLosses() {
        return inbound == null ? 0 : inbound.lostRecently(FLAPPING_WINDOW);
    }

    public static final Duration FLAPPING_WINDOW = Duration.ofMinutes(3);
    public static final int FLAPPING_LOSSES = 3;

    /** Whether the writers have kept failing to commit for longer than they may (readiness reports it). */
    public boolean writerStalled() {
        return !writerThreads.isEmpty() && health.stalled();
    }

    public boolean isEnabled() {
        return config.enabled();
    }

    private MqttConnectOptions options(boolean cleanSession) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(cleanSession);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(30);
        o.setConnectionTimeout(10);
        // Paho counts outgoing QoS 1 messages against this; the semaphore stays below it.
        o.setMaxInflight(config.maxInflightReceipts() + 100);
        config.username().ifPresent(o::setUserName);
        config.password().ifPresent(p -> o.setPassword(p.toCharArray()));
        tls.apply(o);
        if (config.brokerUri().startsWith("tcp://")) {
            o.setSocketFactory(new TopicFilteringSocketFactory());
        }
        return o;
    }

    /**
     * Subscribing again is harmless with a kept session and needed with a clean one. Plain unless
     * a share group is configured: only a plain subscription is sure to outlive a broker restart
     * (see {@link IngestConfig#shareGroup()}).
     */
    private void subscribe(MqttAsyncClient c) {
        String prefix = config.shareGroup().map(g -> "$share/" + g + "/").orElse("");
        String[] filters = {prefix + topics.filter(Stream.ACCEL), prefix + topics.filter(Stream.LOAD)};
        try {
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
        } catch (MqttException e) {
            LOG.errorf("Subscribing to device topics failed: %s", e.getMessage());
        }
    }

    private void messageArrived(MqttAsyncClient connection, String topic, MqttMessage message)
            throws InterruptedException {
        long arrived = System.nanoTime();
        var address = topics.parse(topic);
        if (address.isEmpty()) {
            LOG.warnf("Ignoring a message on unexpected topic %s", Text.printable(topic, 200));
            ack(connection, message.getId(), message.getQos());
            return;
        }
        if (decoding != null) {
            decoding.submit(
                    address.get(), connection, message.getId(), message.getQos(), message.getPayload(), arrived);
            return;
        }
        Inbound m = decoder.decode(
                address.get(), connection, message.getId(), message.getQos(), message.getPayload(), arrived);
        if (!queue.put(m, () -> closing)) {
            LOG.debugf("Shutting down: message of device %s left to the broker", m.deviceId);
        }
    }

    @Override
    public void completed(long group, List<Inbound> messages, Outcome[] outcomes, long transactionNanos) {
        long committed = System.nanoTime();
        metrics.group(messages.size(), transactionNanos);
        try {
            completions.offer(group, () -> sendReceiptsAndAcknowledge(messages, outcomes, committed));
        } catch (InterruptedException e) {
            // Shutting down: unacknowledged messages are re-delivered and become duplicates.
            Thread.currentThread().interrupt();
        }
    }

    private void completeInOrder() {
        while (true) {
            Runnable next;
            try {
                next = completions.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.error("Sending receipts failed; devices re-send what got none", e);
            }
        }
    }

    private void sendReceiptsAndAcknowledge(List<Inbound> messages, Outcome[] outcomes, long committed) {
        for (int i = 0; i < outcomes.length; i++) {
            metrics.record(messages.get(i), outcomes[i], committed);
            publishReceipt(messages.get(i), outcomes[i]);
        }
        // MQTT wants acknowledgements in receive order: groups completed by number on one thread keep it.
        for (Inbound m : messages) {
            ack((MqttAsyncClient) m.connection, m.messageId, m.qos);
        }
    }

    private void publishReceipt(Inbound m, Outcome o) {
        MqttAsyncClient c = outbound.client();
        if (!DeviceIds.isValid(m.deviceId)) {
            // No device can have this id, so nobody reads its receipts; and Paho refuses some topics outright.
            return;
        }
        if (c == null || !c.isConnected()) {
            // The device re-sends a batch without a receipt and then gets "duplicate".
            return;
        }
        try {
            if (!receiptsInFlight.tryAcquire(1, TimeUnit.SECONDS)) {
                LOG.warnf("Receipt for device %s seq %s dropped: broker not acknowledging", m.deviceId, m.seq);
                return;
            }
            c.publish(topics.receipts(m.deviceId), Receipts.json(m, o), 1, false, null, releaseInFlight);
        } catch (MqttException | RuntimeException e) {
            // Never past here: the acknowledgements of the whole group follow the receipts.
            receiptsInFlight.release();
            LOG.debugf("Receipt for device %s seq %s not sent: %s", m.deviceId, m.seq, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean sendProgress(String deviceId, byte[] payload) {
        return publishToDevice(topics.progress(deviceId), payload, true);
    }

    @Override
    public void forgetProgress(String deviceId) {
        if (!publishToDevice(topics.progress(deviceId), new byte[0], true)) {
            LOG.warnf("Retained progress of device %s could not be removed: broker not reachable", deviceId);
        }
    }

    /**
     * Publishes an informative message to a device (QoS 1) on the connection that sends receipts,
     * within the same in-flight limit, without waiting: a caller such as the scoring engine must not
     * stall on the broker. Returns false when it was not handed over (not connected, or the broker
     * is not acknowledging what was sent before); such a message is not retried.
     */
    private boolean publishToDevice(String topic, byte[] payload, boolean retained) {
        MqttAsyncClient c = outbound == null ? null : outbound.client();
        if (c == null || !c.isConnected() || !receiptsInFlight.tryAcquire()) {
            return false;
        }
        try {
            c.publish(topic, payload, 1, retained, null, releaseInFlight);
            return true;
        } catch (MqttException e) {
            receiptsInFlight.release();
            LOG.debugf("Message to %s not sent: %s", topic, e.getMessage());
            return false;
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
