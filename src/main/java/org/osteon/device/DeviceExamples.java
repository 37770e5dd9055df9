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

    /** A baseline recording whose import is done: its samples stored, its days scored. */
    static final String RECORDING = "{\"id\":\"9b1e…\",\"status\":\"done\",\"progress\":1.0,\"format\":\"gt3x\","
            + "\"from\":\"2026-10-05T08:00:00Z\",\"to\":\"2026-10-12T08:00:00Z\",\"samples\":60480000,"
            + "\"samplesOutsideWearPeriod\":12000,\"firstSample\":\"2026-10-05T08:00:00Z\","
            + "\"lastSample\":\"2026-10-12T07:59:59.990Z\",\"rateHz\":100.0,\"recordedBy\":\"TAS1E31150129\","
            + "\"sha256\":\"5d41402abc4b2a76b9719d911017c592…\",\"error\":null,"
            + "\"createdAt\":\"2026-10-13T09:12:00Z\",\"finishedAt\":\"2026-10-13T09:20:41Z\","
            + "\"days\":[\"2026-10-05\",\"2026-10-06\",\"…\",\"2026-10-12\"]}";

    /** A baseline recording being read. */
    static final String RECORDING_READING = "{\"id\":\"9b1e…\",\"status\":\"reading\",\"progress\":0.0,"
            + "\"format\":\"gt3x\",\"from\":\"2026-10-05T08:00:00Z\",\"to\":\"2026-10-12T08:00:00Z\",\"samples\":0,"
            + "\"samplesOutsideWearPeriod\":0,\"firstSample\":null,\"lastSample\":null,\"rateHz\":null,"
            + "\"recordedBy\":null,\"sha256\":\"5d41402abc4b2a76b9719d911017c592…\",\"error\":null,"
            + "\"createdAt\":\"2026-10-13T09:12:00Z\",\"finishedAt\":null,\"days\":[]}";

    /** A patient's baseline recordings. */
    static final String RECORDINGS = "[" + RECORDING + "]";

    static final String TOO_LARGE = "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"file: larger than 3221225472 bytes (osteon.baseline.max-bytes)\","
            + "\"instance\":\"/api/v1/patients/5f0c…/recordings\",\"errors\":[{\"field\":\"file\","
            + "\"message\":\"larger than 3221225472 bytes\"}]}";

    static final String QUEUE_FULL = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
            + "\"detail\":\"imports are queued to their limit (osteon.baseline.queue); try again later\","
            + "\"instance\":\"/api/v1/patients/5f0c…/recordings\"}";
}
