package org.osteon.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The scoring engine's meters, named and described in one place, as {@code IngestMetrics} does for
 * ingest. Names are Micrometer's dotted ones; the Prometheus registry at /q/metrics writes them with
 * underscores and adds the unit: {@code osteon_engine_days_total{outcome}},
 * {@code osteon_engine_scorings_total{read}}, {@code osteon_engine_continuation_checks_total{by}},
 * {@code osteon_engine_derived_total{when}}, {@code osteon_engine_unannounced_days_total}, {@code osteon_engine_live_days} and the
 * {@code osteon_engine_scoring_seconds} histogram (docs/engine.md, docs/benchmarks.md).
 */
final class EngineMetrics {
    /** Claimed days by outcome: written, superseded, failed. */
    static final String DAYS = "osteon.engine.days";
    /** Scorings by how the day's data was read: continued or from_start. */
    static final String SCORINGS = "osteon.engine.scorings";
    /** How an open day was found still valid: by marks or by count. */
    static final String CONTINUATION_CHECKS = "osteon.engine.continuation.checks";

    /** Written days by when their derived values were computed: with_day or deferred. */
    static final String DERIVED = "osteon.engine.derived";

    static final String UNANNOUNCED_DAYS = "osteon.engine.unannounced.days";
    static final String LIVE_DAYS = "osteon.engine.live.days";
    static final String SCORING = "osteon.engine.scoring";

    private final Counter written;
    private final Counter superseded;
    private final Counter failed;
    private final Counter unannounced;
    private final Counter continued;
    private final Counter fromStart;
    private final Counter checkedByMarks;
    private final Counter checkedByCount;
    private final Counter derivedWithDay;
    private final Counter derivedDeferred;
    private final Timer scoring;

    EngineMetrics(MeterRegistry registry, LiveDays live) {
        String days = "Claimed days by outcome: written, superseded (a batch arrived meanwhile), failed";
        this.written = Counter.builder(DAYS)
                .description(days)
                .tag("outcome", "written")
                .register(registry);
        this.superseded = Counter.builder(DAYS)
                .description(days)
                .tag("outcome", "superseded")
                .register(registry);
        this.failed =
                Counter.builder(DAYS).description(days).tag("outcome", "failed").register(registry);
        this.unannounced = Counter.builder(UNANNOUNCED_DAYS)
                .description("Scored days not passed on to alerts and device progress: their consumers were too far "
                        + "behind")
                .register(registry);
        String reads = "Scorings of a day by how its data was read: continued (only the batches after those its "
                + "open state was fed) or from_start (the whole day)";
        this.continued = Counter.builder(SCORINGS)
                .description(reads)
                .tag("read", "continued")
                .register(registry);
        this.fromStart = Counter.builder(SCORINGS)
                .description(reads)
                .tag("read", "from_start")
                .register(registry);
        String checks = "How an open day was found still valid: by its marks (no batch counted) or by counting its "
                + "batches";
        this.checkedByMarks = Counter.builder(CONTINUATION_CHECKS)
                .description(checks)
                .tag("by", "marks")
                .register(registry);
        this.checkedByCount = Counter.builder(CONTINUATION_CHECKS)
                .description(checks)
                .tag("by", "count")
                .register(registry);
        String derived = "Written days by when their sleep, waking and circadian values were computed: with_day, or "
                + "deferred (the engine was behind; osteon.engine.derived-interval)";
        this.derivedWithDay = Counter.builder(DERIVED)
                .description(derived)
                .tag("when", "with_day")
                .register(registry);
        this.derivedDeferred = Counter.builder(DERIVED)
                .description(derived)
                .tag("when", "deferred")
                .register(registry);
        Gauge.builder(LIVE_DAYS, live, LiveDays::size)
                .description("Days kept open with their scoring state, to be continued by their next batches")
                .register(registry);
        this.scoring = Timer.builder(SCORING)
                .description("Scoring one day, read to commit")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** A claimed day scored and committed: its row written, or superseded by a batch that arrived meanwhile. */
    void scored(boolean current, long nanos) {
        scoring.record(nanos, TimeUnit.NANOSECONDS);
        (current ? written : superseded).increment();
    }

    /** A written day: its derived values written with it, or deferred. */
    void derived(boolean deferred) {
        (deferred ? derivedDeferred : derivedWithDay).increment();
    }

    void failed() {
        failed.increment();
    }

    void unannounced() {
        unannounced.increment();
    }

    void readContinued() {
        continued.increment();
    }

    void readFromStart() {
        fromStart.increment();
    }

    void checkedByMarks() {
        checkedByMarks.increment();
    }

    void checkedByCount() {
        checkedByCount.increment();
    }
}
