package org.osteon.physio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the physiotherapist and roster APIs read and write. */
public final class PhysioDtos {
    private PhysioDtos() {}

    /** A physiotherapist to register; {@code subject} is the {@code sub} of their tokens. */
    public record NewPhysiotherapist(@NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 100) String displayName) {}

    public record PhysiotherapistView(UUID id, String subject, String displayName, Instant createdAt) {
        static PhysiotherapistView of(Physiotherapist p) {
            return new PhysiotherapistView(p.id, p.subject, p.displayName, p.createdAt);
        }
    }

    /**
     * One patient on a physiotherapist's roster. Adherence is the weekly overall (0..1, capped)
     * of the last complete week (Monday to Sunday in the patient's time zone) and the one
     * before; {@code trend} is their difference. Flags: {@code cap_exceeded} (a safety cap was
     * exceeded last week), {@code no_program}, {@code no_data_last_week}.
     */
    public record RosterEntry(
            UUID patientId, String displayName, LocalDate lastWeekStart, Double lastWeekAdherence,
            Double previousWeekAdherence, Double trend, List<String> flags, Instant lastSyncAt) {}
}
