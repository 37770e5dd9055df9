package org.osteon.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Decodes payloads on a few threads and hands them to the intake queue in arrival order. The
 * MQTT receive thread only starts a decoding; parsing hour-long JSON batches (tens of millions of
 * numbers a day) is then no longer bound to that one thread (bench/ingest.sh).
 *
 * <p>Order: decodings wait in a FIFO in arrival order and one thread moves each, once decoded,
 * to the intake queue; acknowledgements follow that order. Bound: the FIFO holds at most
 * {@code 2 × threads} payloads (each at most osteon.ingest.max-payload-bytes, with its decoded
 * form), and when it is full the receive thread waits, so back-pressure still reaches the broker
 * through the intake queue's own bounds.
 */
final class ParallelDecoding {
    private static final Logger LOG = Logger.getLogger(ParallelDecoding.class);

    private final ExecutorService pool;

    /** A payload being decoded, with what its refusal would need. */
    private record Decoding(
            FutureTask<Inbound> task,
            DeviceTopics.Address address,
            Object connection,
            int messageId,
            int qos,
            byte[] payload,
            long arrived) {}

    private final ThreadLocal<PayloadDecoder> decoders;
    private final BlockingQueue<Decoding> inOrder;
    private final IntakeQueue queue;
    private final BooleanSupplier closing;
    private final Thread mover;

    ParallelDecoding(int threads, Supplier<PayloadDecoder> decoder, IntakeQueue queue, BooleanSupplier closing) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "osteon-ingest-decoder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.decoders = ThreadLocal.withInitial(decoder);
        this.inOrder = new ArrayBlockingQueue<>(2 * threads);
        this.queue = queue;
        this.closing = closing;
        this.mover = new Thread(this::moveInOrder, "osteon-ingest-decoded");
        this.mover.setDaemon(true);
    }

    void start() {
        mover.start();
    }

    /**
     * Starts decoding a payload; waits while {@code 2 × threads} are decoding or decoded and not yet
     * queued. Returns false when shutting down (the message is left to the broker).
     */
    boolean submit(DeviceTopics.Address a, Object connection, int messageId, int qos, byte[] payload, long arrived)
            throws InterruptedException {
        FutureTask<Inbound> task =
                new FutureTask<>(() -> decoders.get().decode(a, connection, messageId, qos, payload, arrived));
        Decoding d = new Decoding(task, a, connection, messageId, qos, payload, arrived);
        while (!inOrder.offer(d, 100, TimeUnit.MILLISECONDS)) {
            if (closing.getAsBoolean()) {
                return false;
            }
        }
        pool.execute(task);
        return true;
    }

    private void moveInOrder() {
        try {
            while (true) {
                Decoding next = inOrder.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (closing.getAsBoolean()) {
                        return;
                    }
                    continue;
                }
                Inbound m;
                try {
                    m = next.task().get();
                } catch (ExecutionException e) {
                    // A decoder refuses what it cannot read, so this is a defect. The message is
                    // refused rather than left unacknowledged, which would hold back every later one.
                    // Never the payload's text in the log.
                    LOG.errorf(
                            "Decoding a payload failed unexpectedly (%s)",
                            e.getCause().getClass().getName());
                    m = Inbound.refused(
                            next.address(),
                            next.connection(),
                            next.messageId(),
                            next.qos(),
                            next.payload(),
                            next.arrived(),
                            new Rejection(Rejection.Code.MALFORMED, "payload: could not be decoded"),
                            PayloadDecoder.peekSeq(next.payload()));
                }
                if (!queue.put(m, closing)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        pool.shutdownNow();
        mover.interrupt();
    }
}
