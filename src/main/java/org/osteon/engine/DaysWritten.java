package org.osteon.engine;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, on the scoring thread) right after a transaction that may have
 * changed a patient's days committed on this instance: the day {@code date} it claimed, and the
 * days before and after, whose waking values share a night with it (rolling values reach further,
 * and only they). Never dropped, unlike {@link DayScored}, so an
 * observer may keep what it derived from the days until this says they changed; it must be quick
 * (no I/O), since the engine waits for it. Other instances hear the same change from the
 * notification of {@link DayNotices}, sent in the transaction.
 */
public record DaysWritten(UUID patientId, LocalDate date) {}
