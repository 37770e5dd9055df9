package org.osteon.adherence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.osteon.engine.DayNotices;
import org.osteon.engine.DaysWritten;
import org.osteon.program.ProgramChanged;

/**
 * The JSON of the adherence answers apps ask for most (a patient's days or weeks), kept until
 * the patient's data may have changed, so that an app polling its week is answered without
 * reading and judging the same days again. The access check runs on every request before this is
 * asked: only the computation and its serialisation are saved.
 *
 * <p>When an answer stops being given, and why that is enough:
 *
 * <ul>
 *   <li>Everything a days or weeks answer reads changes with a notice for its patient: a scored or
 *       derived day (the engine's transaction, one notice per day it changed), a program version
 *       (its transaction), a resistance set (it arrives in a loading batch, which marks its day;
 *       the day's scoring sends the notice, when the day's other results from that batch appear
 *       too). On this instance the engine ({@link DaysWritten}) and the program service ({@link
 *       ProgramChanged}, after its commit) say so directly, so a write is seen by the next read
 *       here; a write on another instance is heard from the PostgreSQL notification, delivered
 *       after its commit (the listening connection of {@code org.osteon.progress.DayChanges}).
 *   <li>A day's change ends only the answers whose weeks (Monday to Sunday, the patient's) hold
 *       it: live scoring of today leaves the answers about earlier weeks standing. A program
 *       version, or an erasure, ends all of the patient's answers.
 *   <li>The one input without a notice is a mood check-in's answers: an answer that read them is
 *       never kept ({@link AdherenceService.Periods#readCheckins}).
 *   <li>An answer is stamped, before its reads start, with its patient's change count and the
 *       change count of each of its weeks (counters the patient ids, and the pairs of patient and
 *       week, hash to; a collision only costs a miss). It is given only while those counts are
 *       unchanged: a change committed during its reads bumps a count after the commit, so the
 *       answer that may have missed it is never given. An answer over more than {@link
 *       #MAX_WEEKS} weeks is not kept.
 *   <li>While the notification connection is down, nothing is kept or given: notices sent then
 *       are lost, so every answer is dropped when it is lost and when it is back.
 *   <li>The key holds the patient's zone and today's date there, so the open day or week moves
 *       at the patient's midnight, and {@link AdherenceConfig#answerCacheTtl()} ends an entry no
 *       change ended (so that space is freed for other patients).
 * </ul>
 *
 * <p>Bounded by {@link AdherenceConfig#answerCacheBytes()} of JSON (plus a small overhead an
 * entry): when full, ended entries are swept (at most once a second); if it is still full, a new
 * answer is not kept until entries end. {@code 0} turns this off.
 */
@ApplicationScoped
public class AdherenceAnswers {
    /** Change counters the patients hash to: 128 KiB, few collisions at 10,000s of patients. */
    static final int STRIPES = 1 << 14;

    /**
     * Change counters the pairs of patient and week hash to: 2 MiB. Live scoring keeps bumping the
     * counters of this week's pairs; an earlier week that shares one misses with it. With 10,000
     * patients live, 65,536 counters left some 5 % of last week's answers computed again; 262,144
     * leave about 4 % of pairs sharing a counter with a live one.
     */
    static final int WEEK_STRIPES = 1 << 18;

    /** Most weeks an answer kept may span: a week, a month's days; a longer range is computed. */
    static final int MAX_WEEKS = 6;

    /** An entry's bytes beyond its JSON: key, dates, record and map node, roughly. */
    private static final int OVERHEAD = 256;

    private static final long SWEEP_EVERY_MILLIS = 1000;

    /** What an answer is: whose, which request, and the present it was judged in. */
    public record Key(UUID patientId, String by, LocalDate from, LocalDate to, LocalDate today, String zone) {
        /** The Monday of the first week the answer reads. */
        LocalDate firstMonday() {
            return monday(from);
        }

