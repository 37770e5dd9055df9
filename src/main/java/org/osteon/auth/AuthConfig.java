package org.osteon.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How bearer tokens are verified. With {@code jwks-url} set, tokens of that OIDC provider are
 * accepted (production); without it, the service signs and verifies with a key of its own that
 * it creates on first start (local use and tests).
 */
@ConfigMapping(prefix = "osteon.auth")
public interface AuthConfig {
    String LOCAL_ISSUER = "osteon-local";

    /**
     * The provider's JWKS endpoint, e.g. {@code https://id.example.org/realms/osteon/protocol/openid-connect/certs}.
     * Setting it turns the local key off.
     */
    Optional<String> jwksUrl();

    /** The {@code iss} every token must carry. Required with {@code jwks-url}; locally {@value #LOCAL_ISSUER}. */
    @WithDefault(LOCAL_ISSUER)
    String issuer();

    /** When set, the {@code aud} every token must carry (the client id the provider issues tokens for). */
    Optional<String> audience();

    /**
     * Where the role is in the token: a claim name or a path such as {@code realm_access/roles}
     * (Keycloak). It must hold {@code patient}, {@code physio} or {@code admin}.
     */
    @WithDefault("groups")
    String rolesClaim();

    /**
     * How far a token's {@code iat} and {@code nbf} may lie ahead of this service's clock: the
     * provider's clock and ours differ by a little; a token issued "tomorrow" was forged or minted
     * on a broken clock.
     */
    @WithDefault("PT60S")
    Duration clockSkew();

    /**
     * The longest a token may be valid ({@code exp} − {@code iat}). A stolen token is worth no more
     * than this; an {@code exp} in 2286 made one worth forever. Covers {@code ./osteon token}'s
     * largest {@code --hours}.
     */
    @WithDefault("PT24H")
    Duration maxLifetime();

    /**
     * How many verified tokens are remembered ({@link VerifiedTokens}), so that an app sending the
     * same token with each request is not verified each time; {@code 0} verifies every request.
     */
    @WithDefault("10000")
    int tokenCacheSize();

    /**
     * The longest a verified token is remembered (never past its {@code exp}): also the longest a
     * token stays accepted after its signing key was withdrawn from the provider's JWKS.
     */
    @WithDefault("PT60S")
    Duration tokenCacheTtl();

    /** Directory of the local signing key, created on first start when {@code jwks-url} is not set. */
    @WithDefault(".osteon/jwt")
    String localKeyDir();
}
