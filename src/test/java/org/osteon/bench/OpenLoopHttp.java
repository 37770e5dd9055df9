package org.osteon.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * An open-loop HTTP/1.1 load generator cheap enough to share 2 cores with the service it measures:
 * one thread, one selector, keep-alive connections opened as they are needed (at most {@code
 * maxConnections}), requests given as ready bytes, answers parsed only as far as the status line,
 * {@code Content-Length} or chunked framing. {@code java.net.http} cost the benchmark several
 * hundred microseconds of CPU a request (futures, executors, header maps); at 2,000 requests/s on
 * 2 cores that share was the limit, not the service.
 *
 * <p>Request {@code i} is due at {@code start + i / rate}; it is written on an idle connection at
 * once, or when one frees, or on a new one. Its latency runs from its due instant to the last byte
 * of its answer, so a stall of the service delays every request due during it (no coordinated
 * omission). A request written more than 1 ms after its due instant counts as sent late: with many,
 * this sender is behind and the numbers say more about it than about the service.
 */
final class OpenLoopHttp {
    /**
     * The outcome of one run, per request: latency in ns (-1 if never answered), HTTP status (-1
     * if its connection failed, 0 if never answered), how long after its due instant it was written
     * and on which connection (numbered in the order they were opened).
     */
    record Outcome(long[] latency, int[] status, long[] sendDelay, int[] connection) {
        /** Requests from {@code from} on that were written more than 1 ms after they were due. */
        long late(int from) {
            return Arrays.stream(sendDelay, from, sendDelay.length)
                    .filter(d -> d > LATE_NANOS)
                    .count();
        }
    }

    static final long LATE_NANOS = 1_000_000L;
    private final InetSocketAddress address;
    private final int maxConnections;
    private final long timeoutNanos;

    OpenLoopHttp(InetSocketAddress address, int maxConnections, long timeoutNanos) {
        this.address = address;
        this.maxConnections = maxConnections;
        this.timeoutNanos = timeoutNanos;
    }

