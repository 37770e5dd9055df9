package org.osteon.ingest;

import static org.osteon.ingest.Rejection.Code.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.osteon.common.Text;

/** Reads one typed field of a device payload, or rejects it naming the field. */
final class JsonFields {
    /** A registered device id has at most 64 characters; a longer claim is never one and is not echoed. */
    static final int MAX_DEVICE_ID = 64;

    private JsonFields() {}

    static long seq(JsonParser p, JsonToken t) throws IOException, Rejection.Exception {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw Rejection.of(WRONG_TYPE, "seq: must be an integer >= 0");
        }
        long seq = p.getLongValue();
        if (seq < 0) {
            throw Rejection.of(INVALID_VALUE, "seq: must be >= 0");
        }
        return seq;
    }

    static Instant instant(JsonParser p, JsonToken t, String field) throws IOException, Rejection.Exception {
        if (t != JsonToken.VALUE_STRING) {
            throw Rejection.of(WRONG_TYPE, field + ": must be an ISO-8601 instant such as 2026-11-27T08:00:00Z");
        }
        String s = p.getText();
        try {
            return Instant.parse(s).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e2) {
                throw Rejection.of(WRONG_TYPE, field + ": must be an ISO-8601 instant such as 2026-11-27T08:00:00Z");
            }
        }
    }

    static double number(JsonParser p, JsonToken t, String field) throws IOException, Rejection.Exception {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw Rejection.of(WRONG_TYPE, field + ": must be a number");
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw Rejection.of(NOT_FINITE, field + ": must be a finite number");
        }
        return d;
    }

    static int integer(JsonParser p, JsonToken t, String field) throws IOException, Rejection.Exception {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw Rejection.of(WRONG_TYPE, field + ": must be an integer");
        }
        return p.getIntValue();
    }

    /**
     * A text field: printable Unicode of at most {@code maxChars}. A NUL is refused by PostgreSQL
     * (and once stalled every device's ingest), other control characters, unpaired surrogates and
     * non-characters garble logs and receipts; none of them is ever needed in a device id, a kind or
     * an exercise name. The reason shows the character escaped, never raw.
     */
    static String string(JsonParser p, JsonToken t, String field, int maxChars)
            throws IOException, Rejection.Exception {
        if (t != JsonToken.VALUE_STRING) {
            throw Rejection.of(WRONG_TYPE, field + ": must be a string");
        }
        String s = p.getText();
        if (s.length() > maxChars) {
            throw Rejection.of(INVALID_TEXT, field + ": " + s.length() + " characters, at most " + maxChars);
        }
        var bad = Text.problem(s, false);
        if (bad.isPresent()) {
            throw Rejection.of(
                    INVALID_TEXT,
                    field + ": " + bad.get() + "; text must be printable Unicode without control characters");
        }
        return s;
    }

    static void require(Object value, String field) throws Rejection.Exception {
        if (value == null) {
            throw Rejection.of(MISSING_FIELD, field + ": missing");
        }
    }
}
