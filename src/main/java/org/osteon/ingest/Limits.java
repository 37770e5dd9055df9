package org.osteon.ingest;

import static org.osteon.ingest.Rejection.Code.*;

import java.time.Duration;
import java.time.Instant;

/** The contract's bounds that need no device lookup. */
public record Limits(int maxPayloadBytes, int maxSamples, int maxEvents, Duration maxFutureSkew) {
    public static final double MIN_RATE_HZ = 1;
    public static final double MAX_RATE_HZ = 1000;

    public static Limits from(IngestConfig c) {
        return new Limits(c.maxPayloadBytes(), c.maxSamples(), c.maxEvents(), c.maxFutureSkew());
    }

    void checkPayload(int bytes) throws Rejection.Exception {
        if (bytes > maxPayloadBytes) {
            throw Rejection.of(TOO_LARGE, "payload: " + bytes + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        if (bytes == 0) {
            throw Rejection.of(MALFORMED, "payload: empty");
        }
    }

    void checkRate(double rate) throws Rejection.Exception {
        if (!(rate >= MIN_RATE_HZ && rate <= MAX_RATE_HZ)) {
            throw Rejection.of(RATE_OUT_OF_RANGE, "rateHz: must be between 1 and 1000, was " + rate);
        }
    }

    void checkStart(Instant t, Instant now) throws Rejection.Exception {
        checkTime(t, now, "start");
    }

    /**
     * The end counts, not only the start: a 1-Hz batch of 400,000 samples that starts within the
     * limit would otherwise reach days ahead and create days that have not happened.
     */
    void checkEnd(Instant start, int samples, double rate, Instant now) throws Rejection.Exception {
        Instant last = start.plusNanos((long) ((samples - 1) * 1e9 / rate));
        if (last.isAfter(now.plus(maxFutureSkew))) {
            throw Rejection.of(
                    START_IN_FUTURE,
                    "x: the last of " + samples + " samples at " + rate + " Hz falls at " + last + ", more than "
                            + maxFutureSkew.toHours() + " h in the future");
        }
    }

    void checkTime(Instant t, Instant now, String field) throws Rejection.Exception {
        if (t.isAfter(now.plus(maxFutureSkew))) {
            throw Rejection.of(START_IN_FUTURE, field + ": more than " + maxFutureSkew.toHours() + " h in the future");
        }
    }
}
