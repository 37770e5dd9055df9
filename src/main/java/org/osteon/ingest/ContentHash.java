package org.osteon.ingest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * SHA-256 of a batch's decoded content. Hashing the decoded form rather than the payload makes
 * a re-send with other white space or field order a duplicate, not a reused seq.
 */
final class ContentHash {
    private ContentHash() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static byte[] accel(long seq, Instant start, double rate, short encoding, double scale, byte[] data) {
        MessageDigest md = sha256();
        ByteBuffer head = ByteBuffer.allocate(48);
        head.put((byte) 'A')
                .putLong(seq)
                .putLong(start.getEpochSecond())
                .putInt(start.getNano())
                .putDouble(rate)
                .putShort(encoding)
                .putDouble(scale);
        md.update(head.array(), 0, head.position());
        md.update(data);
        return md.digest();
    }

    static byte[] of(byte[] payload) {
        return sha256().digest(payload);
    }
}
