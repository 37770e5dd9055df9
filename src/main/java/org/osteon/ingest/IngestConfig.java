package org.osteon.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How Osteon connects to the broker and takes in device batches. */
@ConfigMapping(prefix = "osteon.ingest")
public interface IngestConfig {

    /** Whether to connect to the broker at all; off only for tests that need the REST layer alone. */
    @WithDefault("true")
    boolean enabled();

    /** Broker URI, {@code tcp://host:port} or {@code ssl://host:port}. */
    @WithDefault("tcp://127.0.0.1:1883")
    String brokerUri();

    /**
     * MQTT client id. It must be stable across restarts of one instance (the broker keeps the
     * persistent session, with everything not yet acknowledged, under it) and unique between
     * instances (an offline member of a shared subscription still gets its share). Defaults to
     * {@code osteon-} plus the host name, which is both on Kubernetes StatefulSets and single hosts.
     */
    Optional<String> clientId();

    /** Broker user name for Osteon's own account. */
    Optional<String> username();

    /** Broker password for Osteon's own account. */
    Optional<String> password();

    /**
     * Start each connection with a clean session. Off in production: a persistent session is
     * what makes the broker keep and re-deliver what Osteon has not acknowledged.
     */
    @WithDefault("false")
    boolean cleanSession();

    /** Root of device topics; a device's prefix is {@code {topicRoot}/{deviceId}}. */
    @WithDefault("osteon/v1/devices")
    String topicRoot();

    /**
     * Shared-subscription group, for several instances on one broker: each subscribes as
     * {@code $share/{group}/...} and the broker hands each batch to one of them. Unset (the
     * default), Osteon subscribes plainly, and only one instance may run per broker (each would
     * get every batch). The plain subscription is what survives a broker restart: Mosquitto 2.0
     * restores a persistent session's plain subscriptions, and keeps queueing for it, but not its
     * {@code $share} ones, so batches that devices publish between the broker's restart and
     * Osteon's re-subscribe would reach no one and be lost although the broker acknowledged them.
     * Set a group only on a broker that keeps shared subscriptions across its restarts
     * (docs/scaling.md names which do and how).
     */
    Optional<String> shareGroup();

    /** Largest payload accepted, in bytes; larger batches are rejected with a receipt. */
    @WithDefault("16777216")
    int maxPayloadBytes();

    /** Largest number of samples per axis in one accelerometer batch (one hour at 100 Hz fits). */
    @WithDefault("400000")
    int maxSamples();

    /** Largest number of events in one loading batch. */
    @WithDefault("10000")
    int maxEvents();

    /**
     * How long before its registration a clinician may accept a device's recordings
     * ({@code recordingsFrom} of a registration): a fortnight of wear before pairing, or a demo's
     * history, fits. Older recordings are an import of their own.
     */
    @WithDefault("P28D")
    Duration maxEarlierRecordings();

    /** How far in the future a batch may start before it is refused as a clock error. */
    @WithDefault("PT24H")
    Duration maxFutureSkew();

    /**
     * Messages held between arrival and commit. When full, the MQTT receive thread blocks and
     * the broker holds the rest: this and {@link #queueBytes()} bound ingest memory.
     */
    @WithDefault("4000")
    int queueMessages();

    /** Decoded bytes held between arrival and commit (see {@link #queueMessages()}). */
    @WithDefault("268435456")
    long queueBytes();

    /** Most messages written in one transaction. */
    @WithDefault("1000")
    int writeBatchMessages();

    /** Most decoded bytes written in one transaction. */
    @WithDefault("67108864")
    long writeBatchBytes();

    /**
     * Writers committing groups of messages in parallel, each in a transaction on a connection of
     * its own; receipts and acknowledgements still go out in arrival order. One by default: on a
     * 2-core machine a second one bought nothing for 1-s batches (every group touches the same
     * devices' totals, so the second waits on the first one's row locks) and little for bulk
     * syncs (bench/ingest.sh, docs/benchmarks.md). More can pay where PostgreSQL has cores of its
     * own and devices are spread over many patients. Each holds one connection of the pool.
     */
    @WithDefault("1")
    int writers();

    /**
     * Threads decoding payloads, handed on in arrival order. 1 decodes on the MQTT receive thread;
     * 2 let hour-long JSON batches of several devices be parsed at once (bench/ingest.sh).
     */
    @WithDefault("2")
    int decoders();

    /** How long the writer waits for more messages after the first before it commits. */
    @WithDefault("PT0.02S")
    Duration writeLinger();

    /** How long a device lookup is cached (a revocation takes effect within this time). */
    @WithDefault("PT30S")
    Duration deviceCacheTtl();

    /**
     * How long the writer may keep failing to commit before readiness reports ingest DOWN. Long
     * enough that one lost connection, re-opened by the pool, does not flap readiness; short enough
     * that a load balancer or an operator hears of a stalled writer within a scrape or two.
     */
    @WithDefault("PT10S")
    Duration writerStallAfter();

    /** Outgoing receipts that may await the broker's acknowledgement at once. */
    @WithDefault("20000")
    int maxInflightReceipts();
}
