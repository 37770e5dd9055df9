package org.osteon.engine;

import java.util.UUID;

/**
 * Fired (CDI, synchronously, on the scoring thread) right after a transaction that may have
 * changed a patient's days committed on this instance: the day it claimed, and the neighbouring
 * days whose sleep or rolling values it updated. Never dropped, unlike {@link DayScored}, so an
 * observer may keep what it derived from the days until this says they changed; it must be quick
 * (no I/O), since the engine waits for it. Other instances hear the same change from the
 * notification of {@link DayNotices}, sent in the transaction.
 */
public record DaysWritten(UUID patientId) {}
