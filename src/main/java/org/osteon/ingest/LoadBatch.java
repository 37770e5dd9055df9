package org.osteon.ingest;

import java.time.Instant;
import java.util.List;

/** A decoded batch of loading events. */
public record LoadBatch(
        long seq,
        List<LoadEvent> events,
        String claimedDeviceId,
        byte[] contentHash,
        Instant earliest,
        String earliestField)
        implements DecodedBatch {

    @Override
    public Stream stream() {
        return Stream.LOAD;
    }

    @Override
    public int count() {
        return events.size();
    }

    @Override
    public long weightBytes() {
        return 128L * events.size();
    }

    /**
     * One loading event. {@code kind} is {@code resistance} (exercise, sets, reps, loadKg,
     * optional oneRmKg) or {@code grf} (peakBw in body weights, cycles); the other kind's
     * fields are null.
     */
    public record LoadEvent(
            Instant t,
            String kind,
            String exercise,
            Integer sets,
            Integer reps,
            Double loadKg,
            Double oneRmKg,
            Double peakBw,
            Integer cycles) {}
}
