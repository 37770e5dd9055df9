package org.osteon.ingest;

import java.time.Instant;

/**
 * A decoded accelerometer batch, already in its storage form: the three axes one after the
 * other in {@code data} (see V2__create_ingest.sql). {@code maxAbsG} and {@code maxAbsField}
 * are kept from decoding so that the device's range can be checked without another pass.
 *
 * @param encoding 1 = int16 counts with {@code scale} LSB per g; 2 = float32 g
 */
public record AccelBatch(
        long seq,
        Instant start,
        double rateHz,
        int samples,
        short encoding,
        double scale,
        byte[] data,
        double maxAbsG,
        String maxAbsField,
        String claimedDeviceId,
        byte[] contentHash)
        implements DecodedBatch {

    public static final short INT16 = 1;
    public static final short FLOAT32 = 2;

    @Override
    public Stream stream() {
        return Stream.ACCEL;
    }

    @Override
    public int count() {
        return samples;
    }

    @Override
    public long weightBytes() {
        return data.length;
    }

    @Override
    public Instant earliest() {
        return start;
    }

    @Override
    public String earliestField() {
        return "start";
    }
}
