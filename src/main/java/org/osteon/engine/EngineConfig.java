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
    @WithDefault("1")
    int workers();

    /**
     * A day is scored once no batch for it arrived for this long, so that a bulk sync of many
     * batches costs one scoring of each day rather than one per batch.
     */
    @WithDefault("5s")
    Duration quiet();

    /**
     * A day that keeps receiving batches (a live stream) is scored at least this often after its
     * oldest unscored change, however busy it is.
     */
    @WithDefault("60s")
    Duration maxDelay();

    /** How often an idle worker looks for ready days. */
    @WithDefault("1s")
    Duration poll();

    /**
     * How long a claimed day is reserved for the instance that claimed it. Should the instance
     * die, or the scoring fail, another worker takes the day after this; it must be longer than
     * scoring a day takes.
     */
    @WithDefault("2m")
    Duration lease();
}
