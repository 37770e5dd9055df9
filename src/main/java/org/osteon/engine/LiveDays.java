package org.osteon.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The days this instance scored lately, each kept open with the scoring state after its last
 * batch, so that the next batches of a growing day (a live stream, a bulk sync in time order)
 * are fed to that state instead of the day being read and scored again from its start.
 *
 * <p>Only a cache: a day that is not here, or whose stored batches are no longer the ones its
 * state was fed followed by newer ones (a late batch that belongs earlier in the day), is scored
 * from its start, which gives the same result. Bounded by a number of days, least recently
 * scored first out; a day's state is about 220 KB (its epochs' flags, up to an hour of epochs
 * awaiting their non-wear decision, the step detector's block, and the night's z-angle per
 * epoch, 70 KB), and up to about 80 KB more at 100 Hz for the estimated peak GRF's filter blocks
 * ({@link DayGrf}).
 *
 * <p>A worker takes a day's state out while it scores the day and puts it back only after its
 * transaction committed, so a state is never used by two workers nor kept past a failure.
 */
final class LiveDays {

    record Key(UUID patientId, LocalDate date) {}

    /** A day's open scoring state and which stored batches it has been fed. */
    static final class Open {
        final String deviceId;
        final double rateHz;
        final String placement;
        final DayScoring day;
        /** Batches fed, all those of the day up to and including the last (in start, seq order). */
        long batches;

        long lastStartMicros = Long.MIN_VALUE;
        long lastSeq = Long.MIN_VALUE;
        /** Samples fed, and batches fed per rate: what chose the device and its rate. */
        long samples;

        final Map<Double, Long> batchesByRate = new TreeMap<>();
        /** The scoring that last wrote the day's row from this state (null: none yet). */
        UUID writtenBy;
        /**
         * When ({@link System#nanoTime}) a scoring from this state last wrote the day's derived
         * values with its row; 0: never, so the next scoring writes them.
         */
        long derivedAtNanos;

        Open(DayScoreRepository.SourceDevice device, DayScoring day) {
            this.deviceId = device.id();
            this.rateHz = device.rateHz();
            this.placement = device.placement();
            this.day = day;
        }

        void accept(RawBatch b) {
            day.accept(b);
            batches++;
            lastStartMicros = b.startMicros();
            lastSeq = b.seq();
            samples += b.samples();
            batchesByRate.merge(b.rateHz(), 1L, Long::sum);
        }

        /**
         * Whether no batch that belongs before this state's last one can have arrived since: the
         * day's row is still the one this state wrote, and every batch marked since starts later.
         * Otherwise the day's batches must be counted to tell.
         */
        boolean onlyLaterBatchesSince(UUID rowWrittenBy, Instant minStartMarked) {
            return writtenBy != null
                    && writtenBy.equals(rowWrittenBy)
                    && minStartMarked != null
                    && Micros.of(minStartMarked) > lastStartMicros;
        }

        /**
         * Whether, with what it was fed, this device is still the one a scoring from the start
         * would choose (most samples, ties by id) at the same rate (the most common among its
         * batches, ties to the lowest) and placement.
         */
        boolean stillSource(Map<String, Long> otherDevicesSamples, String currentPlacement) {
            for (Map.Entry<String, Long> other : otherDevicesSamples.entrySet()) {
                long theirs = other.getValue();
                if (theirs > samples || (theirs == samples && other.getKey().compareTo(deviceId) < 0)) {
                    return false;
                }
            }
            double mode = Double.NaN;
            long most = 0;
            for (Map.Entry<Double, Long> r : batchesByRate.entrySet()) {
                if (r.getValue() > most) {
                    most = r.getValue();
                    mode = r.getKey();
                }
            }
            return mode == rateHz && Objects.equals(placement, currentPlacement);
        }

        DayScoreRepository.SourceDevice source() {
            return new DayScoreRepository.SourceDevice(deviceId, placement, rateHz);
        }
    }

    private final int capacity;
    private final Map<Key, Open> days;

    LiveDays(int capacity) {
        this.capacity = capacity;
        this.days = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Open> eldest) {
                return size() > LiveDays.this.capacity;
            }
        };
    }

    /** Takes the day's state out, if this instance has it. */
    synchronized Open take(UUID patientId, LocalDate date) {
        return days.remove(new Key(patientId, date));
    }

    /** Keeps the day's state for its next batches. */
    synchronized void put(UUID patientId, LocalDate date, Open open) {
        if (capacity > 0) {
            days.put(new Key(patientId, date), open);
        }
    }

    synchronized int size() {
        return days.size();
    }
}
