package org.osteon.simulator;

/** How a simulated device writes accelerometer batches (device contract §3, docs/binary-frame.md). */
public enum PayloadFormat {
    JSON,
    /** The delta-coded binary frame. */
    BINARY
}
