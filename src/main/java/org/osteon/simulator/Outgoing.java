package org.osteon.simulator;

/**
 * A batch a device made and keeps until it has a receipt.
 *
 * @param samples samples (accel) or events (load) in it
 */
final class Outgoing {
    final String stream;
    final long seq;
    final byte[] payload;
    final int samples;
    /** When it was last handed to the broker (System.nanoTime), or 0 when it is due to be sent. */
    volatile long lastSent;

    Outgoing(String stream, long seq, byte[] payload, int samples) {
        this.stream = stream;
        this.seq = seq;
        this.payload = payload;
        this.samples = samples;
    }

    String key() {
        return key(stream, seq);
    }

    static String key(String stream, Object seq) {
        return stream + "/" + seq;
    }
}
