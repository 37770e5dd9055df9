package org.osteon.patient;

import java.util.Map;
import java.util.UUID;

/**
 * Erases a patient and every row tied to them, raw data and broker access included. What that
 * covers is the privacy package's to know (it implements this); the patient resource only asks.
 */
public interface PatientErasure {

    /**
     * Erases the patient, or nothing: 404 when there is no such patient, 503 when the broker could
     * not be reached. Returns how many rows of each table went.
     */
    Map<String, Integer> erase(UUID patientId);
}
