package org.osteon.scoring.counts;

/**
 * Receives one epoch of ActiGraph counts as soon as its last raw sample has been consumed.
 * Implementations must not retain the caller's arrays; values are passed as primitives so
 * that a week of epochs creates no garbage.
 */
@FunctionalInterface
public interface CountsSink {

    /**
     * @param epochIndex zero-based index of the epoch; epoch {@code i} covers raw samples
     *     {@code [i * rate * epochSeconds, (i + 1) * rate * epochSeconds)} of the stream
     * @param axis1 counts of the device Y axis (vertical on a hip-worn device)
     * @param axis2 counts of the device X axis
     * @param axis3 counts of the device Z axis
     * @param vectorMagnitude sqrt(axis1² + axis2² + axis3²), unrounded
     */
    void epoch(long epochIndex, int axis1, int axis2, int axis3, double vectorMagnitude);
}