        /** How many weeks (Monday to Sunday) the answer reads. */
        long weeks() {
            return ChronoUnit.WEEKS.between(firstMonday(), monday(to)) + 1;
        }
    }

    /**
     * The counts an answer is computed under, taken before its reads: the epoch, its patient's and
     * each of its weeks'. Null {@code weeks}: the answer is not to be kept.
     */
    public record Stamp(long epoch, long patient, long[] weeks) {
        /** Whether an answer computed under this may be kept at all. */
        public boolean keepable() {
            return weeks != null;
        }
    }

    private record Entry(byte[] json, Stamp stamp, long untilMillis) {}

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);
    private final AtomicLongArray weekChanges = new AtomicLongArray(WEEK_STRIPES);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);
    /** Bumped whenever notices may have been missed: every earlier stamp is void. */
    private final AtomicLong epoch = new AtomicLong();

    private volatile boolean listening;
    private final long maxBytes;
    private final long ttlMillis;
    private final Clock clock;
    private final Counter hits, misses, unkept;

    @Inject
    public AdherenceAnswers(AdherenceConfig config, Clock clock, MeterRegistry registry) {
        this(config.answerCacheBytes(), config.answerCacheTtl(), clock, registry);
    }

    AdherenceAnswers(long maxBytes, Duration ttl, Clock clock, MeterRegistry registry) {
        if (maxBytes < 0 || ttl.isNegative()) {
            throw new IllegalArgumentException("osteon.adherence.answer-cache-bytes and -ttl must not be negative");
        }
        this.maxBytes = maxBytes;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        this.hits = answers(registry, "hit");
        this.misses = answers(registry, "miss");
        this.unkept = answers(registry, "not_kept");
    }

    private static Counter answers(MeterRegistry registry, String outcome) {
        return Counter.builder("osteon_adherence_answers")
                .description("Adherence answers asked for while answers are kept: given as kept (hit) or computed "
                        + "(miss); of the misses, those whose answer was then not kept (not_kept: it read check-in answers "
                        + "or over 6 weeks, the cache was full, or a change came during its reads)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Whether answers may be kept at all: on, and hearing every change. */
    public boolean active() {
        return maxBytes > 0 && listening;
    }

    /** The answer kept for {@code key}, if it is still the answer. */
    public Optional<byte[]> get(Key key) {
        if (!active()) {
            return Optional.empty();
        }
        Entry e = entries.get(key);
        if (e == null) {
            misses.increment();
            return Optional.empty();
        }
        if (!current(key, e)) {
            remove(key, e);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(e.json());
    }

    /** The counts to compute the answer to {@code key} under: take it before reading. */
    public Stamp stamp(Key key) {
        long epochNow = epoch.get();
        long patient = changes.get(stripe(key.patientId()));
        long n = key.weeks();
        if (n < 1 || n > MAX_WEEKS) {
            return new Stamp(epochNow, patient, null);
        }
        long[] weeks = new long[(int) n];
        LocalDate monday = key.firstMonday();
        for (int i = 0; i < weeks.length; i++) {
            weeks[i] = weekChanges.get(weekStripe(key.patientId(), monday.plusWeeks(i)));
        }
        return new Stamp(epochNow, patient, weeks);
    }

    /** Keeps {@code json} as the answer to {@code key}, computed under {@code stamp}, if there is room. */
    public void put(Key key, Stamp stamp, byte[] json) {
        if (!active()) {
            return;
        }
        Entry e = new Entry(json, stamp, clock.millis() + ttlMillis);
        if (!current(key, e) || !reserve(size(e))) {
            unkept.increment();
            return;
        }
        Entry old = entries.put(key, e);
        if (old != null) {
            bytes.addAndGet(-size(old));
        }
    }

    /** Counts an answer that could not be kept (it read what sends no notice, or too many weeks). */
    public void notKept() {
        if (active()) {
            unkept.increment();
        }
    }

    /**
     * A change another instance (or this one) announced: a day ends the answers of its week, a
     * program version all of the patient's.
     */
    public void heard(DayNotices.Change change) {
        if (change.kind().equals(DayNotices.DAY)) {
            changed(change.patientId(), change.date());
        } else {
            changed(change.patientId());
        }
    }

    /** Something of {@code patientId}'s that adherence reads on any day changed and is committed. */
    void changed(UUID patientId) {
        changes.incrementAndGet(stripe(patientId));
    }

    /** {@code patientId}'s day {@code date} changed and is committed. */
    void changed(UUID patientId, LocalDate date) {
        weekChanges.incrementAndGet(weekStripe(patientId, monday(date)));
    }

    /**
     * The patient is erased (on this instance): their answers end and leave memory now. Another
     * instance's can no longer be asked for (the access check answers 404) and go within the TTL.
     */
    public void forget(UUID patientId) {
        changed(patientId);
        entries.forEach((k, e) -> {
            if (k.patientId().equals(patientId)) {
                remove(k, e);
            }
        });
    }

    /** Every change from now on is heard (the notification connection listens): answers may be kept. */
    public void listening() {
        epoch.incrementAndGet();
        clear();
        listening = true;
    }

    /** Changes may go unheard (the notification connection is lost): nothing is kept or given. */
    public void deaf() {
        listening = false;
        epoch.incrementAndGet();
        clear();
    }

    /**
     * The engine scored {@code written.date()}: that day, and the waking values of the days before
     * and after, which share a night with it (docs/engine.md, "Sleep").
     */
    void daysWritten(@Observes DaysWritten written) {
        for (int d = -1; d <= 1; d++) {
            changed(written.patientId(), written.date().plusDays(d));
        }
    }

    void programChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProgramChanged change) {
        changed(change.patientId());
    }

    /** Bytes kept now, overhead included. */
    long bytes() {
        return bytes.get();
    }

    private boolean current(Key key, Entry e) {
        Stamp stamp = e.stamp();
        if (stamp.weeks() == null
                || stamp.epoch() != epoch.get()
                || stamp.patient() != changes.get(stripe(key.patientId()))
                || clock.millis() >= e.untilMillis()) {
            return false;
        }
        LocalDate monday = key.firstMonday();
        for (int i = 0; i < stamp.weeks().length; i++) {
            if (stamp.weeks()[i] != weekChanges.get(weekStripe(key.patientId(), monday.plusWeeks(i)))) {
                return false;
            }
        }
        return true;
    }

    private boolean reserve(long size) {
        if (bytes.addAndGet(size) <= maxBytes) {
            return true;
        }
        bytes.addAndGet(-size);
        long now = clock.millis();
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
            entries.forEach((k, e) -> {
                if (!current(k, e)) {
                    remove(k, e);
                }
            });
        }
        if (bytes.addAndGet(size) <= maxBytes) {
            return true;
        }
        bytes.addAndGet(-size);
        return false;
    }

    private void clear() {
        entries.forEach(this::remove);
    }

    private void remove(Key k, Entry e) {
        if (entries.remove(k, e)) {
            bytes.addAndGet(-size(e));
        }
    }

    private static long size(Entry e) {
        return e.json().length + OVERHEAD;
    }

    private static int stripe(UUID patientId) {
        return (int) (mix(patientId.getMostSignificantBits() ^ patientId.getLeastSignificantBits()) >>> 50)
                & (STRIPES - 1);
    }

    private static int weekStripe(UUID patientId, LocalDate monday) {
        long h = mix(patientId.getMostSignificantBits() ^ patientId.getLeastSignificantBits()) + monday.toEpochDay();
        return (int) (mix(h) >>> 46) & (WEEK_STRIPES - 1);
    }

    /** Spreads {@code h}'s bits over the high bits (Fibonacci hashing). */
    private static long mix(long h) {
        return (h ^ (h >>> 32)) * 0x9E3779B97F4A7C15L;
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
