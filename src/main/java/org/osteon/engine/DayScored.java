package org.osteon.engine;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Sent on the in-process channel {@value #CHANNEL} after the transaction that wrote or removed a
 * patient's day has committed, on the instance that scored it: once per change, unlike the
 * notifications that every instance hears. Every consumer of the channel gets each one
 * ({@code @Incoming(DayScored.CHANNEL)}); a consumer reads what it needs from the database and
 * must hand slow work to a thread of its own, since it is called on the scoring thread.
 */
public record DayScored(UUID patientId, LocalDate date) {
    public static final String CHANNEL = "days-scored";
}
