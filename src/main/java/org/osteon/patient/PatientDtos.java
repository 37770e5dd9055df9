package org.osteon.patient;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** What the patient API reads and writes; entities never leave through REST. */
public final class PatientDtos {
    private PatientDtos() {}

    /** A new patient. */
    public record NewPatient(
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @IanaTimeZone String timeZone,

            @DecimalMin(value = "1.0") @DecimalMax(value = "500.0")
            Double bodyMassKg) {}

    /** A patient as the API shows it. */
    public record PatientView(UUID id, String displayName, String timeZone, Double bodyMassKg, Instant createdAt) {
        public static PatientView of(Patient p) {
            return new PatientView(p.id, p.displayName, p.timeZone, p.bodyMassKg, p.createdAt);
        }
    }
}
