package org.osteon.simulator;

/**
 * What one simulated device sent and heard back. Each batch counts once however often it was sent.
 *
 * @param accelBatches accelerometer batches made (1-s live and 1-h re-sync)
 * @param accelSamples samples in them, per axis
 * @param loadBatches loading-event batches made
 * @param loadEvents events in them
 * @param batchesAccepted batches (of both streams) with an {@code accepted} receipt
 * @param acceptedExactlyOnce batches with exactly one {@code accepted} receipt
 * @param duplicates {@code duplicate} receipts: a re-sent batch that had already been stored
 * @param rejected {@code rejected} receipts
 * @param resends batches handed to the broker again
 * @param unreceipted batches still without any receipt
 */
public record DeviceReport(
        String deviceId,
        long accelBatches,
        long accelSamples,
        long loadBatches,
        long loadEvents,
        long batchesAccepted,
        long acceptedExactlyOnce,
        long duplicates,
        long rejected,
        long resends,
        long unreceipted) {

    public long batches() {
        return accelBatches + loadBatches;
    }
}
