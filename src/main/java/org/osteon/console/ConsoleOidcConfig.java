package org.osteon.console;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Console sign-in with the clinic's identity provider (OpenID Connect authorization code with
 * PKCE), the provider being the one whose tokens the API accepts: {@code osteon.auth.issuer}
 * names it, and its endpoints come from its discovery document
 * ({@code {issuer}/.well-known/openid-configuration}). Off while {@code client-id} is not set:
 * then the console offers the one-time link alone.
 */
@ConfigMapping(prefix = "osteon.console.oidc")
public interface ConsoleOidcConfig {
    /**
     * The client id the provider knows the console by, e.g. {@code osteon-console}; the ID token's
     * {@code aud} must name it. Setting it turns sign-in with the provider on.
     */
    Optional<String> clientId();

    /**
     * The client's secret when the provider registered the console as a confidential client (sent
     * with HTTP Basic to the token endpoint); none for a public client, which PKCE protects alone.
     */
    Optional<String> clientSecret();

    /**
     * The console's public address as the provider redirects browsers to it, e.g.
     * {@code https://osteon.clinic.example}; the callback is {@code /console/oidc/callback} under it and
     * must be registered with the provider as is. Unset, the address the browser used is taken,
     * which suits a service reached by one name only; behind a proxy that rewrites the host, set it.
     */
    Optional<String> redirectBase();
}
