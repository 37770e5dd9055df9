package org.osteon.ingest;

import org.osteon.engine.RawCodec;

/**
 * One MQTT message from arrival to acknowledgement: its address, its decoded batch or the
 * reason it was refused while decoding, and what the writer decided.
 */
final class Inbound {
    final String deviceId;
    final Stream stream;
    /** The MQTT connection the message came on: its acknowledgement can only go back there. */
    final Object connection;

    final int messageId;
    final int qos;
    final byte[] payload;
    final long arrivedNanos;
    final DecodedBatch batch;
    final Rejection decodeRejection;
    /** The seq the payload gave, even when it was refused; null when none could be read. */
    final Long seq;
    /**
     * An accelerometer batch in the form it is stored in (encoding 3 when lossless), made where
     * it was decoded so that the writers' transactions do not wait for the packing; else null.
     */
    final RawCodec.Stored stored;

    private Inbound(
            String deviceId,
            Stream stream,
            Object connection,
            int messageId,
            int qos,
            byte[] payload,
            long arrivedNanos,
            DecodedBatch batch,
            Rejection decodeRejection,
            Long seq) {
        this.deviceId = deviceId;
        this.stream = stream;
        this.connection = connection;
        this.messageId = messageId;
        this.qos = qos;
        this.payload = payload;
        this.arrivedNanos = arrivedNanos;
        this.batch = batch;
        this.decodeRejection = decodeRejection;
        this.seq = seq;
        this.stored =
                batch instanceof AccelBatch b ? RawCodec.store(b.encoding(), b.scale(), b.samples(), b.data()) : null;
    }

    static Inbound decoded(
            DeviceTopics.Address a,
            Object connection,
            int messageId,
            int qos,
            byte[] payload,
            long arrivedNanos,
            DecodedBatch batch) {
        return new Inbound(
                a.deviceId(), a.stream(), connection, messageId, qos, payload, arrivedNanos, batch, null, batch.seq());
    }

    static Inbound refused(
            DeviceTopics.Address a,
            Object connection,
            int messageId,
            int qos,
            byte[] payload,
            long arrivedNanos,
            Rejection rejection,
            Long seq) {
        return new Inbound(
                a.deviceId(), a.stream(), connection, messageId, qos, payload, arrivedNanos, null, rejection, seq);
    }

    long weight() {
        return payload.length
                + (batch == null ? 0 : batch.weightBytes())
                + (stored == null ? 0 : stored.data().length)
                + 256;
    }

    BatchKey key() {
        return new BatchKey(deviceId, stream, batch.seq());
    }

    /** The idempotency key of the contract. */
    record BatchKey(String deviceId, Stream stream, long seq) {}

    /** What became of a message, and why when it was rejected. */
    record Outcome(Status status, Rejection rejection) {
        static final Outcome ACCEPTED = new Outcome(Status.ACCEPTED, null);
        static final Outcome DUPLICATE = new Outcome(Status.DUPLICATE, null);

        static Outcome rejected(Rejection r) {
            return new Outcome(Status.REJECTED, r);
        }
    }

    /** Receipt status, as the contract spells it. */
    enum Status {
        ACCEPTED,
        DUPLICATE,
        REJECTED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
