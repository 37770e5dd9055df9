package org.osteon.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One wearable following the device contract: every simulated second it records a second of its
 * planned day and, when online, publishes it as a 1-s batch. While its plan says it is offline it
 * buffers, cutting the buffer into 1-h batches; back online it first sends the new second, then
 * the old hours (out of order, as a real re-sync does). Every batch is kept until a receipt names
 * it and re-sent when none came within the timeout or after a reconnect. Seqs count per stream.
 */
final class SimulatedDevice {
    private static final Logger LOG = Logger.getLogger(SimulatedDevice.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final int rateHz;
    private final long seed;
    private final BatchEncoder encoder;
    private final Iterator<DayPlan> plans;
    private final float[][] second;
    private final OfflineBuffer offline;
    private final Deque<Outgoing> backlog = new ArrayDeque<>();
    private final Map<String, Outgoing> unreceipted = new ConcurrentHashMap<>();
    private final Map<String, Integer> acceptedReceipts = new ConcurrentHashMap<>();
    private final List<GroundTruth> truths = new ArrayList<>();
    private long accelBatches;
    private long accelSamples;
    private long loadBatches;
    private long loadEvents;
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong resends = new AtomicLong();
    private final AtomicLong unreceiptedBytes = new AtomicLong();
    private SignalGenerator day;
    private long accelSeq;
    private final boolean fidgeting;
    private long loadSeq;
    private volatile boolean online = true;
    /** Seconds before this instant are history: played without pacing and sent as hour batches. */
    private Instant historyUntil;

    SimulatedDevice(String id, int rateHz, long seed, BatchEncoder encoder, List<DayPlan> plans) {
        this(id, rateHz, seed, encoder, plans, false);
    }

    /** @param fidgeting whether the desk wrist moves as an awake wearer's does (SignalGenerator) */
    SimulatedDevice(String id, int rateHz, long seed, BatchEncoder encoder, List<DayPlan> plans, boolean fidgeting) {
        this.fidgeting = fidgeting;
        this.id = id;
        this.rateHz = rateHz;
        this.seed = seed;
        this.encoder = encoder;
        this.plans = plans.iterator();
        this.second = new float[3][rateHz];
        this.offline = new OfflineBuffer(rateHz);
    }

    String id() {
        return id;
    }

    /**
     * What a plan's start adds to the device's seed for its signal, so that two days of one device
     * differ: {@code deviceSeed ^ startMix(start)}. A test that plays a planned day at another
     * instant and wants the very signal of the planned date cancels it out.
     */
    static long startMix(Instant start) {
        return start.getEpochSecond() * 0x9E3779B97F4A7C15L;
    }

    /** Plays every second before {@code until} as history (see {@link Simulation#run(Instant, Instant, Instant)}). */
    void historyUntil(Instant until) {
        this.historyUntil = until;
    }

    /** Bytes of the batches still without a receipt, kept as they are sent and receipted. */
    long unreceiptedBytes() {
        return unreceiptedBytes.get();
    }

    /** Records and, if online, sends the simulated second starting at {@code t}. */
    void advance(Instant t, Publisher link) throws InterruptedException {
        if ((day == null || day.done()) && !nextDay()) {
            return;
        }
        int n = day.fill(second[0], second[1], second[2], 0, rateHz);
        int at = (int) (t.getEpochSecond() - day.plan().start().getEpochSecond());
        boolean history = historyUntil != null && t.isBefore(historyUntil);
        online = history || !day.plan().offlineAt(at);
        if (history) {
            // Recorded before the run's present and synced now, an hour a batch, as a re-sync would.
            offline.append(t, second[0], second[1], second[2], n);
            if (offline.holdsAnHour() || !t.plusSeconds(1).isBefore(historyUntil)) {
                closeOfflineHour();
                while (!backlog.isEmpty()) {
                    send(link, backlog.poll());
                }
            }
        } else if (online) {
            closeOfflineHour();
            long seq = accelSeq++;
            send(
                    link,
                    made(new Outgoing(
                            "accel", seq, encoder.accel(seq, t, rateHz, second[0], second[1], second[2], n), n)));
            while (!backlog.isEmpty()) {
                send(link, backlog.poll());
            }
        } else {
            offline.append(t, second[0], second[1], second[2], n);
            if (offline.holdsAnHour()) {
                closeOfflineHour();
            }
        }
        for (LoadEvent e : day.plan().loads()) {
            if (e.second() == at) {
                long seq = loadSeq++;
                Outgoing load = made(new Outgoing(
                        "load",
                        seq,
                        encoder.load(seq, List.of(e.toJson(day.plan().start()))),
                        1));
                if (online) {
                    send(link, load);
                } else {
                    backlog.add(load);
                }
            }
        }
    }

    /** The end of the run: the device comes back online and syncs whatever it still holds. */
    void finish(Publisher link) throws InterruptedException {
        closeOfflineHour();
        online = true;
        while (!backlog.isEmpty()) {
            send(link, backlog.poll());
        }
        if (day != null) {
            truths.add(day.truth());
        }
        day = null;
    }

    /** Re-sends batches without a receipt that are due: never sent, sent before a reconnect, or timed out. */
    void resendDue(Publisher link, long nowNanos, long timeoutNanos) throws InterruptedException {
        if (!online) {
            return;
        }
        for (Outgoing o : unreceipted.values()) {
            if (o.lastSent == 0 || nowNanos - o.lastSent > timeoutNanos) {
                if (!link.publish(id, o.stream, o.payload)) {
                    return;
                }
                o.lastSent = System.nanoTime();
                resends.incrementAndGet();
            }
        }
    }

    /** After a reconnect nothing sent before is sure to have arrived. */
    void markAllDue() {
        unreceipted.values().forEach(o -> o.lastSent = 0);
    }

    void receipt(byte[] payload) {
        JsonNode r;
        try {
            r = JSON.readTree(payload);
        } catch (IOException e) {
            LOG.warnf("Device %s got an unreadable receipt", id);
            return;
        }
        String key = Outgoing.key(r.path("stream").asText(), r.path("seq").asText());
        Outgoing done = unreceipted.remove(key);
        if (done != null) {
            unreceiptedBytes.addAndGet(-done.payload.length);
        }
        switch (r.path("status").asText()) {
            case "accepted" -> acceptedReceipts.merge(key, 1, Integer::sum);
            case "duplicate" -> duplicates.incrementAndGet();
            default -> {
                rejected.incrementAndGet();
                LOG.warnf(
                        "Device %s: batch %s rejected: %s",
                        id, key, r.path("reason").asText());
            }
        }
    }

    void writeTruths(Path dir) throws IOException {
        for (GroundTruth t : truths) {
            t.write(dir);
        }
    }

    List<GroundTruth> truths() {
        return List.copyOf(truths);
    }

    DeviceReport report() {
        int acceptedOnce =
                (int) acceptedReceipts.values().stream().filter(c -> c == 1).count();
        return new DeviceReport(
                id,
                accelBatches,
                accelSamples,
                loadBatches,
                loadEvents,
                acceptedReceipts.size(),
                acceptedOnce,
                duplicates.get(),
                rejected.get(),
                resends.get(),
                unreceipted.size());
    }

    int unreceipted() {
        return unreceipted.size();
    }

    private boolean nextDay() {
        if (day != null) {
            truths.add(day.truth());
        }
        if (!plans.hasNext()) {
            day = null;
            return false;
        }
        DayPlan plan = plans.next();
        day = new SignalGenerator(id, plan, rateHz, seed ^ startMix(plan.start()), fidgeting);
        return true;
    }

    private void closeOfflineHour() {
        if (!offline.isEmpty()) {
            int n = offline.length();
            long seq = accelSeq++;
            backlog.add(made(new Outgoing("accel", seq, offline.drain(encoder, seq), n)));
        }
    }

    private Outgoing made(Outgoing o) {
        if (o.stream.equals("accel")) {
            accelBatches++;
            accelSamples += o.samples;
        } else {
            loadBatches++;
            loadEvents += o.samples;
        }
        return o;
    }

    private void send(Publisher link, Outgoing o) throws InterruptedException {
        if (unreceipted.put(o.key(), o) == null) {
            unreceiptedBytes.addAndGet(o.payload.length);
        }
        o.lastSent = link.publish(id, o.stream, o.payload) ? System.nanoTime() : 0;
    }
}
