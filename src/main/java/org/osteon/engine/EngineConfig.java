package org.osteon.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How accepted batches become scored days (docs/engine.md). */
@ConfigMapping(prefix = "osteon.engine")
public interface EngineConfig {

    /** Whether this instance scores days. Ingest marks days either way, so another instance can. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Scoring threads of this instance. Each scores one day at a time, holding at most a few
     * batches of it in memory (the rows are streamed), so memory grows with this, not with the
     * backlog.
     */
    @WithDefault("2")
    int workers();

    /**
     * Days a worker claims at once. More means fewer claiming statements under load; each claimed
     * day is held by this instance until it is scored, so keep it small enough that other
     * instances get their share.
     */
    @WithDefault("16")
    int claimSize();

    /**
     * Days whose scoring state this instance keeps open (least recently scored out first), about
     * 220 KB each (150 KB of scoring state, 70 KB of the night's epochs), so that the next batches of a day are fed to it instead of the day being read
     * again from its start. 0 scores every day from its start. Should cover the days being
     * synced at once: one per live device, or more.
     */
    @WithDefault("1000")
    int liveDays();

    /**
     * A day is scored once no batch for it arrived for this long, so that a burst of batches (a
     * bulk sync) is scored a few times, not once per batch. Short, because it adds to how long a
     * wearer waits to see a batch counted.
     */
    @WithDefault("100ms")
    Duration quiet();

    /**
     * A day that keeps receiving batches (a live stream) is scored at least this often after its
     * oldest unscored change, however busy it is.
     */
    @WithDefault("1s")
    Duration maxDelay();

    /**
     * A patient's devices get their progress message at most this often: a live stream has its
     * day scored every second or so. The message always carries the latest numbers: one is sent
     * after the last scoring of a burst, however soon it came after the one before.
     */
    @WithDefault("5s")
    Duration progressInterval();

    /**
     * When the engine is behind (a claim comes back with {@link #claimSize} days), a day it goes on
     * scoring from its open state gets its summary written at every scoring but its derived values
     * (sleep epochs and nights, waking sedentary time, circadian profile and rolling values) at
     * most this often: they are most of a live scoring's statements, and nothing an app shows
     * second by second. The row's provenance then names them in {@code derivedThrough}; the day
     * stays marked, so they are computed within this time even if no batch comes again. 0 computes
     * them at every scoring (docs/engine.md, Deferred derived values).
     */
    @WithDefault("30s")
    Duration derivedInterval();

    /** How often an idle worker looks for ready days: part of the delay before a batch is counted. */
    @WithDefault("100ms")
    Duration poll();

    /**
     * How long a claimed day is reserved for the instance that claimed it. Should the instance
     * die, or the scoring fail, another worker takes the day after this; it must be longer than
     * scoring a day takes.
     */
    @WithDefault("2m")
    Duration lease();
}
