package org.osteon.simulator;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

/** What a {@link Simulation} sent and heard back, per device and in total. */
public record RunReport(List<DeviceReport> devices, long simulatedSeconds, Duration wallTime) {

    public RunReport {
        devices = List.copyOf(devices);
    }

    public long total(ToLongFunction<DeviceReport> field) {
        return devices.stream().mapToLong(field).sum();
    }

    /** Every batch made got an {@code accepted} receipt, exactly one, and none is left waiting. */
    public boolean everyBatchAcceptedOnce() {
        return devices.stream().allMatch(d -> d.acceptedExactlyOnce() == d.batches() && d.unreceipted() == 0);
    }

    @Override
    public String toString() {
        return String.format(
                "%d devices, %d simulated s in %.1f s: %d accel batches (%d samples), %d load batches,"
                        + " %d accepted, %d duplicates, %d rejected, %d re-sent, %d without receipt",
                devices.size(),
                simulatedSeconds,
                wallTime.toMillis() / 1000.0,
                total(DeviceReport::accelBatches),
                total(DeviceReport::accelSamples),
                total(DeviceReport::loadBatches),
                total(DeviceReport::batchesAccepted),
                total(DeviceReport::duplicates),
                total(DeviceReport::rejected),
                total(DeviceReport::resends),
                total(DeviceReport::unreceipted));
    }
}
