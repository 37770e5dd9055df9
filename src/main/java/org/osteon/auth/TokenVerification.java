package org.osteon.auth;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells SmallRye JWT which tokens to trust, from {@link AuthConfig}: the OIDC provider's JWKS
 * when one is configured, otherwise the local key. Replaces the extension's own
 * {@code mp.jwt.*} reading so that the local key can be created at start rather than
 * pointed to before it exists.
 */
@ApplicationScoped
public class TokenVerification {
    private static final Logger LOG = Logger.getLogger(TokenVerification.class);

    private final AuthConfig config;

    public TokenVerification(AuthConfig config) {
        this.config = config;
    }

    /** Creates the local key at start, so that {@code ./osteon token} and the service agree from the first request. */
    void onStart(@Observes StartupEvent event) {
        requireAudienceWithProvider(config);
        if (config.jwksUrl().isEmpty()) {
            Path dir = Path.of(config.localKeyDir());
            LocalSigningKey.loadOrCreate(dir);
            LOG.infof(
                    "Verifying tokens signed with the local key in %s (issuer %s); "
                            + "mint one with ./osteon token --role physio --subject ID",
                    dir.toAbsolutePath(), config.issuer());
        } else {
            LOG.infof(
                    "Verifying tokens of issuer %s with keys from %s",
                    config.issuer(), config.jwksUrl().get());
        }
    }

    /**
     * A provider issues tokens for all of its clients: without an audience, a token meant for
     * another application of the clinic would be accepted here. Required wherever a provider is
     * configured (production); the local key signs only Osteon's own tokens.
     */
    static void requireAudienceWithProvider(AuthConfig config) {
        if (config.jwksUrl().isPresent()
                && config.audience().filter(a -> !a.isBlank()).isEmpty()) {
            throw new IllegalStateException("osteon.auth.audience (OSTEON_AUTH_AUDIENCE) is required with "
                    + "osteon.auth.jwks-url: set it to the client id your OIDC provider issues Osteon's tokens for");
        }
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        if (config.jwksUrl().isPresent()) {
            info.setPublicKeyLocation(config.jwksUrl().get());
        } else {
            info.setPublicVerificationKey(
                    LocalSigningKey.loadOrCreate(Path.of(config.localKeyDir())).publicKey());
        }
        info.setIssuedBy(config.issuer());
        config.audience().ifPresent(aud -> info.setExpectedAudience(Set.of(aud)));
        info.setGroupsPath(config.rolesClaim());
        return info;
    }
}
