package org.osteon.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Caller;
import org.osteon.auth.Roles;
import org.osteon.common.ApiException;
import org.osteon.common.Jdbc;
import org.osteon.physio.CareAssignments;
import org.osteon.physio.Physiotherapist;

/**
 * Decides whether the caller may see or change one patient's data, object by object (OWASP
 * API1). Roles are checked before this, with {@code @RolesAllowed}: a role that may never do
 * something gets 403. Here, a patient the caller has no business with is answered exactly like
 * a patient that does not exist, 404, so that ids cannot be probed.
 */
@ApplicationScoped
@Transactional
public class PatientAccess {
    private final Caller caller;
    private final CareAssignments assignments;
    private final AuditLog audit;
    private final Jdbc jdbc;

    public PatientAccess(Caller caller, CareAssignments assignments, AuditLog audit, Jdbc jdbc) {
        this.caller = caller;
        this.assignments = assignments;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * Registry data (the patient record, devices, sync status): the patient themself, an
     * assigned physiotherapist or an admin. A physiotherapist's read is audited as {@code what}.
     */
    public Patient registry(UUID patientId, String what) {
        if (caller.is(Roles.ADMIN)) {
            return find(patientId);
        }
        return clinical(patientId, what);
    }

    /**
     * Clinical data (program, days, adherence): the patient themself or an assigned
     * physiotherapist. A physiotherapist's read is audited as {@code what}; {@code null} for a
     * write, which its own audit covers or which is not clinical.
     */
    public Patient clinical(UUID patientId, String what) {
        Patient p = mine(patientId);
        auditRead(patientId, what);
        return p;
    }

    /**
     * As {@link #clinical}, for a request that only reads: the same checks and the same audit, with
     * the patient record read by one plain query rather than loaded as an entity in a transaction
     * of its own (which cost a small read more than its data did). The record is not managed:
     * changing it changes nothing. A physiotherapist's read is still audited, in the audit's own
     * transaction, before anything is read, as {@link #clinical} commits it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Patient clinicalRead(UUID patientId, String what) {
        checkMine(patientId);
        Patient p = jdbc.one(
                        "select id, display_name, time_zone, body_mass_kg, created_at from patient where id = ?",
                        PatientAccess::record,
                        patientId)
                .orElseThrow(() -> ApiException.notFound("patient", patientId));
        auditRead(patientId, what);
        return p;
    }

    /** A physiotherapist's read of another's clinical data is audited as {@code what} (null: not a read). */
    private void auditRead(UUID patientId, String what) {
        if (what != null && caller.is(Roles.PHYSIO) && !isSelf(patientId)) {
            audit.record(AuditLog.PATIENT_READ, patientId, null, Map.of("resource", what));
        }
    }

    private static Patient record(ResultSet rs) throws SQLException {
        Patient p = new Patient();
        p.id = rs.getObject("id", UUID.class);
        p.displayName = rs.getString("display_name");
        p.timeZone = rs.getString("time_zone");
        p.bodyMassKg = rs.getObject("body_mass_kg", Double.class);
        p.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return p;
    }

    /**
     * For a stream that outlives its request, after {@link #clinical} let it start: a check, made
     * without the request, of whether the caller may still read the patient's clinical data. A
     * patient always may; a physiotherapist while still assigned (an admin may unassign them while
     * their stream is open).
     */
    public BooleanSupplier stillClinical(UUID patientId) {
        if (isSelf(patientId)) {
            return () -> true;
        }
        UUID physioId = physio().orElseThrow(() -> ApiException.notFound("patient", patientId)).id;
        return () -> assignments.isAssigned(physioId, patientId);
    }

    /** Changing a program: only a physiotherapist assigned to the patient. */
    public Patient change(UUID patientId) {
        if (!isAssignedPhysio(patientId)) {
            throw ApiException.notFound("patient", patientId);
        }
        return find(patientId);
    }

    public boolean isAdmin() {
        return caller.is(Roles.ADMIN);
    }

    /** The physiotherapist the caller is, if registered. */
    public Optional<Physiotherapist> physio() {
        return caller.is(Roles.PHYSIO) ? Physiotherapist.findBySubject(caller.subject()) : Optional.empty();
    }

    /** The physiotherapist the caller is; 403 when no physiotherapist is registered with its subject. */
    public Physiotherapist registeredPhysio() {
        return physio().orElseThrow(() -> notRegistered());
    }

    /** The answer to a caller who acts as a physiotherapist but is not registered as one. */
    public static ApiException notRegistered() {
        return new ApiException(403, "Forbidden", "no physiotherapist is registered with this token's subject", null);
    }

    /**
     * The calling patient's own record (a patient token's subject is its patient id); 404 when the
     * subject is no registered patient. A read is audited as {@code what} like any other.
     */
    public Patient me(String what) {
        UUID self = caller.patientId().orElseThrow(() -> ApiException.notFound("patient", caller.subject()));
        return registry(self, what);
    }

    private Patient mine(UUID patientId) {
        checkMine(patientId);
        return find(patientId);
    }

    /** The patient themself or an assigned physiotherapist; anyone else is told the patient is not found. */
    private void checkMine(UUID patientId) {
        if (!isSelf(patientId) && !isAssignedPhysio(patientId)) {
            throw ApiException.notFound("patient", patientId);
        }
    }

    private boolean isSelf(UUID patientId) {
        return caller.patientId().filter(patientId::equals).isPresent();
    }

    private boolean isAssignedPhysio(UUID patientId) {
        return physio().filter(ph -> assignments.isAssigned(ph.id, patientId)).isPresent();
    }

    private static Patient find(UUID patientId) {
        return Patient.<Patient>findByIdOptional(patientId)
                .orElseThrow(() -> ApiException.notFound("patient", patientId));
    }
}
