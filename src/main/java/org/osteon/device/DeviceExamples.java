package org.osteon.device;

/**
 * Bodies of the device API for the OpenAPI document: a device as every endpoint shows it, its
 * sync status, and a registration that is accepted as it is.
 */
final class DeviceExamples {
    private DeviceExamples() {}

    /** A registered wrist device and the topics it publishes and listens on. */
    static final String DEVICE = "{\"deviceId\":\"wrist-7f3a\",\"patientId\":\"5f0c…\",\"placement\":\"wrist\","
            + "\"rangeG\":16.0,\"model\":\"IMU-9\",\"registeredAt\":\"2026-03-01T09:05:00Z\","
            + "\"recordingsFrom\":\"2026-03-01T09:05:00Z\",\"revokedAt\":null,"
            + "\"topics\":{\"accel\":\"osteon/v1/devices/wrist-7f3a/accel\","
            + "\"load\":\"osteon/v1/devices/wrist-7f3a/load\","
            + "\"receipts\":\"osteon/v1/devices/wrist-7f3a/receipts\","
            + "\"progress\":\"osteon/v1/devices/wrist-7f3a/progress\"}}";

    /** A patient's devices. */
    static final String DEVICES = "[" + DEVICE + "]";

    /** A registration: the id the device publishes under, where it is worn, its range. */
    static final String NEW_DEVICE =
            "{\"deviceId\":\"wrist-7f3a\",\"placement\":\"wrist\",\"rangeG\":16.0," + "\"model\":\"IMU-9\"}";

    /** What Osteon received per stream: a gap, duplicates and the last rejection. */
    static final String SYNC_STATUS = "{\"deviceId\":\"wrist-7f3a\",\"streams\":[{\"stream\":\"accel\","
            + "\"lastSeq\":41,\"batchesAccepted\":40,\"samplesAccepted\":120000,\"duplicates\":2,\"rejections\":1,"
            + "\"missingSeqs\":2,\"gaps\":[{\"from\":7,\"to\":8}],\"lastReceiptAt\":\"2026-03-16T07:02:11Z\","
            + "\"lastAcceptedAt\":\"2026-03-16T07:02:11Z\",\"lastRejection\":{\"seq\":12,\"code\":\"out_of_range\","
            + "\"reason\":\"z[3]: |9.5| g is beyond the device's range of 8.0 g\","
            + "\"receivedAt\":\"2026-03-15T18:40:02Z\"}},{\"stream\":\"load\",\"lastSeq\":3,\"batchesAccepted\":4,"
            + "\"eventsAccepted\":9,\"duplicates\":0,\"rejections\":0,\"missingSeqs\":0,\"gaps\":[],"
            + "\"lastReceiptAt\":\"2026-03-16T06:40:00Z\",\"lastAcceptedAt\":\"2026-03-16T06:40:00Z\","
            + "\"lastRejection\":null}]}";
}
