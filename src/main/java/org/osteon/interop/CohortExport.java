package org.osteon.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.osteon.engine.ScoredDay;

/**
 * The cohort export's lines (docs/interop.md, "Cohort export"): NDJSON, one JSON object per line,
 * written one day at a time from a database cursor so that memory holds one row, whatever the
 * cohort's size.
 *
 * <p>The lines, in order: one {@code cohort} line (the range, how many patients are in scope,
 * whether ids are pseudonyms); per patient with days, a {@code patient} line (its id, its place
 * among the patients in scope: the progress) followed by its {@code day} lines in date order, each
 * the day as {@code GET /days} shows it with the patient's id added; and last an {@code end} line
 * with the counts. A stream that stops without its {@code end} line broke off and is incomplete.
 */
final class CohortExport {
    static final String MEDIA_TYPE = "application/x-ndjson";

    private final ObjectMapper json;
    private final OutputStream out;
    private final Pseudonyms pseudonyms;
    private UUID current;
    private String currentId;
    private int patientsWithDays;
    private long days;

    /** @param pseudonyms null: the patients' own ids */
    CohortExport(ObjectMapper json, OutputStream out, Pseudonyms pseudonyms) {
        this.json = json;
        this.out = out;
        this.pseudonyms = pseudonyms;
    }

    void start(LocalDate from, LocalDate to, int patientsInScope, Instant generatedAt) throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("type", "cohort");
        line.put("from", from.toString());
        line.put("to", to.toString());
        line.put("patients", patientsInScope);
        line.put("pseudonymous", pseudonyms != null);
        line.put("generatedAt", generatedAt.toString());
        write(line);
    }

    /**
     * One row of the cursor: {@code patient_id} and the columns of {@link ScoredDay#SELECT}.
     *
     * @param index the patient's 1-based place among the patients in scope, for the progress
     */
    void day(ResultSet rs, int index, int patientsInScope) throws SQLException, IOException {
        UUID patient = rs.getObject("patient_id", UUID.class);
        if (!patient.equals(current)) {
            current = patient;
            // One HMAC per patient, not per day: the rows come in patient order.
            currentId = id(patient);
            patientsWithDays++;
            ObjectNode line = json.createObjectNode();
            line.put("type", "patient");
            line.put("patient", currentId);
            line.put("index", index);
            line.put("of", patientsInScope);
            write(line);
        }
        ObjectNode line = json.createObjectNode();
        line.put("type", "day");
        line.put("patient", currentId);
        line.setAll((ObjectNode) json.valueToTree(ScoredDay.read(rs, json).shown()));
        write(line);
        days++;
    }

    void end() throws IOException {
        ObjectNode line = json.createObjectNode();
        line.put("type", "end");
        line.put("patientsWithDays", patientsWithDays);
        line.put("days", days);
        write(line);
        out.flush();
    }

    private String id(UUID patient) {
        return pseudonyms == null ? patient.toString() : pseudonyms.of(patient);
    }

    private void write(ObjectNode line) throws IOException {
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
    }

    /**
     * A patient's pseudonym: HMAC-SHA256 of the patient id under a secret, hex, first 32
     * characters (128 bits). The same secret gives the same pseudonym in every export, so a trial
     * can join its exports; without the secret it cannot be turned back into the id.
     */
    static final class Pseudonyms {
        private final SecretKeySpec key;

        Pseudonyms(String secret) {
            this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }

        String of(UUID patient) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                byte[] h = mac.doFinal(patient.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(h, 0, 16);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }
}
