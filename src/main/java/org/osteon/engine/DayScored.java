package org.osteon.engine;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Fired (CDI, synchronously, on the scoring thread) after the transaction that wrote or removed
 * a patient's day has committed, on the instance that scored it: exactly once per change, unlike
 * the notifications that every instance hears. Observers read what they need from the database
 * and must not take long, since the worker waits for them.
 */
public record DayScored(UUID patientId, LocalDate date) {}
