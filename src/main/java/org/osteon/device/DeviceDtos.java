package org.osteon.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.osteon.ingest.DeviceIds;
import org.osteon.scoring.Placement;

/** What the device API reads and writes. */
public final class DeviceDtos {
    private DeviceDtos() {}

    /**
     * Device ids appear as one MQTT topic level, so they may not hold {@code /}, {@code +},
     * {@code #} or spaces; the length bound keeps topics short.
     */
    public static final String DEVICE_ID_PATTERN = DeviceIds.PATTERN;

    /**
     * A wearable to register. {@code recordingsFrom}, when given, is a clinician's statement that
     * the device's recordings from that instant on, before its registration, are this patient's
     * (a wearable worn before it was paired): ingest accepts them. Without it samples must start
     * after the registration, so that a reused device cannot hand one patient another's data.
     */
    public record NewDevice(
            @NotNull
            @Pattern(
                    regexp = DEVICE_ID_PATTERN,
                    message = "must be 3 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit")
            String deviceId,

            @NotNull Placement placement,
            @NotNull @DecimalMin("1.0") @DecimalMax("400.0") Double rangeG,
            @Size(max = 100) String model,
            Instant recordingsFrom) {}

    /** The MQTT topics a device publishes to and reads from. */
    public record Topics(String accel, String load, String receipts, String progress) {}

    /**
     * A registered device, with the topics it must use. {@code mqtt} is present only in the
     * answer to a registration, and only when Osteon issues broker credentials.
     */
    public record DeviceView(
            String deviceId,
            UUID patientId,
            Placement placement,
            double rangeG,
            String model,
            Instant registeredAt,
            Instant recordingsFrom,
            Instant revokedAt,
            Topics topics,
            @JsonInclude(JsonInclude.Include.NON_NULL) MqttCredentials mqtt) {}

    /** The device's broker login. Osteon does not keep the password: it is shown this once. */
    public record MqttCredentials(String username, String password) {}

    /**
     * Sync state of one stream, for "last synced" in apps and for spotting lost batches.
     * {@code samplesAccepted} counts accelerometer samples (accel), {@code eventsAccepted} loading
     * events (load); {@code lastReceiptAt} is the newest receipt of any kind (accepted, duplicate
     * or rejected), {@code lastAcceptedAt} the receipt time of the accepted batch with the highest
     * seq, {@code lastRejection} the newest rejection with its reason.
     */
    public record StreamStatus(
            String stream,
            Long lastSeq,
            long batchesAccepted,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long samplesAccepted,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long eventsAccepted,
            long duplicates,
            long rejections,
            long missingSeqs,
            List<SeqGap> gaps,
            Instant lastReceiptAt,
            Instant lastAcceptedAt,
            LastRejection lastRejection) {}

    /** The newest rejected batch of a stream: its seq (when it could be read), code and reason. */
    public record LastRejection(Long seq, String code, String reason, Instant receivedAt) {}

    /** Seqs {@code from..to} (inclusive) that were never accepted although later ones were. */
    public record SeqGap(long from, long to) {}

    /** Sync state of a device, one entry per stream. */
    public record SyncStatus(String deviceId, List<StreamStatus> streams) {}
}
