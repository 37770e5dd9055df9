package org.osteon.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How long raw data is kept, and how its month partitions are looked after. */
@ConfigMapping(prefix = "osteon.retention")
public interface RetentionConfig {

    /**
     * Age after which raw accelerometer batches and loading events are dropped, as an ISO-8601
     * duration such as {@code P400D}. A month partition goes once all of it is older than this,
     * so raw data lives up to a month longer. Unset keeps raw data for ever. The ingest ledger,
     * sync totals, day results and adherence are never dropped.
     */
    Optional<Duration> rawData();

    /** How often partitions are created ahead and expired ones dropped (Quarkus scheduler syntax). */
    @WithDefault("1h")
    String every();

    /** Months of partitions kept ready beyond the current one. */
    @WithDefault("3")
    int monthsAhead();
}
