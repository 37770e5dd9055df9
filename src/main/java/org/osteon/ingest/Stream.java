package org.osteon.ingest;

import java.util.Optional;

/** The two inbound streams; each has its own seq counter per device. */
public enum Stream {
    ACCEL("accel"),
    LOAD("load");

    private final String wireName;

    Stream(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Stream> fromWireName(String name) {
        for (Stream s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
