package org.osteon.ingest;

/**
 * What Osteon sends a device besides receipts: the retained {@code progress} message of the
 * patient's day (docs/device-contract.md §8). The one way out to devices for the rest of Osteon;
 * the MQTT client implements it. Nothing here waits for the broker or retries: a caller such as the
 * scoring engine must not stall on it.
 */
public interface DeviceMessages {

    /** Hands the device its progress message, retained; false when it was not handed over. */
    boolean sendProgress(String deviceId, byte[] payload);

    /**
     * Removes the device's retained progress from the broker (an empty retained message), so that
     * nothing of the patient's day stays there once the device is revoked or the patient erased.
     * Logs a warning when the broker could not be reached.
     */
    void forgetProgress(String deviceId);
}
