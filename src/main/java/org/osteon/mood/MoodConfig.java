package org.osteon.mood;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How patient-reported mood is taken and escalated (docs/mood.md). */
@ConfigMapping(prefix = "osteon.mood")
public interface MoodConfig {

    /**
     * Whether a clinician is on call to act on a PHQ-9 item 9 answer above 0. Without one, asking
     * about thoughts of self-harm promises help nobody gives: the PHQ-8 (the PHQ-9 without item 9)
     * is offered instead, and PHQ-9 submissions are refused.
     */
    @WithDefault("true")
    boolean clinicianOnCall();

    /** What the app shows at once after an item 9 answer above 0; the deployment's own words and numbers. */
    Crisis crisis();

    interface Crisis {
        /** Shown to the patient; a clinic replaces it with its own instructions. */
        @WithDefault("If you are thinking about hurting yourself or that you would be better off dead, talk to "
                + "someone now: call your local emergency number, or a crisis line. Your physiotherapist has been "
                + "told about your answer.")
        String text();

        /** A crisis line's number, shown with the text; none by default, as it depends on the country. */
        Optional<String> phone();

        /** A crisis service's address, shown with the text. */
        Optional<String> url();
    }

    /**
     * How far in the past an answer may lie when submitted: the PHQ asks about the last two weeks,
     * and an app offline for a while still sends what was answered; older answers describe a time
     * the physiotherapist can no longer act on.
     */
    @WithDefault("P14D")
    Duration maxAnswerAge();

    /** How far an answer's time may lie ahead of the service's clock (device clocks drift). */
    @WithDefault("PT5M")
    Duration maxClockSkew();
}
