package org.osteon.ingest;

import java.util.regex.Pattern;

/**
 * What a device id can be: the registry accepts 3 to 64 of {@code A-Z a-z 0-9 . _ : -}, starting
 * with a letter or digit (device.DeviceDtos.DEVICE_ID_PATTERN, kept equal by a test). An id in a
 * topic that is not of that form can never be registered, so ingest neither looks it up, stores it
 * nor sends a receipt to it.
 */
final class DeviceIds {
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{2,63}");
    /** The one row under which messages with impossible ids are counted. */
    static final String INVALID = "(invalid id)";

    private DeviceIds() {}

    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
