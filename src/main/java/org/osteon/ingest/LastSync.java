package org.osteon.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.osteon.common.Jdbc;

/**
 * When a device last synced, read from ingest's own tables so that every reader asks it the same
 * way. "Last sync" is the receipt time of the newest accepted batch: for each device and stream
 * the batch with the highest seq in the ledger ({@code ingest_batch}), read through its primary
 * key so that it stays cheap however long the history. A device that only re-sends old sequence
 * numbers is not syncing, and duplicates and rejections never count. The no-sync alert and the
 * sync status's {@code lastAcceptedAt} answer this.
 *
 * <p>The newest receipt of any kind (accepted, duplicate or rejected), kept in the running totals
 * ({@code device_stream.last_receipt_at}), is a different fact: that the device reached the
 * service at all. The roster's {@code lastSyncAt} and the sync status's {@code lastReceiptAt}
 * answer that one.
 */
@ApplicationScoped
public class LastSync {
    /** The receipt time of the highest-seq batch of one device stream; the two parameters name them. */
    private static final String NEWEST_ACCEPTED = "select i.received_at from ingest_batch i "
            + "where i.device_id = %s and i.stream = %s order by i.seq desc limit 1";

    private final Jdbc jdbc;

    public LastSync(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest accepted batch of one device stream, if it ever had one. */
    public Optional<Instant> acceptedOf(String deviceId, Stream stream) {
        return jdbc.one(NEWEST_ACCEPTED.formatted("?", "?"), LastSync::instant, deviceId, stream.wireName());
    }

    /** The newest accepted batch of any stream of any of the patient's devices, if ever. */
    public Optional<Instant> acceptedOfPatient(UUID patientId) {
        return jdbc.one(
                "select max(l.received_at) from device d cross join (values ('accel'), ('load')) s (stream) "
                        + "cross join lateral (" + NEWEST_ACCEPTED.formatted("d.id", "s.stream")
                        + ") l where d.patient_id = ?",
                LastSync::instant,
                patientId);
    }

    /** The newest receipt of any kind (accepted, duplicate or rejected) from any of the patient's devices. */
    public Optional<Instant> receiptOfPatient(UUID patientId) {
        return jdbc.one(
                "select max(s.last_receipt_at) from device_stream s join device d on d.id = s.device_id "
                        + "where d.patient_id = ?",
                LastSync::instant,
                patientId);
    }

    /**
     * As {@link #receiptOfPatient}, for every patient of a physiotherapist at once: patients with no
     * receipt are absent.
     */
    public Map<UUID, Instant> receiptsOfPatientsOf(UUID physioId) {
        Map<UUID, Instant> receipts = new HashMap<>();
        jdbc.list(
                        "select d.patient_id, max(s.last_receipt_at) from device_stream s "
                                + "join device d on d.id = s.device_id "
                                + "join care_assignment c on c.patient_id = d.patient_id "
                                + "where c.physio_id = ? and s.last_receipt_at is not null group by d.patient_id",
                        rs -> Map.entry(
                                rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()),
                        physioId)
                .forEach(e -> receipts.put(e.getKey(), e.getValue()));
        return receipts;
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        Timestamp t = rs.getTimestamp(1);
        return t == null ? null : t.toInstant();
    }
}
