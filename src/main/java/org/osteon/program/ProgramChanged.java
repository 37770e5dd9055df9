package org.osteon.program;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired, synchronously and inside the transaction that stores it, when a new program version of
 * a patient takes effect on {@code effectiveFrom}. Observers that must act with the change (so
 * that nothing is announced for a version that is rolled back) observe it with a plain
 * {@code @Observes}.
 */
public record ProgramChanged(UUID patientId, LocalDate effectiveFrom) {}
