package org.osteon.scoring.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Iterates the activity records of a {@code log.bin} inside a {@code .gt3x} file, per
 * ActiGraph's published format (github.com/actigraph/GT3X-File-Format): each record is
 * 0x1E, a type byte, a little-endian uint32 timestamp (seconds, device-local clock), a
 * little-endian uint16 payload size, the payload and a one's-complement XOR checksum.
 *
 * <p>Decoded types: ACTIVITY2 (0x1A, int16 LE in X, Y, Z order) and ACTIVITY (0x00,
 * 12-bit two's complement packed big-endian in Y, X, Z order). Values are divided by the
 * acceleration scale but not rounded to 3 decimals, because ActiLife's counts are
 * reproduced exactly only from the unrounded values. ACTIVITY2 records with a 1-byte
 * payload mark a USB connection and hold no samples. Other record types are skipped, as
 * are the zero bytes the format says may appear between records.
 */
final class Gt3xLog {

    private static final int SEPARATOR = 0x1E;
    private static final int ACTIVITY = 0x00;
    private static final int ACTIVITY2 = 0x1A;

    private final InputStream in;
    private final double scale;
    private final int rate;
    private final byte[] header = new byte[8];
    private final byte[] payload = new byte[65536];
    final float[] x;
    final float[] y;
    final float[] z;
    private int count;
    private long timestamp;
    private long offset;

    Gt3xLog(InputStream in, double scale, int rate) {
        this.in = in;
        this.scale = scale;
        this.rate = rate;
        this.x = new float[rate];
        this.y = new float[rate];
        this.z = new float[rate];
    }

    /** Timestamp of the current record, in device-local seconds since 1970-01-01. */
    long timestamp() {
        return timestamp;
    }

    /** Samples in the current record (at most the sample rate; 0 for an empty record). */
    int count() {
        return count;
    }

    /** Bytes of log.bin consumed so far. */
    long offset() {
        return offset;
    }

    /**
     * Advances to the next activity record.
     *
     * @return false at the end of the log
     * @throws IOException for a truncated record or a checksum mismatch, naming its offset
     */
    boolean next() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            long recordOffset = offset++;
            if (b != SEPARATOR) {
                continue;
            }
            header[0] = (byte) b;
            readFully(header, 1, 7, recordOffset);
            int type = header[1] & 0xFF;
            long ts = (header[2] & 0xFFL)
                    | (header[3] & 0xFFL) << 8
                    | (header[4] & 0xFFL) << 16
                    | (header[5] & 0xFFL) << 24;
            int size = (header[6] & 0xFF) | (header[7] & 0xFF) << 8;
            readFully(payload, 0, size, recordOffset);
            int checksum = in.read();
            offset++;
            if (checksum < 0) {
                throw new EOFException("log.bin: record at byte " + recordOffset + " is truncated");
            }
            verify(size, checksum, recordOffset);
            if (type == ACTIVITY2 && size != 1) {
                timestamp = ts;
                decodeActivity2(size);
                return true;
            }
            if (type == ACTIVITY) {
                timestamp = ts;
                decodeActivity(size);
                return true;
            }
        }
    }

    private void readFully(byte[] into, int off, int len, long recordOffset) throws IOException {
        int n = in.readNBytes(into, off, len);
        offset += n;
        if (n < len) {
            throw new EOFException("log.bin: record at byte " + recordOffset + " is truncated");
        }
    }

    private void verify(int size, int checksum, long recordOffset) throws IOException {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum ^= header[i];
        }
        for (int i = 0; i < size; i++) {
            sum ^= payload[i];
        }
        if ((~sum & 0xFF) != checksum) {
            throw new IOException("log.bin: record at byte " + recordOffset + " fails its checksum");
        }
    }

    private void decodeActivity2(int size) {
        int n = Math.min(rate, size / 6);
        for (int i = 0, p = 0; i < n; i++, p += 6) {
            x[i] = (float) (int16(p) / scale);
            y[i] = (float) (int16(p + 2) / scale);
            z[i] = (float) (int16(p + 4) / scale);
        }
        count = n;
    }

    private int int16(int p) {
        return (short) ((payload[p] & 0xFF) | payload[p + 1] << 8);
    }

    /** 36 bits per sample, Y then X then Z, each 12 bits most-significant nibble first. */
    private void decodeActivity(int size) {
        int n = Math.min(rate, size * 2 / 9);
        long nibble = 0;
        for (int i = 0; i < n; i++) {
            y[i] = (float) (int12(nibble) / scale);
            x[i] = (float) (int12(nibble + 3) / scale);
            z[i] = (float) (int12(nibble + 6) / scale);
            nibble += 9;
        }
        count = n;
    }

    private int int12(long nibbleIndex) {
        int v = 0;
        for (int k = 0; k < 3; k++) {
            long nib = nibbleIndex + k;
            int b = payload[(int) (nib >>> 1)] & 0xFF;
            v = v << 4 | ((nib & 1) == 0 ? b >>> 4 : b & 0x0F);
        }
        return v > 2047 ? v - 4096 : v;
    }
}
