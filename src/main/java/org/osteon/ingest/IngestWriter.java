package org.osteon.ingest;

import static org.osteon.ingest.Rejection.Code.*;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.osteon.common.Text;
import org.osteon.engine.DirtyDays;
import org.osteon.ingest.DeviceDirectory.DeviceInfo;
import org.osteon.ingest.Inbound.BatchKey;
import org.osteon.ingest.Inbound.Outcome;
import org.osteon.ingest.IngestRepository.RejectionRow;
import org.osteon.ingest.IngestRepository.Totals;

/**
 * A writer: takes a group of messages from the intake queue, decides each one's
 * outcome and stores the group in one transaction, and only after the commit hands the group
 * to the {@link Completion} (receipts, then broker acknowledgements in arrival order). Several
 * writers may share one queue through {@link Groups} (osteon.ingest.writers): groups are taken one
 * writer at a time and numbered in arrival order, committed in parallel on connections of their
 * own, and the completion puts them back in that order. A
 * failed transaction is retried with the same messages until it commits, so nothing that was
 * acknowledged can be missing from the database; a message that the database refuses whatever
 * the retry is found and refused on its own (see {@link #writeRange}), so that it never holds back
 * another device's batch.
 */
final class IngestWriter implements Runnable {
    private static final Logger LOG = Logger.getLogger(IngestWriter.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    /** What happens to a group after its commit; {@code group} numbers the groups in arrival order. */
    interface Completion {
        void completed(long group, List<Inbound> messages, Outcome[] outcomes, long transactionNanos);
    }

    /**
     * The writers' common source of groups. A group is taken whole by one writer while the others
     * wait, so that each group is a contiguous run of arrivals and its number says where it goes.
     * A group that holds a batch key of an earlier group still being written waits for that group
     * to end before its own transaction starts: so the first copy to arrive of a batch is the one
     * accepted (a later copy is its duplicate, and with other content a reused seq), as with one
     * writer. Groups without such keys, the usual case, are written in parallel.
     */
    static final class Groups {
        private final IntakeQueue queue;
        private final ReentrantLock taking = new ReentrantLock();
        private long next;
        /** Groups taken and not yet ended, with their keys. Guarded by {@link #taking}. */
        private final List<Flight> inFlight = new ArrayList<>();

        Groups(IntakeQueue queue) {
            this.queue = queue;
        }

        /** A group being written: its keys, and whether it ended (committed or given up). */
        static final class Flight {
            final Set<BatchKey> keys;
            private final CountDownLatch ended = new CountDownLatch(1);

            Flight(Set<BatchKey> keys) {
                this.keys = keys;
            }

            void awaitEnd() throws InterruptedException {
                ended.await();
            }
        }

        /**
         * A group, its number, and the earlier groups in flight that it must wait for; empty when
         * nothing came within the first wait.
         */
        record Group(long number, List<Inbound> messages, Flight flight, List<Flight> after) {}

        Group take(int maxTake, long maxTakeBytes, long firstWaitNanos, long lingerNanos) throws InterruptedException {
            taking.lockInterruptibly();
            try {
                List<Inbound> messages = queue.take(maxTake, maxTakeBytes, firstWaitNanos, lingerNanos);
                if (messages.isEmpty()) {
                    return new Group(-1, messages, null, List.of());
                }
                Set<BatchKey> keys = new HashSet<>();
                for (Inbound m : messages) {
                    if (m.batch != null) {
                        keys.add(m.key());
                    }
                }
                List<Flight> after = new ArrayList<>();
                for (Flight f : inFlight) {
                    if (!Collections.disjoint(f.keys, keys)) {
                        after.add(f);
                    }
                }
                Flight flight = new Flight(keys);
                inFlight.add(flight);
                return new Group(next++, messages, flight, after);
            } finally {
                taking.unlock();
            }
        }

        /** The group was committed or given up: later groups with its keys may go on. */
        void ended(Flight flight) {
            taking.lock();
            try {
                inFlight.remove(flight);
            } finally {
                taking.unlock();
            }
            flight.ended.countDown();
        }

        int size() {
            return queue.size();
        }
    }

    private final Groups groups;
    private final DataSource dataSource;
    private final DeviceDirectory directory;
    private final Completion completion;
    private final IngestConfig config;
    private final WriterHealth health;
    private volatile boolean stopping;
    private volatile long stopDeadlineNanos = Long.MAX_VALUE;

    /** The only writer of {@code queue}. */
    IngestWriter(
            IntakeQueue queue,
            DataSource dataSource,
            DeviceDirectory directory,
            Completion completion,
            IngestConfig config) {
        this(
                new Groups(queue),
                dataSource,
                directory,
                completion,
                config,
                new WriterHealth(config.writerStallAfter().toNanos(), System::nanoTime));
    }

    /**
     * One of the writers of {@code groups}; they share {@code health} (stalled while none of them
     * progresses) and the device cache.
     */
    IngestWriter(
            Groups groups,
            DataSource dataSource,
            DeviceDirectory directory,
            Completion completion,
            IngestConfig config,
            WriterHealth health) {
        this.groups = groups;
        this.dataSource = dataSource;
        this.directory = directory;
        this.completion = completion;
        this.config = config;
        this.health = health;
    }

    WriterHealth health() {
        return health;
    }

    /** Finishes what is queued, giving up (unacknowledged, so re-delivered later) after {@code graceNanos}. */
    void stop(long graceNanos) {
        stopDeadlineNanos = System.nanoTime() + graceNanos;
        stopping = true;
    }

    @Override
    public void run() {
        try {
            while (!(stopping && groups.size() == 0) && System.nanoTime() < stopDeadlineNanos) {
                Groups.Group taken = groups.take(
                        config.writeBatchMessages(),
                        config.writeBatchBytes(),
                        200_000_000L,
                        config.writeLinger().toNanos());
                List<Inbound> group = taken.messages();
                if (group.isEmpty()) {
                    continue;
                }
                Outcome[] outcomes;
                long started;
                try {
                    for (Groups.Flight earlier : taken.after()) {
                        earlier.awaitEnd();
                    }
                    started = System.nanoTime();
                    outcomes = writeWithRetry(group);
                } finally {
                    groups.ended(taken.flight());
                }
                if (outcomes == null) {
                    return;
                }
                completion.completed(taken.number(), group, outcomes, System.nanoTime() - started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error(
                    "Ingest writer stopped by an unexpected failure; unacknowledged messages will be re-delivered", e);
        } finally {
            if (!stopping) {
                health.ended();
            }
        }
    }

    /** @return the outcomes, or null if the writer was stopped before the group could be committed */
    private Outcome[] writeWithRetry(List<Inbound> group) throws InterruptedException {
        Outcome[] out = new Outcome[group.size()];
        return writeRange(group, 0, group.size(), out) ? out : null;
    }

    /**
     * Commits {@code group[from, to)} and puts its outcomes into {@code out}. A failure that any
     * message would meet (see {@link WriteFailure}) is retried with the same messages until it
     * commits, so nothing acknowledged can be missing. A failure that a message itself causes is
     * narrowed down by halving the range, each half in a transaction of its own and in order, until
     * the message is alone; that one is tried once more on its own and then set aside
     * ({@link #setAside}): at most about 2·log2(group) extra transactions, and every other message
     * of the group is stored as if the bad one had never come.
     *
     * @return false if the writer was stopped before the range could be committed
     */
    private boolean writeRange(List<Inbound> group, int from, int to, Outcome[] out) throws InterruptedException {
        long backoff = 100;
        boolean triedAlone = false;
        while (true) {
            try {
                Outcome[] part = write(group.subList(from, to));
                System.arraycopy(part, 0, out, from, part.length);
                health.progressed();
                return true;
            } catch (SQLException | RuntimeException e) {
                if (System.nanoTime() >= stopDeadlineNanos) {
                    return false;
                }
                health.failed();
                if (WriteFailure.of(e) == WriteFailure.Kind.TRANSIENT) {
                    // The database's own message names no payload text for these; it says what is wrong.
                    LOG.warnf(
                            "Storing %d messages failed (%s: %s); retrying in %d ms",
                            to - from, WriteFailure.label(e), e.getMessage(), backoff);
                    Thread.sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
                } else {
                    forgetDevices(group, from, to);
                    if (to - from > 1) {
                        // Never the exception's message here: it may quote the very text that was refused.
                        LOG.warnf(
                                "Storing %d messages was refused (%s); finding the message that causes it",
                                to - from, WriteFailure.label(e));
                        int mid = (from + to) >>> 1;
                        return writeRange(group, from, mid, out) && writeRange(group, mid, to, out);
                    }
                    if (!triedAlone) {
                        // Alone, with its device looked up afresh, it may pass or be refused as unknown.
                        triedAlone = true;
                        continue;
                    }
                    out[from] = setAside(group.get(from), e);
                    return out[from] != null;
                }
            }
        }
    }

    /**
     * Drops the range's devices from the cache before it is tried again: a device erased or revoked
     * since it was cached (here or by another instance) breaks the ledger's foreign key, and looked up
     * afresh it is refused as unknown instead.
     */
    private void forgetDevices(List<Inbound> group, int from, int to) {
        for (int i = from; i < to; i++) {
            directory.invalidate(group.get(i).deviceId);
        }
    }

    /**
     * Refuses a message that cannot be stored, so that it is acknowledged and never holds back
     * another: its rejection is recorded with a reason made only of the failure's SQLSTATE (never
     * its message, never the payload's text) under the topic's device id, in a transaction of its
     * own that is retried like any other.
     *
     * @return the outcome, or null if the writer was stopped first
     */
    private Outcome setAside(Inbound m, Throwable cause) throws InterruptedException {
        health.setAside();
        LOG.errorf(
                "A %s message of device %s (seq %s, %d bytes) cannot be stored (%s); it is refused and acknowledged",
                m.stream.wireName(),
                Text.printable(m.deviceId, 64),
                m.seq,
                m.payload.length,
                WriteFailure.label(cause));
        Outcome refused = Outcome.rejected(new Rejection(
                UNSTORABLE,
                "payload: could not be stored (" + WriteFailure.label(cause) + "); not retried, the batch is refused"));
        long backoff = 100;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    String deviceId = Text.printable(m.deviceId, 256);
                    IngestRepository.insertRejections(
                            c,
                            List.of(new RejectionRow(
                                    deviceId,
                                    m.stream,
                                    m.seq,
                                    refused.rejection(),
                                    m.payload.length,
                                    ContentHash.of(m.payload))));
                    if (deviceId.equals(m.deviceId)
                            && !directory.lookup(c, Set.of(deviceId)).isEmpty()) {
                        Totals t = new Totals();
                        t.rejections = 1;
                        TreeMap<String, Totals> totals = new TreeMap<>();
                        totals.put(deviceId + "/" + m.stream.wireName(), t);
                        IngestRepository.addTotals(c, totals);
                    }
                    c.commit();
                    return refused;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (System.nanoTime() >= stopDeadlineNanos) {
                    return null;
                }
                if (WriteFailure.of(e) == WriteFailure.Kind.MESSAGE) {
                    // Nothing of the message is left in this record but its device id and sizes.
                    LOG.errorf(
                            "Recording the refusal of device %s's message failed too (%s); acknowledged without a record",
                            Text.printable(m.deviceId, 64), WriteFailure.label(e));
                    return refused;
                }
                LOG.warnf(
                        "Recording a refusal failed (%s: %s); retrying in %d ms",
                        WriteFailure.label(e), e.getMessage(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    Outcome[] write(List<Inbound> group) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Outcome[] outcomes = store(c, group);
                c.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outcome[] store(Connection c, List<Inbound> group) throws SQLException {
        Outcome[] out = new Outcome[group.size()];
        Set<String> ids = new HashSet<>();
        for (Inbound m : group) {
            // An id no device can have is unknown without asking the database.
            if (DeviceIds.isValid(m.deviceId)) {
                ids.add(m.deviceId);
            }
        }
        Map<String, DeviceInfo> devices = directory.lookup(c, ids);
        for (int i = 0; i < out.length; i++) {
            Inbound m = group.get(i);
            Rejection r = m.decodeRejection != null ? m.decodeRejection : checkDevice(m, devices.get(m.deviceId));
            if (r != null) {
                out[i] = Outcome.rejected(r);
            }
        }
        Map<BatchKey, Integer> firstOf = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                firstOf.putIfAbsent(group.get(i).key(), i);
            }
        }
        List<Inbound> firsts = new ArrayList<>(firstOf.size());
        firstOf.values().forEach(i -> firsts.add(group.get(i)));
        Set<BatchKey> inserted = firsts.isEmpty() ? Set.of() : IngestRepository.insertLedger(c, firsts);
        resolveAgainstLedger(c, group, out, firstOf, inserted);

        List<Inbound> accepted = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == Outcome.ACCEPTED) {
                accepted.add(group.get(i));
            }
        }
        IngestRepository.insertAccel(c, accepted);
        IngestRepository.insertLoad(c, accepted);
        // In this transaction, so that a stored batch and the mark that gets its days re-scored
        // commit or fail together.
        DirtyDays.mark(c, spans(accepted));
        IngestRepository.insertRejections(c, rejectionRows(group, out, devices));
        IngestRepository.countUnregistered(c, unregistered(group, out, devices));
        IngestRepository.addTotals(c, totals(group, out, devices));
        return out;
    }

    /** The stretch of time each accepted batch covers, for the days it changes. */
    private static List<DirtyDays.Span> spans(List<Inbound> accepted) {
        List<DirtyDays.Span> spans = new ArrayList<>(accepted.size());
        for (Inbound m : accepted) {
            if (m.batch instanceof AccelBatch a) {
                long lastNanos = (long) ((a.samples() - 1) * 1e9 / a.rateHz());
                spans.add(new DirtyDays.Span(m.deviceId, a.start(), a.start().plusNanos(lastNanos)));
            } else if (m.batch instanceof LoadBatch l && !l.events().isEmpty()) {
                Instant first = l.events().get(0).t();
                Instant last = first;
                for (LoadBatch.LoadEvent e : l.events()) {
                    first = e.t().isBefore(first) ? e.t() : first;
                    last = e.t().isAfter(last) ? e.t() : last;
                }
                spans.add(new DirtyDays.Span(m.deviceId, first, last));
            }
        }
        return spans;
    }

    /** Accepted if this message created the ledger row; otherwise a duplicate or a reused seq. */
    private static void resolveAgainstLedger(
            Connection c, List<Inbound> group, Outcome[] out, Map<BatchKey, Integer> firstOf, Set<BatchKey> inserted)
            throws SQLException {
        List<BatchKey> existing = new ArrayList<>();
        for (BatchKey k : firstOf.keySet()) {
            if (!inserted.contains(k)) {
                existing.add(k);
            }
        }
        Map<BatchKey, byte[]> stored = IngestRepository.storedHashes(c, existing);
        for (BatchKey k : inserted) {
            stored.put(k, group.get(firstOf.get(k)).batch.contentHash());
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null) {
                continue;
            }
            Inbound m = group.get(i);
            BatchKey k = m.key();
            if (firstOf.get(k) == i && inserted.contains(k)) {
                out[i] = Outcome.ACCEPTED;
                continue;
            }
            byte[] hash = stored.get(k);
            if (hash == null) {
                throw new IllegalStateException("ledger row vanished during ingest: " + k);
            }
            out[i] = Arrays.equals(hash, m.batch.contentHash())
                    ? Outcome.DUPLICATE
                    : Outcome.rejected(new Rejection(
                            SEQ_REUSED,
                            "seq: " + k.seq() + " was already used with different content; the first version stands"));
        }
    }

    private static Rejection checkDevice(Inbound m, DeviceInfo d) {
        if (d == null) {
            return new Rejection(
                    UNKNOWN_DEVICE,
                    "device: '" + Text.printable(m.deviceId, JsonFields.MAX_DEVICE_ID) + "' is not registered");
        }
        if (d.revokedAt() != null) {
            return new Rejection(
                    UNKNOWN_DEVICE,
                    "device: '" + Text.printable(m.deviceId, JsonFields.MAX_DEVICE_ID) + "' was revoked");
        }
        DecodedBatch b = m.batch;
        if (b.claimedDeviceId() != null && !b.claimedDeviceId().equals(m.deviceId)) {
            return new Rejection(
                    DEVICE_MISMATCH,
                    "deviceId: '" + Text.printable(b.claimedDeviceId(), JsonFields.MAX_DEVICE_ID)
                            + "' does not match the device of the topic, '" + m.deviceId + "'");
        }
        if (b instanceof AccelBatch a && a.maxAbsG() > d.rangeG()) {
            return new Rejection(
                    OUT_OF_RANGE,
                    a.maxAbsField() + ": |" + (float) a.maxAbsG() + "| g is beyond the device's range of " + d.rangeG()
                            + " g");
        }
        Instant earliest = b.earliest();
        if (earliest.isBefore(d.dataFrom())) {
            return new Rejection(
                    START_BEFORE_REGISTRATION,
                    b.earliestField() + ": " + earliest
                            + (d.dataFrom().equals(d.registeredAt())
                                    ? " is before the device was registered at " + d.registeredAt()
                                    : " is before " + d.dataFrom()
                                            + ", the earliest recording its registration accepted"));
        }
        return null;
    }

    /** Rejections of registered devices, each kept for the device's sync status and its owner's export. */
    private static List<RejectionRow> rejectionRows(List<Inbound> group, Outcome[] out, Map<String, DeviceInfo> known) {
        List<RejectionRow> rows = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i].rejection() != null && known.containsKey(group.get(i).deviceId)) {
                Inbound m = group.get(i);
                rows.add(new RejectionRow(
                        m.deviceId, m.stream, m.seq, out[i].rejection(), m.payload.length, ContentHash.of(m.payload)));
            }
        }
        return rows;
    }

    /** Messages of ids that are not registered, counted per id (see V54), in id order against deadlocks. */
    private static TreeMap<String, IngestRepository.Unregistered> unregistered(
            List<Inbound> group, Outcome[] out, Map<String, DeviceInfo> known) {
        TreeMap<String, IngestRepository.Unregistered> counts = new TreeMap<>();
        for (int i = 0; i < out.length; i++) {
            Inbound m = group.get(i);
            if (out[i].rejection() != null && !known.containsKey(m.deviceId)) {
                String id = DeviceIds.isValid(m.deviceId) ? m.deviceId : DeviceIds.INVALID;
                counts.merge(
                        id,
                        new IngestRepository.Unregistered(
                                1, m.stream, out[i].rejection().code()),
                        (a, b) -> new IngestRepository.Unregistered(a.messages() + 1, b.stream(), b.code()));
            }
        }
        return counts;
    }

    private static TreeMap<String, Totals> totals(List<Inbound> group, Outcome[] out, Map<String, DeviceInfo> known) {
        TreeMap<String, Totals> totals = new TreeMap<>();
        for (int i = 0; i < out.length; i++) {
            Inbound m = group.get(i);
            if (!known.containsKey(m.deviceId)) {
                continue;
            }
            Totals t = totals.computeIfAbsent(m.deviceId + "/" + m.stream.wireName(), k -> new Totals());
            switch (out[i].status()) {
                case ACCEPTED ->
                    t.accepted(
                            m.batch.seq(),
                            m.batch.count(),
                            m.batch instanceof AccelBatch a ? a.samples() / a.rateHz() : 0);
                case DUPLICATE -> t.duplicates++;
                case REJECTED -> t.rejections++;
            }
        }
        return totals;
    }
}
