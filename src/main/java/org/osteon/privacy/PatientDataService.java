package org.osteon.privacy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.osteon.adherence.AdherenceAnswers;
import org.osteon.broker.DeviceBrokerAccess;
import org.osteon.common.ApiException;
import org.osteon.ingest.DeviceMessages;
import org.osteon.patient.PatientErasure;

/**
 * A patient's right of access and right to erasure: everything Osteon holds about a patient,
 * raw data included, exported as JSON or erased. Logs carry the patient's id only.
 */
@ApplicationScoped
public class PatientDataService implements PatientErasure {
    private static final Logger LOG = Logger.getLogger(PatientDataService.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final AgroalDataSource dataSource;
    private final DeviceBrokerAccess brokerAccess;
    private final DeviceMessages deviceMessages;
    private final Clock clock;
    private final AdherenceAnswers answers;

    public PatientDataService(
            AgroalDataSource dataSource,
            DeviceBrokerAccess brokerAccess,
            DeviceMessages deviceMessages,
            Clock clock,
            AdherenceAnswers answers) {
        this.clock = clock;
        this.answers = answers;
        this.dataSource = dataSource;
        this.brokerAccess = brokerAccess;
        this.deviceMessages = deviceMessages;
    }

    /** Fails with 404 unless the patient exists. */
    public void requirePatient(UUID patientId) {
        try (Connection c = dataSource.getConnection()) {
            if (devicesOf(c, patientId, false) == null) {
                throw ApiException.notFound("patient", patientId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("patient " + patientId + " could not be read", e);
        }
    }

    /**
     * Writes every row of the patient, table by table, as it is stored ({@code bytea} as
     * PostgreSQL's hex text, raw samples in the encoding the accel_batch table documents).
     * Rows are streamed from a cursor: a year of raw data does not have to fit in memory.
     */
    public void export(UUID patientId, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // One snapshot for the whole export, read-only.
            try (var s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            List<String> devices = devicesOf(c, patientId, false);
            if (devices == null) {
                throw ApiException.notFound("patient", patientId);
            }
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("patientId", patientId.toString());
                g.writeStringField("exportedAt", Instant.now(clock).toString());
                g.writeObjectFieldStart("tables");
                for (PatientTables.Table t : PatientTables.find(c)) {
                    g.writeArrayFieldStart(t.name());
                    try (PreparedStatement ps = select(
                            c,
                            t,
                            "select row_to_json(x)::text from " + t.name() + " x where " + t.where(),
                            patientId,
                            devices)) {
                        ps.setFetchSize(100);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                g.writeRawValue(rs.getString(1));
                            }
                        }
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            c.commit();
            LOG.infof("Exported the data of patient %s", patientId);
        } catch (SQLException e) {
            throw new IllegalStateException("export of patient " + patientId + " failed", e);
        }
    }

    /**
     * Erases the patient and everything tied to them, raw data included, in one transaction.
     * Their devices lose broker access first, so that nothing new arrives; if the broker cannot
     * be reached, nothing is erased (503) and the request can be repeated.
     *
     * @return rows deleted per table
     */
    @Override
    public Map<String, Integer> erase(UUID patientId) {
        List<String> devices;
        try (Connection c = dataSource.getConnection()) {
            devices = devicesOf(c, patientId, false);
        } catch (SQLException e) {
            throw new IllegalStateException("patient " + patientId + " could not be read", e);
        }
        if (devices == null) {
            throw ApiException.notFound("patient", patientId);
        }
        devices.forEach(brokerAccess::revoke);
        devices.forEach(deviceMessages::forgetProgress);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // Locks the devices: a batch being written for one of them waits, then fails its
                // foreign key and is retried by ingest as an unknown device's.
                devices = devicesOf(c, patientId, true);
                Map<String, Integer> deleted = new LinkedHashMap<>();
                if (devices != null) {
                    for (PatientTables.Table t : PatientTables.find(c)) {
                        try (PreparedStatement ps =
                                select(c, t, "delete from " + t.name() + " where " + t.where(), patientId, devices)) {
                            deleted.put(t.name(), ps.executeUpdate());
                        }
                    }
                }
                c.commit();
                answers.forget(patientId);
                LOG.infof("Erased patient %s: %s rows", patientId, deleted);
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("erasure of patient " + patientId + " failed", e);
        }
    }

    /** The patient's device ids, or null if there is no such patient. */
    private static List<String> devicesOf(Connection c, UUID patientId, boolean lock) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("select 1 from patient where id = ?" + (lock ? " for update" : ""))) {
            ps.setObject(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id from device where patient_id = ? order by id" + (lock ? " for update" : ""))) {
            ps.setObject(1, patientId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static PreparedStatement select(
            Connection c, PatientTables.Table t, String sql, UUID patientId, List<String> devices) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        t.bind(ps, patientId, c.createArrayOf("text", devices.toArray()));
        return ps;
    }
}
