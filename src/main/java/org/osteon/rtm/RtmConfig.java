package org.osteon.rtm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How RTM evidence is taken and read (docs/rtm.md). */
@ConfigMapping(prefix = "osteon.rtm")
public interface RtmConfig {

    /**
     * The longest one time entry may span: a working day of monitoring is logged as several
     * entries, so a longer one is a typing error (a wrong date), not time spent.
     */
    @WithDefault("PT12H")
    Duration maxEntryDuration();

    /** How far an entry's end may lie ahead of the service's clock (the physiotherapist's clock drifts). */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** The widest from..to a read may ask for: a year of months and periods, with room for the edges. */
    @WithDefault("400")
    int maxRangeDays();
}
