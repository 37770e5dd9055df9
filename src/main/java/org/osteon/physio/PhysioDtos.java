package org.osteon.physio;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** What the physiotherapist API reads and writes. */
public final class PhysioDtos {
    private PhysioDtos() {}

    /** A physiotherapist to register; {@code subject} is the {@code sub} of their tokens. */
    public record NewPhysiotherapist(
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 100) String displayName) {}

    public record PhysiotherapistView(UUID id, String subject, String displayName, Instant createdAt) {
        static PhysiotherapistView of(Physiotherapist p) {
            return new PhysiotherapistView(p.id, p.subject, p.displayName, p.createdAt);
        }
    }
}
