package org.osteon.scoring.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON builder, so that the command line stays free of libraries.
 * Commas are inserted automatically; NaN and infinities, which JSON cannot carry, are
 * written as {@code null}.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it already has a member, so the next needs a comma. */
    private final Deque<Boolean> hasMembers = new ArrayDeque<>();

    private String indent = "";
    private boolean afterName;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    /** Starts a member of the current object; follow it with a value or a begin call. */
    JsonWriter name(String name) {
        valueStart();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String v) {
        valueStart();
        if (v == null) {
            out.append("null");
        } else {
            string(v);
        }
        return this;
    }

    JsonWriter value(double v) {
        valueStart();
        if (Double.isFinite(v)) {
            out.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
        } else {
            out.append("null");
        }
        return this;
    }

    JsonWriter value(long v) {
        valueStart();
        out.append(v);
        return this;
    }

    JsonWriter value(boolean v) {
        valueStart();
        out.append(v);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter open(char c) {
        valueStart();
        out.append(c);
        hasMembers.push(false);
        indent += "  ";
        return this;
    }

    private JsonWriter close(char c) {
        boolean any = hasMembers.pop();
        indent = indent.substring(2);
        if (any) {
            out.append('\n').append(indent);
        }
        out.append(c);
        return this;
    }

    /** Places a comma and line break before a member or element, but not after a member's name. */
    private void valueStart() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (hasMembers.isEmpty()) {
            return;
        }
        if (hasMembers.peek()) {
            out.append(',');
        } else {
            hasMembers.pop();
            hasMembers.push(true);
        }
        out.append('\n').append(indent);
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
