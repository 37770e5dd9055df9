package org.osteon.program;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.osteon.common.Jdbc;
import org.osteon.common.Json;
import org.osteon.program.ProgramDtos.Author;
import org.osteon.program.ProgramDtos.ProgramVersionView;
import org.osteon.program.ProgramDtos.TemplateView;

/** Program versions and templates; versions are only ever inserted. */
@ApplicationScoped
public class ProgramRepository {
    private static final TypeReference<List<Component>> COMPONENTS = new TypeReference<>() {};
    private static final String VERSION_COLUMNS =
            "patient_id, version, effective_from, template_id, components, author_role, author_subject, reason, created_at";

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public ProgramRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Takes the patient's row lock, so that concurrent changes get consecutive version numbers. */
    public int nextVersion(UUID patientId) {
        jdbc.one("select id from patient where id = ? for update", rs -> 1, patientId);
        return (int)
                jdbc.count("select coalesce(max(version), 0) + 1 from program_version where patient_id = ?", patientId);
    }

    public void insert(ProgramVersionView v) {
        jdbc.update(
                "insert into program_version (" + VERSION_COLUMNS + ") values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)",
                v.patientId(),
                v.version(),
                v.effectiveFrom(),
                v.templateId(),
                write(v.components()),
                v.author().role(),
                v.author().subject(),
                v.reason(),
                v.createdAt());
    }

    /** All versions, newest first. */
    public List<ProgramVersionView> versions(UUID patientId, int limit, long offset) {
        return jdbc.list(
                "select " + VERSION_COLUMNS + " from program_version where patient_id = ? "
                        + "order by version desc limit ? offset ?",
                this::version,
                patientId,
                limit,
                offset);
    }

    public long countVersions(UUID patientId) {
        return jdbc.count("select count(*) from program_version where patient_id = ?", patientId);
    }

    public Optional<ProgramVersionView> version(UUID patientId, int version) {
        return jdbc.one(
                "select " + VERSION_COLUMNS + " from program_version where patient_id = ? and version = ?",
                this::version,
                patientId,
                version);
    }

    /**
     * Every version that is in force on some day of {@code from..to}, oldest first: those starting
     * in the range and the last one starting before it. Readers outside the program ask
     * {@link ProgramService#targets} which of them holds on each day.
     */
    List<ProgramVersionView> inForceBetween(UUID patientId, LocalDate from, LocalDate to) {
        Jdbc.Query<ProgramVersionView> q = inForce(patientId, from, to);
        jdbc.read(q);
        return q.rows();
    }

    /** {@link #inForceBetween} as a query to run with others ({@link Jdbc#read}). */
    Jdbc.Query<ProgramVersionView> inForce(UUID patientId, LocalDate from, LocalDate to) {
        return new Jdbc.Query<>(
                "select " + VERSION_COLUMNS + " from program_version where patient_id = ? and effective_from <= ? "
                        + "and effective_from >= coalesce((select max(effective_from) from program_version "
                        + "where patient_id = ? and effective_from <= ?), ?) order by effective_from, version",
                this::version,
                patientId,
                to,
                patientId,
                from,
                from);
    }

    /** The first version taking effect after {@code day}, if any. */
    public Optional<ProgramVersionView> firstAfter(UUID patientId, LocalDate day) {
        return jdbc.one(
                "select " + VERSION_COLUMNS + " from program_version where patient_id = ? and effective_from > ? "
                        + "order by effective_from, version desc limit 1",
                this::version,
                patientId,
                day);
    }

    public List<TemplateView> templates() {
        return jdbc.list(
                "select id, name, description, source, components from program_template order by id", this::template);
    }

    public Optional<TemplateView> template(String id) {
        return jdbc.one(
                "select id, name, description, source, components from program_template where id = ?",
                this::template,
                id);
    }

    private ProgramVersionView version(ResultSet rs) throws SQLException {
        return new ProgramVersionView(
                rs.getObject(1, UUID.class),
                rs.getInt(2),
                rs.getObject(3, LocalDate.class),
                rs.getString(4),
                read(rs.getString(5)),
                new Author(rs.getString(6), rs.getString(7)),
                rs.getString(8),
                rs.getTimestamp(9).toInstant());
    }

    private TemplateView template(ResultSet rs) throws SQLException {
        return new TemplateView(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), read(rs.getString(5)));
    }

    private List<Component> read(String components) {
        return Json.read(json, components, COMPONENTS, "stored program components");
    }

    /** Written as the declared list type, so that each component carries its kind. */
    private String write(List<Component> components) {
        return Json.write(json.writerFor(COMPONENTS), components, "program components");
    }
}
