package org.osteon.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.Map;

/**
 * Reads and writes JSON the service itself stored or builds (jsonb columns, messages, export
 * cells), where a failure is a bug rather than bad input: it becomes an
 * {@link IllegalStateException} naming what was being read or written. Each caller passes its own
 * mapper or writer, so whatever it configured (an inclusion rule, a declared type) still applies.
 * Request bodies are not read here: their errors are the client's and answer 400 (ProblemMapper).
 */
public final class Json {
    /** A JSON object as a map, for jsonb columns of free-form details. */
    public static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private Json() {}

    /** {@code value} as JSON text; {@code what} names it in the error ("alert details"). */
    public static String write(ObjectMapper json, Object value, String what) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written as JSON", e);
        }
    }

    /** {@code value} as JSON text by a configured writer (a declared type, say). */
    public static String write(ObjectWriter writer, Object value, String what) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written as JSON", e);
        }
    }

    /** {@code value} as UTF-8 JSON bytes, for messages. */
    public static byte[] bytes(ObjectMapper json, Object value, String what) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written as JSON", e);
        }
    }

    /** Reads JSON text the service stored as {@code type}. */
    public static <T> T read(ObjectMapper json, String text, TypeReference<T> type, String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be read as JSON", e);
        }
    }

    /** Reads JSON text the service stored as {@code type}. */
    public static <T> T read(ObjectMapper json, String text, Class<T> type, String what) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be read as JSON", e);
        }
    }
}
