package org.osteon.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.osteon.ingest.Inbound.Outcome;

/** The receipt payloads of the device contract. */
final class Receipts {
    private Receipts() {}

    static byte[] json(Inbound m, Outcome o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = AccelJsonDecoder.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("stream", m.stream.wireName());
            if (m.seq != null) {
                g.writeNumberField("seq", m.seq);
            } else {
                g.writeNullField("seq");
            }
            g.writeStringField("status", o.status().wireName());
            if (o.status() == Inbound.Status.ACCEPTED) {
                g.writeNumberField(m.stream == Stream.ACCEL ? "samples" : "events", m.batch.count());
            }
            if (o.rejection() != null) {
                g.writeStringField("reason", o.rejection().reason());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
