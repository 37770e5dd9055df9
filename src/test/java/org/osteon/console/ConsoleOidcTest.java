package org.osteon.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The flow's pure parts: the PKCE challenge and the flow cookie's round trip. */
class ConsoleOidcTest {
    @Test
    void theChallengeIsRfc7636sS256OfTheVerifier() {
        // The example of RFC 7636, appendix B.
        assertThat(ConsoleOidc.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void aFlowSurvivesItsCookieAndAMalformedCookieIsNoFlow() {
        ConsoleOidc.Flow flow = new ConsoleOidc.Flow("s-1", "n_2", "v-3", Instant.parse("2026-12-04T12:00:00Z"));
        assertThat(ConsoleOidc.Flow.parse(flow.cookieValue())).contains(flow);
        assertThat(ConsoleOidc.Flow.parse(null)).isEmpty();
        assertThat(ConsoleOidc.Flow.parse("s.n.v")).isEmpty();
        assertThat(ConsoleOidc.Flow.parse("s.n.v.soon")).isEmpty();
        assertThat(ConsoleOidc.Flow.parse("s.n.v.1".repeat(60))).isEmpty();
    }
}
