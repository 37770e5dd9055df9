package org.osteon.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what the broker sends, following MQTT's framing, and in the topic of each PUBLISH turns
 * every byte outside printable ASCII into {@code ?}.
 *
 * <p>Why: Paho 1.2.5 validates a received topic and throws on its receive thread for far more
 * than invalid UTF-8: every surrogate pair (U+10000 and above, emoji), every character from
 * U+FDD0 to U+FFFF (the variation selector in "❤️", full-width forms), and control characters.
 * The connection drops, the broker re-delivers the same message to the persistent session on
 * reconnect, and ingest stops for every device, every time; on an open broker (the local and demo
 * set-up) any client could publish such a topic. Osteon's topics are ASCII (a device id is
 * {@code A-Z a-z 0-9 . _ : -}, and the topic root must be ASCII too), so any other byte can only
 * belong to a topic no device has. Rewritten byte for byte, no length in the packet changes; the
 * message is counted, refused and acknowledged like any other bad message, and nothing else is
 * touched: payloads and every other packet pass unchanged.
 *
 * <p>A streaming state machine over the fixed header, the remaining length and the topic; it
 * holds no buffer, so it works whatever sizes the socket's reads come in.
 */
final class PublishTopicFilter extends FilterInputStream {
    private enum State {
        HEADER,
        LENGTH,
        TOPIC_LENGTH_HIGH,
        TOPIC_LENGTH_LOW,
        TOPIC,
        BODY
    }

    private static final int PUBLISH = 3;

    private State state = State.HEADER;
    private int type;
    private long remaining;
    private int multiplier;
    private int topicLeft;

    PublishTopicFilter(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        return b < 0 ? b : next(b);
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            if (state == State.BODY) {
                // Payload bytes pass untouched: skip them in one step.
                long skip = Math.min(remaining, off + n - i);
                remaining -= skip;
                i += (int) skip - 1;
                if (remaining == 0) {
                    state = State.HEADER;
                }
                continue;
            }
            buf[i] = (byte) next(buf[i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Paho never skips; skipping would lose the framing, so read through instead.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Feeds one byte through the framing and returns it, rewritten if it is part of a 4-byte topic character. */
    int next(int b) {
        switch (state) {
            case HEADER -> {
                type = b >>> 4;
                remaining = 0;
                multiplier = 1;
                state = State.LENGTH;
            }
            case LENGTH -> {
                remaining += (long) (b & 0x7F) * multiplier;
                multiplier *= 128;
                if ((b & 0x80) == 0) {
                    state = remaining == 0 ? State.HEADER : type == PUBLISH ? State.TOPIC_LENGTH_HIGH : State.BODY;
                }
            }
            case TOPIC_LENGTH_HIGH -> {
                topicLeft = b << 8;
                consumed(State.TOPIC_LENGTH_LOW);
            }
            case TOPIC_LENGTH_LOW -> {
                topicLeft |= b;
                consumed(topicLeft == 0 ? State.BODY : State.TOPIC);
            }
            case TOPIC -> {
                if (b < 0x20 || b >= 0x7F) {
                    b = '?';
                }
                topicLeft--;
                consumed(topicLeft == 0 ? State.BODY : State.TOPIC);
            }
            case BODY -> consumed(State.BODY);
        }
        return b;
    }

    /** One byte of the packet's remaining length is used; the packet ends when none is left. */
    private void consumed(State then) {
        remaining--;
        state = remaining <= 0 ? State.HEADER : then;
    }
}
