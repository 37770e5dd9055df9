package org.osteon.ingest;

import static org.osteon.ingest.Rejection.Code.*;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osteon.ingest.LoadBatch.LoadEvent;

/** Decodes the loading-events batch of the device contract, rejecting unknown kinds. */
public final class LoadJsonDecoder {
    private final Limits limits;

    public LoadJsonDecoder(Limits limits) {
        this.limits = limits;
    }

    public LoadBatch decode(byte[] payload, Instant now) throws Rejection.Exception {
        try (JsonParser p = AccelJsonDecoder.JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw Rejection.of(MALFORMED, "payload: must be a JSON object");
            }
            Long seq = null;
            String deviceId = null;
            List<LoadEvent> events = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "seq" -> seq = JsonFields.seq(p, value);
                    case "deviceId" -> deviceId = JsonFields.string(p, value, "deviceId", JsonFields.MAX_DEVICE_ID);
                    case "events" -> events = events(p, value, now);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw Rejection.of(MALFORMED, "payload: unexpected content after the JSON object");
            }
            JsonFields.require(seq, "seq");
            JsonFields.require(events, "events");
            if (events.isEmpty()) {
                throw Rejection.of(EMPTY, "events: must hold at least one event");
            }
            int first = 0;
            for (int i = 1; i < events.size(); i++) {
                if (events.get(i).t().isBefore(events.get(first).t())) {
                    first = i;
                }
            }
            return new LoadBatch(
                    seq,
                    List.copyOf(events),
                    deviceId,
                    hash(seq, events),
                    events.get(first).t(),
                    "events[" + first + "].t");
        } catch (JsonParseException e) {
            throw Rejection.of(
                    MALFORMED,
                    "payload: malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw Rejection.of(MALFORMED, "payload: unreadable JSON");
        }
    }

    private List<LoadEvent> events(JsonParser p, JsonToken t, Instant now) throws IOException, Rejection.Exception {
        if (t != JsonToken.START_ARRAY) {
            throw Rejection.of(WRONG_TYPE, "events: must be an array of objects");
        }
        List<LoadEvent> events = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            String at = "events[" + events.size() + "]";
            if (events.size() == limits.maxEvents()) {
                throw Rejection.of(TOO_LARGE, "events: more than " + limits.maxEvents() + " events");
            }
            if (next != JsonToken.START_OBJECT) {
                throw Rejection.of(WRONG_TYPE, at + ": must be an object");
            }
            events.add(event(p, at, now));
        }
        return events;
    }

    private LoadEvent event(JsonParser p, String at, Instant now) throws IOException, Rejection.Exception {
        Instant time = null;
        String kind = null, exercise = null;
        Integer sets = null, reps = null, cycles = null;
        Double loadKg = null, oneRm = null, peakBw = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            String path = at + "." + field;
            switch (field) {
                case "t" -> time = JsonFields.instant(p, v, path);
                case "kind" -> kind = JsonFields.string(p, v, path, 40);
                case "exercise" -> exercise = JsonFields.string(p, v, path, 100);
                case "sets" -> sets = JsonFields.integer(p, v, path);
                case "reps" -> reps = JsonFields.integer(p, v, path);
                case "cycles" -> cycles = JsonFields.integer(p, v, path);
                case "loadKg" -> loadKg = JsonFields.number(p, v, path);
                case "oneRmKg" -> oneRm = JsonFields.number(p, v, path);
                case "peakBw" -> peakBw = JsonFields.number(p, v, path);
                default -> p.skipChildren();
            }
        }
        JsonFields.require(time, at + ".t");
        JsonFields.require(kind, at + ".kind");
        limits.checkTime(time, now, at + ".t");
        switch (kind) {
            case "resistance" -> {
                JsonFields.require(exercise, at + ".exercise");
                // Longer than 100 characters was refused as it was read (JsonFields.string).
                if (exercise.isBlank()) {
                    throw Rejection.of(INVALID_VALUE, at + ".exercise: must be 1 to 100 characters");
                }
                JsonFields.require(sets, at + ".sets");
                JsonFields.require(reps, at + ".reps");
                JsonFields.require(loadKg, at + ".loadKg");
                positive(sets, at + ".sets");
                positive(reps, at + ".reps");
                if (loadKg < 0) {
                    throw Rejection.of(INVALID_VALUE, at + ".loadKg: must be >= 0");
                }
                if (oneRm != null && oneRm <= 0) {
                    throw Rejection.of(INVALID_VALUE, at + ".oneRmKg: must be > 0");
                }
                return new LoadEvent(time, kind, exercise, sets, reps, loadKg, oneRm, null, null);
            }
            case "grf" -> {
                JsonFields.require(peakBw, at + ".peakBw");
                JsonFields.require(cycles, at + ".cycles");
                if (peakBw <= 0) {
                    throw Rejection.of(INVALID_VALUE, at + ".peakBw: must be > 0");
                }
                positive(cycles, at + ".cycles");
                return new LoadEvent(time, kind, null, null, null, null, null, peakBw, cycles);
            }
            default ->
                throw Rejection.of(UNKNOWN_KIND, at + ".kind: unknown kind '" + kind + "', expected resistance or grf");
        }
    }

    private static void positive(int value, String field) throws Rejection.Exception {
        if (value <= 0) {
            throw Rejection.of(INVALID_VALUE, field + ": must be > 0");
        }
    }

    private static byte[] hash(long seq, List<LoadEvent> events) {
        MessageDigest md = ContentHash.sha256();
        md.update(("L" + seq).getBytes(StandardCharsets.UTF_8));
        for (LoadEvent e : events) {
            md.update(e.toString().getBytes(StandardCharsets.UTF_8));
        }
        return md.digest();
    }
}
