package org.osteon.scoring.pipeline;

/**
 * Receives scorer output in time order. The peaks of an epoch are delivered just before that epoch,
 * so a consumer can attribute them without buffering.
 */
@FunctionalInterface
public interface EpochSink {

    void epoch(EpochResult epoch);

    default void peak(ImpactPeak peak) {}
}
