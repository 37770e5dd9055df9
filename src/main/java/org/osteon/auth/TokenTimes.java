package org.osteon.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.osteon.common.InvalidTokenException;

/**
 * Refuses a token whose times do not hold against this service's clock, beyond the signature,
 * issuer and expiry that SmallRye JWT checks: issued ({@code iat}) or valid from ({@code nbf})
 * more than {@link AuthConfig#clockSkew()} ahead, or valid for longer than
 * {@link AuthConfig#maxLifetime()}. The reason goes back in the 401's {@code WWW-Authenticate}.
 */
@ApplicationScoped
public class TokenTimes implements SecurityIdentityAugmentor {
    private final AuthConfig config;
    private final Clock clock;

    public TokenTimes(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String problem =
                    problem(jwt.getIssuedAtTime(), jwt.getExpirationTime(), jwt.getClaim("nbf"), clock.instant());
            if (problem != null) {
                return Uni.createFrom()
                        .failure(new AuthenticationFailedException(problem, new InvalidTokenException(problem)));
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** What is wrong with a token's times at {@code now}, or null. Times are epoch seconds; 0 means absent. */
    String problem(long iat, long exp, Object nbf, Instant now) {
        long latest = now.plus(config.clockSkew()).getEpochSecond();
        if (iat > latest) {
            return "the token is issued in the future (iat " + Instant.ofEpochSecond(iat) + ")";
        }
        if (nbf instanceof Number n && n.longValue() > latest) {
            return "the token is not valid yet (nbf " + Instant.ofEpochSecond(n.longValue()) + ")";
        }
        if (iat == 0) {
            return "the token has no iat";
        }
        if (exp - iat > config.maxLifetime().toSeconds()) {
            return "the token is valid for " + Duration.ofSeconds(exp - iat).toHours() + " h, longer than the "
                    + config.maxLifetime().toHours() + " h allowed";
        }
        return null;
    }
}
