package org.osteon.ingest;

import java.util.regex.Pattern;

/**
 * What a device id can be: 3 to 64 of {@code A-Z a-z 0-9 . _ : -}, starting with a letter or digit.
 * The registry validates new ids with the same {@link #PATTERN}. An id in a topic that is not of
 * that form can never be registered, so ingest neither looks it up, stores it nor sends a receipt
 * to it.
 */
public final class DeviceIds {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{2,63}";
    static final Pattern VALID = Pattern.compile(PATTERN);
    /** The one row under which messages with impossible ids are counted. */
    static final String INVALID = "(invalid id)";

    private DeviceIds() {}

    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
