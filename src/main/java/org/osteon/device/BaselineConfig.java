package org.osteon.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Imports of baseline recordings (docs/interop.md, "Baseline recordings"). */
@ConfigMapping(prefix = "osteon.baseline")
public interface BaselineConfig {

    /**
     * Largest upload in bytes. The body is streamed to a temporary file, never held in memory, so
     * this bounds disk, not heap: a week at 100 Hz is about 200 MB as {@code .gt3x} and about
     * 2.5 GB as a {@code time,x,y,z} CSV, hence 3 GiB. The service's overall limit,
     * {@code quarkus.http.limits.max-body-size}, must be at least this for such a file to reach
     * the endpoint (see docs/interop.md).
     */
    @WithDefault("3221225472")
    long maxBytes();

    /**
     * Longest wear period an upload may state: a baseline week and a day's margin for the
     * handing out and return of the device. Longer is refused, so that a mistaken period cannot
     * claim months of another person's wear.
     */
    @WithDefault("P8D")
    Duration maxWearPeriod();

    /**
     * Imports waiting for the single import thread. One import runs at a time: it streams
     * its file through one reader into one transaction, so one at a time bounds the disk, the
     * CPU and the WAL an import takes from ingest; a full queue answers 503 (try later).
     */
    @WithDefault("4")
    int queue();

    /**
     * An import refreshes its recording's heartbeat at least every few seconds while it reads
     * ({@code BaselineImports}); a recording still reading whose heartbeat is older than this lost
     * its importer (the service restarted or crashed, on this instance or another) and is shown
     * failed. Long enough for a database stall under load, short enough that a clinician learns
     * soon that the file must be uploaded again.
     */
    @WithDefault("PT1M")
    Duration staleAfter();

    /** Where uploads are spooled; the JVM's temporary directory when unset. */
    Optional<String> spoolDirectory();
}