    /** The bytes of a GET with the given headers (each "Name: value"). */
    static byte[] get(String host, String pathAndQuery, String... headers) {
        StringBuilder b = new StringBuilder(256)
                .append("GET ")
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends {@code total} requests, one every {@code intervalNanos} from {@code start}, and waits
     * for their answers (at most the timeout after the last one is due).
     */
    Outcome run(int total, long start, long intervalNanos, IntFunction<byte[]> request) throws IOException {
        long[] latency = new long[total];
        int[] status = new int[total];
        long[] sendDelay = new long[total];
        int[] connection = new int[total];
        int opened = 0;
        Arrays.fill(latency, -1);
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        ArrayDeque<Integer> waiting = new ArrayDeque<>();
        List<Connection> all = new ArrayList<>();
        int answered = 0;
        int next = 0;
        long deadline = start + (total - 1) * intervalNanos + timeoutNanos;
        try (Selector selector = Selector.open()) {
            while (answered < total) {
                long now = System.nanoTime();
                if (now > deadline) {
                    break;
                }
                // Everything due is handed to a connection, or waits for one.
                while (next < total && start + next * intervalNanos <= now) {
                    waiting.add(next++);
                }
                while (!waiting.isEmpty()) {
                    Connection c = idle.poll();
                    if (c == null) {
                        if (all.size() >= maxConnections) {
                            break;
                        }
                        c = new Connection(selector, address, opened++);
                        all.add(c);
                    }
                    int n = waiting.poll();
                    long due = start + n * intervalNanos;
                    sendDelay[n] = System.nanoTime() - due;
                    connection[n] = c.number;
                    c.send(n, due, request.apply(n));
                }
                // The selector's timeout is in whole milliseconds: a wait of less than one is a
                // look at what is ready and a park for the rest (2,000 requests/s are 0.5 ms apart).
                long wait = next < total ? start + next * intervalNanos - System.nanoTime() : 10_000_000L;
                if (wait >= 1_000_000L) {
                    selector.select(wait / 1_000_000L);
                } else if (selector.selectNow() == 0 && wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    int done;
                    try {
                        done = c.ready(key);
                    } catch (IOException | RuntimeException e) {
                        // A connection that failed loses its request (an error) and is not reused.
                        if (c.current >= 0) {
                            status[c.current] = -1;
                            latency[c.current] = System.nanoTime() - c.due;
                            answered++;
                        }
                        all.remove(c);
                        idle.remove(c);
                        key.cancel();
                        c.channel.close();
                        continue;
                    }
                    if (done >= 0) {
                        latency[done] = System.nanoTime() - c.due;
                        status[done] = c.status;
                        answered++;
                        idle.add(c);
                    }
                }
            }
            for (Connection c : all) {
                c.channel.close();
            }
        }
        return new Outcome(latency, status, sendDelay, connection);
    }

    /** One keep-alive connection with at most one request in flight. */
    private static final class Connection {
        final SocketChannel channel;
        final SelectionKey key;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        int current = -1;
        long due;
        int status;
        /** Body bytes still to come for a Content-Length answer; -1 while reading headers. */
        long remaining = -1;

        boolean chunked;
        /** Bytes of the current chunk (and its CRLF) still to skip; -1 before a size line. */
        long chunkLeft = -1;

        final int number;

        Connection(Selector selector, InetSocketAddress address, int number) throws IOException {
            this.number = number;
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
        }

        void send(int n, long due, byte[] request) throws IOException {
            this.current = n;
            this.due = due;
            this.status = 0;
            this.remaining = -1;
            this.chunked = false;
            this.chunkLeft = -1;
            this.out = ByteBuffer.wrap(request);
            if (channel.isConnected()) {
                flush();
            }
        }

        private void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Handles readiness; returns the request answered in full, or -1. */
        int ready(SelectionKey k) throws IOException {
            if (k.isConnectable()) {
                channel.finishConnect();
                if (out != null) {
                    flush();
                } else {
                    key.interestOps(0);
                }
                return -1;
            }
            if (k.isWritable()) {
                flush();
                return -1;
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the service");
            }
            in.flip();
            int done = parse();
            in.compact();
            return done;
        }

        /** Consumes what {@code in} holds of the answer; returns the request if it is complete. */
        private int parse() {
            if (remaining < 0 && !chunked) {
                int end = headersEnd();
                if (end < 0) {
                    return -1;
                }
                String head = StandardCharsets.ISO_8859_1
                        .decode(in.slice(in.position(), end - in.position()))
                        .toString();
                in.position(end + 4);
                status = Integer.parseInt(head.substring(9, 12));
                String lower = head.toLowerCase(java.util.Locale.ROOT);
                int cl = lower.indexOf("\r\ncontent-length:");
                if (cl >= 0) {
                    int eol = lower.indexOf("\r\n", cl + 2);
                    remaining = Long.parseLong(head.substring(cl + 17, eol < 0 ? head.length() : eol)
                            .trim());
                } else if (lower.contains("\r\ntransfer-encoding: chunked")) {
                    chunked = true;
                } else {
                    remaining = 0;
                }
            }
            if (chunked) {
                return chunks();
            }
            long take = Math.min(remaining, in.remaining());
            in.position(in.position() + (int) take);
            remaining -= take;
            return remaining == 0 ? finish() : -1;
        }

        /**
         * Skips chunks as their bytes arrive (a chunk may be larger than the buffer); the answer
         * ends with the zero-length chunk and the empty line after it (the service sends no trailers).
         */
        private int chunks() {
            while (true) {
                if (chunkLeft > 0) {
                    int take = (int) Math.min(chunkLeft, in.remaining());
                    in.position(in.position() + take);
                    chunkLeft -= take;
                    if (chunkLeft > 0) {
                        return -1;
                    }
                    chunkLeft = -1;
                }
                int lineEnd = indexOfCrlf(in.position());
                if (lineEnd < 0) {
                    return -1;
                }
                String sizeLine = StandardCharsets.ISO_8859_1
                        .decode(in.slice(in.position(), lineEnd - in.position()))
                        .toString();
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    if (in.limit() < lineEnd + 4) {
                        return -1;
                    }
                    in.position(lineEnd + 4);
                    return finish();
                }
                in.position(lineEnd + 2);
                chunkLeft = size + 2L; // the data and the CRLF after it
            }
        }

        private int finish() {
            int n = current;
            current = -1;
            out = null;
            remaining = -1;
            chunked = false;
            chunkLeft = -1;
            return n;
        }

        private int headersEnd() {
            for (int i = in.position(); i + 3 < in.limit(); i++) {
                if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private int indexOfCrlf(int from) {
            for (int i = from; i + 1 < in.limit(); i++) {
                if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
