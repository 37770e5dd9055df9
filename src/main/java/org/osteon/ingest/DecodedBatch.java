package org.osteon.ingest;

import java.time.Instant;

/** What the writer needs of any decoded batch, whatever its stream. */
public sealed interface DecodedBatch permits AccelBatch, LoadBatch {
    long seq();

    Stream stream();

    /** Samples per axis, or events: what the receipt reports and the totals count. */
    int count();

    /** Memory the decoded form holds, for the intake bound. */
    long weightBytes();

    /** Hash of the decoded content: equal for a re-send, different for a reused seq. */
    byte[] contentHash();

    /** The device id the payload claims, if it names one. */
    String claimedDeviceId();

    /** The earliest time in the batch, checked against the device's registration. */
    Instant earliest();

    /** The field that holds {@link #earliest()}, for the rejection reason. */
    String earliestField();
}
