package org.osteon.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osteon.simulator.Activity;
import org.osteon.simulator.DayPlan;
import org.osteon.simulator.Segment;
import org.osteon.simulator.SignalGenerator;

/**
 * Wrist devices streaming live: each sends one 1-s JSON batch at 50 Hz every second, in real
 * time, QoS 1, from a few shared Paho connections. Devices are phased evenly over the second and
 * switched on one after another over a ramp, as a fleet comes online, so that neither the broker
 * nor the engine sees every device at the same instant.
 *
 * <p>The signal is the simulator's (a minute of walking and jumps), generated once and formatted
 * once: a batch is its header (seq, start) and one pre-formatted second of that minute, so that
 * the publisher costs the machine little of the CPU it shares with the service under test.
 */
final class LiveFleet implements AutoCloseable {
    static final int RATE_HZ = 50;
    private static final int POOL_SECONDS = 60;
    /** Spreads any prefix of the devices evenly over the second (golden-ratio sequence). */
    private static final double PHASE_STEP = 0.6180339887498949;

    /** Told of each batch just before it is handed to Paho. */
    @FunctionalInterface
    interface Listener {
        void publishing(int device, long seq, Instant end, long nanos);
    }

    private final List<MqttAsyncClient> clients;
    private final List<Semaphore> inFlight = new ArrayList<>();
    private final List<String> topics;
    private long[] nextSeq = new long[0];
    private final byte[][] tails = signalTails();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-pacer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long worstLagNanos;
    private ScheduledFuture<?> ticking;

    /** @param topics the accel topic of every device the fleet may run */
    LiveFleet(List<MqttAsyncClient> clients, List<String> topics) {
        this.clients = clients;
        this.topics = topics;
        for (int i = 0; i < clients.size(); i++) {
            inFlight.add(new Semaphore(900));
        }
    }

    /**
     * Starts the first {@code devices} devices: device d sends its first batch at {@code t0} plus
     * its share of {@code rampSeconds}, plus its phase within the second, and one every second
     * after. Each batch holds the second just recorded: it ends when it is published.
     */
    void start(int devices, long t0, int rampSeconds, Listener listener) {
        if (nextSeq.length < devices) {
            nextSeq = Arrays.copyOf(nextSeq, devices);
        }
        long wallT0Micros = Instant.now().toEpochMilli() * 1000 + (t0 - System.nanoTime()) / 1000;
        PriorityQueue<long[]> due = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        for (int d = 0; d < devices; d++) {
            long offset = (long) d * rampSeconds / devices * 1_000_000_000L + (long) ((d * PHASE_STEP) % 1.0 * 1e9);
            due.add(new long[] {t0 + offset, d});
        }
        worstLagNanos = 0;
        ticking = pacer.scheduleAtFixedRate(
                () -> {
                    long now = System.nanoTime();
                    while (!due.isEmpty() && due.peek()[0] <= now) {
                        long[] next = due.poll();
                        int d = (int) next[1];
                        worstLagNanos = Math.max(worstLagNanos, now - next[0]);
                        // Whole milliseconds, so that consecutive batches of a device join into one run.
                        long endMillis = (wallT0Micros + (next[0] - t0) / 1000) / 1000;
                        publish(d, Instant.ofEpochMilli(endMillis), listener);
                        next[0] += 1_000_000_000L;
                        due.add(next);
                    }
                },
                0,
                2,
                TimeUnit.MILLISECONDS);
    }

    private void publish(int device, Instant end, Listener listener) {
        long seq = nextSeq[device]++;
        byte[] payload = batch(seq, end.minusSeconds(1), (int) ((seq + device) % POOL_SECONDS));
        int c = device % clients.size();
        Semaphore permits = inFlight.get(c);
        permits.acquireUninterruptibly();
        listener.publishing(device, seq, end, System.nanoTime());
        try {
            clients.get(c).publish(topics.get(device), payload, 1, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    permits.release();
                    published.incrementAndGet();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    permits.release();
                    failed.incrementAndGet();
                }
            });
        } catch (MqttException e) {
            permits.release();
            failed.incrementAndGet();
        }
    }

    /** Stops sending; the devices' seqs carry on where they stopped if started again. */
    void stop() throws Exception {
        if (ticking.isDone()) {
            ticking.get(); // a tick that threw: say why the fleet stopped
        }
        ticking.cancel(false);
        // The pacer has one thread: once this runs, the last tick has finished.
        pacer.submit(() -> {}).get();
    }

    long published() {
        return published.get();
    }

    long failed() {
        return failed.get();
    }

    /** The most a batch was published after its due time since the last start. */
    double worstLagMillis() {
        return worstLagNanos / 1e6;
    }

    /** The batch {@code seq} of a device, with the signal of second {@code second} of the pool. */
    byte[] batch(long seq, Instant start, int second) {
        byte[] head = ("{\"seq\":" + seq + ",\"start\":\"" + start + "\"").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = tails[second];
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    static int poolSeconds() {
        return POOL_SECONDS;
    }

    /** A minute of the simulator's wrist signal, 40 s walking then 20 s of jumps, as batch tails. */
    private static byte[][] signalTails() {
        DayPlan plan = DayPlan.of(
                Instant.EPOCH,
                List.of(
                        new Segment(Activity.WALKING, 0, 40, 0),
                        new Segment(Activity.JUMPS, 40, POOL_SECONDS - 40, 4.0)));
        SignalGenerator signal = new SignalGenerator("bench", plan, RATE_HZ, 42);
        byte[][] tails = new byte[POOL_SECONDS][];
        float[] x = new float[RATE_HZ];
        float[] y = new float[RATE_HZ];
        float[] z = new float[RATE_HZ];
        for (int s = 0; s < POOL_SECONDS; s++) {
            signal.fill(x, y, z, 0, RATE_HZ);
            StringBuilder sb = new StringBuilder(32 + 3 * 8 * RATE_HZ)
                    .append(",\"rateHz\":")
                    .append(RATE_HZ);
            axis(sb, "x", x);
            axis(sb, "y", y);
            axis(sb, "z", z);
            tails[s] = sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
        }
        return tails;
    }

    /** Three decimals, by hand: String.format would cost more than the rest of the publisher. */
    private static void axis(StringBuilder sb, String name, float[] v) {
        sb.append(",\"").append(name).append("\":[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            long milli = Math.round(v[i] * 1000.0);
            if (milli < 0) {
                sb.append('-');
                milli = -milli;
            }
            sb.append(milli / 1000).append('.');
            long frac = milli % 1000;
            sb.append(frac < 100 ? (frac < 10 ? "00" : "0") : "").append(frac);
        }
        sb.append(']');
    }

    @Override
    public void close() throws Exception {
        pacer.shutdownNow();
        for (MqttAsyncClient c : clients) {
            c.disconnect().waitForCompletion(10_000);
            c.close();
        }
    }
}
