package org.osteon.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns one payload into an {@link Inbound}: decoded, or refused with the reason and, where it
 * can be read, the seq (so the device can match the receipt). Not thread-safe: it owns the
 * decoders' reused arrays; one instance per receiving thread.
 */
final class PayloadDecoder {
    private final Limits limits;
    private final AccelJsonDecoder accelJson;
    private final BinaryFrame binary;
    private final LoadJsonDecoder loadJson;
    /** What "in the future" is measured against: the service's clock (common/Clocks). */
    private final Clock clock;

    PayloadDecoder(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.accelJson = new AccelJsonDecoder(limits);
        this.binary = new BinaryFrame(limits);
        this.loadJson = new LoadJsonDecoder(limits);
    }

    Inbound decode(
            DeviceTopics.Address a, Object connection, int messageId, int qos, byte[] payload, long arrivedNanos) {
        Instant now = clock.instant();
        try {
            limits.checkPayload(payload.length);
            DecodedBatch batch = switch (a.stream()) {
                case ACCEL ->
                    BinaryFrame.isFrame(payload) ? binary.decode(payload, now) : accelJson.decode(payload, now);
                case LOAD -> loadJson.decode(payload, now);
            };
            return Inbound.decoded(a, connection, messageId, qos, payload, arrivedNanos, batch);
        } catch (Rejection.Exception e) {
            return Inbound.refused(
                    a, connection, messageId, qos, payload, arrivedNanos, e.rejection(), peekSeq(payload));
        }
    }

    /** Best effort: the seq of a payload that was refused, or null. */
    static Long peekSeq(byte[] payload) {
        if (BinaryFrame.isFrame(payload)) {
            if (payload.length < 16) {
                return null;
            }
            long seq = ByteBuffer.wrap(payload, 8, 8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getLong();
            return seq >= 0 ? seq : null;
        }
        try (JsonParser p = AccelJsonDecoder.JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("seq".equals(name)) {
                    return t == JsonToken.VALUE_NUMBER_INT
                                    && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                    && p.getLongValue() >= 0
                            ? p.getLongValue()
                            : null;
                }
                p.skipChildren();
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
