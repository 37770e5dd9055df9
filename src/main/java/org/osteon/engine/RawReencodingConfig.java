package org.osteon.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The background job that re-encodes raw batches stored before encoding 3 (V70). */
@ConfigMapping(prefix = "osteon.raw-reencode")
public interface RawReencodingConfig {

    /**
     * Whether old rows (encodings 1 and 2) are re-encoded at all. Off leaves them as they are:
     * they read the same, only larger (about 3 and 6 times, docs/scaling.md).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Rows re-encoded per transaction: small enough that a run never holds many row locks nor
     * delays ingest's inserts into the same partitions, large enough to finish a year of old data
     * in hours (500 rows of one minute each are about 8 patient-hours).
     */
    @WithDefault("500")
    int rowsPerRun();

    /** How often a run starts (Quarkus scheduler syntax); runs stop once every old row is done. */
    @WithDefault("10s")
    String every();
}
