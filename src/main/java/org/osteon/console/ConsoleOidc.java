package org.osteon.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.osteon.auth.AuthConfig;
import org.osteon.common.Text;

/**
 * The OpenID Connect authorization-code flow with PKCE against the provider the API trusts
 * ({@code osteon.auth.issuer}), for the console's sign-in: the authorization request, then the
 * code's exchange and the ID token's checks (signature by the provider's JWKS, {@code iss},
 * {@code aud} = the console's client id, {@code exp} and {@code iat} against the service's clock
 * with {@code osteon.auth.clock-skew} of leeway, {@code nonce}). It answers a subject or why it
 * refused; who that subject is, and the session, are the caller's (see {@link ConsoleOidcResource}).
 * The provider's endpoints are read from its discovery document once, on the first sign-in.
 */
@ApplicationScoped
public class ConsoleOidc {
    private static final Logger LOG = Logger.getLogger(ConsoleOidc.class);

    /** How long a browser may take at the provider, from the redirect there to the callback. */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    /** A sign-in under way: what the callback must find again, kept in the browser's HttpOnly cookie. */
    public record Flow(String state, String nonce, String verifier, Instant startedAt) {
        String cookieValue() {
            return state + "." + nonce + "." + verifier + "." + startedAt.getEpochSecond();
        }

        /** The flow a cookie holds; empty when it is malformed. */
        static Optional<Flow> parse(String value) {
            String[] parts = value == null ? new String[0] : value.split("\\.");
            if (parts.length != 4 || value.length() > 300) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new Flow(parts[0], parts[1], parts[2], Instant.ofEpochSecond(Long.parseLong(parts[3]))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** The outcome of a callback: the provider vouched for a subject, or the sign-in is refused, and why. */
    public sealed interface Verdict {
        record Verified(String subject) implements Verdict {}

        /** {@code reason}: state (no flow, an expired one or another state), code (the exchange failed), token. */
        record Refused(String reason) implements Verdict {}
    }

    /** The provider's endpoints, from its discovery document. */
    record Provider(String authorizationEndpoint, String tokenEndpoint, HttpsJwksVerificationKeyResolver keys) {}

    private final ConsoleOidcConfig config;
    private final AuthConfig auth;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private volatile Provider provider;

    public ConsoleOidc(ConsoleOidcConfig config, AuthConfig auth, Clock clock, ObjectMapper json) {
        this.config = config;
        this.auth = auth;
        this.clock = clock;
        this.json = json;
    }

    /** Whether the console offers sign-in with the provider. */
    public boolean enabled() {
        return config.clientId().filter(id -> !id.isBlank()).isPresent();
    }

    /** A new flow: random state, nonce and PKCE verifier (256 bits each). */
    public Flow start() {
        return new Flow(random(), random(), random(), clock.instant());
    }

    /** Where to send the browser: the provider's authorization endpoint with the flow's parameters. */
    public URI authorizationUri(Flow flow, String redirectUri) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", config.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid");
        query.put("state", flow.state());
        query.put("nonce", flow.nonce());
        query.put("code_challenge", challenge(flow.verifier()));
        query.put("code_challenge_method", "S256");
        String endpoint = provider().authorizationEndpoint();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(query));
    }

    /**
     * The callback's check: the flow is the browser's own and still young, the state is the one
     * sent, the code is exchanged (with the verifier, and the secret of a confidential client), and
     * the ID token holds.
     */
    public Verdict finish(Optional<Flow> flow, String state, String code, String redirectUri) {
        Instant now = clock.instant();
        if (flow.isEmpty()
                || state == null
                || code == null
                || !equal(flow.get().state(), state)
                || flow.get().startedAt().plus(FLOW_LIFETIME).isBefore(now)) {
            return new Verdict.Refused("state");
        }
        String idToken;
        try {
            idToken = exchange(code, flow.get().verifier(), redirectUri);
        } catch (IOException e) {
            LOG.warnf(
                    "Console sign-in: the provider's token endpoint refused or failed the code exchange: %s",
                    Text.printable(e.getMessage(), 200));
            return new Verdict.Refused("code");
        }
        try {
            JwtClaims claims = consumer(now).processToClaims(idToken);
            Object nonce = claims.getClaimValue("nonce");
            if (!(nonce instanceof String n) || !equal(flow.get().nonce(), n)) {
                LOG.warn("Console sign-in refused: the ID token's nonce is not this browser's");
                return new Verdict.Refused("token");
            }
            return new Verdict.Verified(claims.getSubject());
        } catch (InvalidJwtException e) {
            // Which checks failed, not the token's claims: they are the provider's text, and a subject.
            LOG.warnf(
                    "Console sign-in refused: the ID token does not hold: %s",
                    Text.printable(
                            e.getErrorDetails().stream()
                                    .map(d -> d.getErrorMessage())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse("unreadable"),
                            300));
            return new Verdict.Refused("token");
        } catch (MalformedClaimException | IOException e) {
            LOG.warnf("Console sign-in refused: the ID token does not hold: %s", Text.printable(e.getMessage(), 200));
            return new Verdict.Refused("token");
        }
    }

    private String exchange(String code, String verifier, String redirectUri) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("code_verifier", verifier);
        body.put("client_id", config.clientId().orElseThrow());
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(provider().tokenEndpoint()))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        config.clientSecret()
                .filter(s -> !s.isBlank())
                .ifPresent(secret -> request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (encode(config.clientId().orElseThrow()) + ":" + encode(secret))
                                                        .getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        JsonNode idToken = json.readTree(response.body()).path("id_token");
        if (!idToken.isTextual()) {
            throw new IOException("the answer holds no id_token");
        }
        return idToken.asText();
    }

    private JwtConsumer consumer(Instant now) throws IOException {
        int skew = (int) auth.clockSkew().toSeconds();
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                .setAllowedClockSkewInSeconds(skew)
                // Issued for this exchange: not ahead of our clock by more than the skew, nor older than a flow.
                .setIssuedAtRestrictions(skew, (int) FLOW_LIFETIME.toSeconds() + skew)
                .setExpectedIssuer(auth.issuer())
                .setExpectedAudience(config.clientId().orElseThrow())
                .setVerificationKeyResolver(provider().keys())
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256,
                        AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)
                .build();
    }

    /** The provider's endpoints, read from its discovery document on first use; its issuer must be ours. */
    private Provider provider() throws IOException {
        Provider p = provider;
        if (p == null) {
            String issuer = auth.issuer();
            String url = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(HTTP_TIMEOUT)
                    .header("Accept", "application/json")
                    .GET()
                    .build());
            if (response.statusCode() != 200) {
                throw new IOException("discovery document " + url + " answered " + response.statusCode());
            }
            JsonNode doc = json.readTree(response.body());
            if (!issuer.equals(doc.path("issuer").asText())) {
                throw new IOException("discovery document " + url + " names another issuer");
            }
            for (String field : new String[] {"authorization_endpoint", "token_endpoint", "jwks_uri"}) {
                if (!doc.path(field).isTextual()) {
                    throw new IOException("discovery document " + url + " has no " + field);
                }
            }
            p = new Provider(
                    doc.path("authorization_endpoint").asText(),
                    doc.path("token_endpoint").asText(),
                    new HttpsJwksVerificationKeyResolver(
                            new HttpsJwks(doc.path("jwks_uri").asText())));
            provider = p;
        }
        return p;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The PKCE S256 challenge of a verifier (RFC 7636). */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean equal(String expected, String sent) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
