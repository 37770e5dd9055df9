package org.osteon.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jboss.logging.Logger;

/**
 * Plays simulated devices second by second against a broker, in real time, faster, or as fast as
 * possible, over a small pool of shared MQTT connections; then waits for the last receipts,
 * re-sending what has none, and writes each device-day's ground truth.
 *
 * <p>Batch start times are simulated time. Osteon rejects batches more than 24 h ahead of its
 * clock, so an accelerated run waits whenever it gets 23 h ahead of {@code clock}, which must be
 * the service's (its system clock, or the tests' clock).
 */
public final class Simulation implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Simulation.class);
    private static final Duration MAX_AHEAD = Duration.ofHours(23);
    private static final long RESEND_EVERY = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * As fast as possible means as fast as Osteon stores: with more batches than this awaiting
     * receipts the run waits. It stays below Mosquitto's default queue of 1000 messages per client,
     * which would otherwise drop the service's messages and leave them to the receipt timeout.
     */
    private static final int MAX_UNRECEIPTED = 500;

    private final SimulationOptions options;
    private final Clock clock;
    private final Map<String, SimulatedDevice> devices = new LinkedHashMap<>();
    private final List<GatewayConnection> links = new ArrayList<>();
    private final Map<SimulatedDevice, GatewayConnection> linkOf = new LinkedHashMap<>();
    private long lastResend;

    public Simulation(SimulationOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** Adds a device playing {@code plans} (contiguous, the first starting at the run's start). */
    public void addDevice(String deviceId, long seed, List<DayPlan> plans) {
        devices.put(
                deviceId,
                new SimulatedDevice(
                        deviceId,
                        options.rateHz(),
                        seed,
                        new BatchEncoder(options.format(), options.rangeG()),
                        plans,
                        options.fidgeting()));
    }

    /** Plays {@code [start, end)} and returns once every batch has a receipt or the drain timeout passed. */
    public RunReport run(Instant start, Instant end) throws MqttException, InterruptedException, IOException {
        return run(start, start, end);
    }

    /**
     * Plays {@code [start, end)}, where {@code [start, live)} is history: recorded before the
     * present and synced at once in hour batches, as fast as Osteon stores them (the devices'
     * registrations must accept recordings from {@code start}); from {@code live} on at the run's
     * speed. Returns once every batch has a receipt or the drain timeout passed.
     */
    public RunReport run(Instant start, Instant live, Instant end)
            throws MqttException, InterruptedException, IOException {
        long wallStart = System.nanoTime();
        connect();
        devices.values().forEach(d -> d.historyUntil(live));
        long seconds = Duration.between(start, end).toSeconds();
        long liveSecond = Math.max(0, Duration.between(start, live).toSeconds());
        for (long s = 0; s < seconds; s++) {
            Instant t = start.plusSeconds(s);
            if (s < liveSecond) {
                holdBackHistory();
            } else {
                if (s == liveSecond && s > 0) {
                    // The live part's pace counts from now, not from the start of the history.
                    wallStart = options.speed() == 0
                            ? wallStart
                            : System.nanoTime() - (long) (liveSecond * 1e9 / options.speed());
                    LOG.infof("History of %d devices sent; playing live from %s", devices.size(), t);
                }
                pace(s, t, wallStart);
            }
            for (SimulatedDevice d : devices.values()) {
                d.advance(t, linkOf.get(d));
            }
            resendDueNow();
            if (s % 3600 == 3599 && (s >= liveSecond || s % 86_400 == 86_399)) {
                LOG.infof("Simulated %d h of %d devices", (s + 1) / 3600, devices.size());
            }
        }
        for (SimulatedDevice d : devices.values()) {
            d.finish(linkOf.get(d));
        }
        drain();
        if (options.truthDir() != null) {
            for (SimulatedDevice d : devices.values()) {
                d.writeTruths(options.truthDir());
            }
        }
        List<DeviceReport> reports =
                devices.values().stream().map(SimulatedDevice::report).toList();
        return new RunReport(reports, seconds, Duration.ofNanos(System.nanoTime() - wallStart));
    }

    /** The ground truth of each day a device played, once {@link #run} returned. */
    public List<GroundTruth> truths(String deviceId) {
        return devices.get(deviceId).truths();
    }

    private void connect() throws MqttException, InterruptedException {
        String run = Long.toString(System.nanoTime(), 36);
        for (int c = 0; c < Math.min(options.connections(), Math.max(1, devices.size())); c++) {
            List<SimulatedDevice> mine = new ArrayList<>();
            GatewayConnection link = new GatewayConnection(
                    options.brokerUri(), "osteon-sim-" + run + "-" + c, 1_000, new GatewayConnection.Listener() {
                        @Override
                        public void receipt(String deviceId, byte[] payload) {
                            SimulatedDevice d = devices.get(deviceId);
                            if (d != null) {
                                d.receipt(payload);
                            }
                        }

                        @Override
                        public void reconnected() {
                            mine.forEach(SimulatedDevice::markAllDue);
                        }
                    });
            links.add(link);
            int i = 0;
            for (SimulatedDevice d : devices.values()) {
                if (i++ % options.connections() == c) {
                    mine.add(d);
                    linkOf.put(d, link);
                    link.attach(d.id());
                }
            }
            link.connect(30_000);
        }
    }

    /** History goes as fast as Osteon stores it, but with at most this many bytes awaiting receipts. */
    private static final long MAX_UNRECEIPTED_HISTORY_BYTES = 64L << 20;

    private void holdBackHistory() throws InterruptedException {
        while (unreceipted() > MAX_UNRECEIPTED
                || devices.values().stream()
                                .mapToLong(SimulatedDevice::unreceiptedBytes)
                                .sum()
                        > MAX_UNRECEIPTED_HISTORY_BYTES) {
            resendDueNow();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private void pace(long s, Instant t, long wallStart) throws InterruptedException {
        if (options.speed() == 0) {
            while (unreceipted() > MAX_UNRECEIPTED) {
                resendDueNow();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        } else {
            long due = wallStart + (long) (s * 1e9 / options.speed());
            while (System.nanoTime() < due) {
                resendDueNow();
                LockSupport.parkNanos(Math.min(due - System.nanoTime(), RESEND_EVERY));
            }
        }
        while (t.minus(MAX_AHEAD).isAfter(clock.instant())) {
            resendDueNow();
            Thread.sleep(1_000);
        }
    }

    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (unreceipted() > 0 && System.nanoTime() < deadline) {
            resendDueNow();
            Thread.sleep(50);
        }
        if (unreceipted() > 0) {
            LOG.warnf("%d batches still without a receipt after %s", unreceipted(), options.drainTimeout());
        }
    }

    private void resendDueNow() throws InterruptedException {
        long now = System.nanoTime();
        if (now - lastResend < RESEND_EVERY) {
            return;
        }
        lastResend = now;
        for (SimulatedDevice d : devices.values()) {
            d.resendDue(linkOf.get(d), now, options.receiptTimeout().toNanos());
        }
    }

    private int unreceipted() {
        return devices.values().stream().mapToInt(SimulatedDevice::unreceipted).sum();
    }

    @Override
    public void close() {
        links.forEach(GatewayConnection::close);
    }
}
