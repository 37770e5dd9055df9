package org.osteon.engine;

import java.time.Instant;

/** Instants as Unix epoch microseconds, the resolution of PostgreSQL timestamps and of sample times here. */
final class Micros {
    private Micros() {}

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
