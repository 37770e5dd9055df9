package org.osteon.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.osteon.auth.LocalSigningKey;
import org.osteon.auth.LocalTokens;

/**
 * A tiny OpenID Connect provider for the console's sign-in tests, on a free port of this machine:
 * a discovery document, an authorization endpoint that answers at once as if the user were
 * already signed in there (straight back to the redirect URI with a code), a token endpoint that
 * checks the code (once), the redirect URI, the PKCE verifier against the S256 challenge and the
 * client's id and secret, and a JWKS with its RSA key. What it vouches for is set by the test:
 * the subject, and deliberate faults (another audience, another nonce, a tampered state, a refusal).
 */
public final class TinyOidcProvider {
    public static final String CLIENT_ID = "osteon-console";
    public static final String CLIENT_SECRET = "console-secret";
    /** The API's audience: the provider's tokens for the API are for another client than the console. */
    public static final String API_AUDIENCE = "osteon-api";

    private static final String KEY_ID = "tiny-1";
    private static TinyOidcProvider running;

    /** What the next sign-in does wrong, if anything. */
    public enum Fault {
        NONE,
        WRONG_AUDIENCE,
        WRONG_NONCE,
        TAMPERED_STATE,
        ACCESS_DENIED
    }

    private record Grant(String clientId, String redirectUri, String challenge, String nonce, String subject) {}

    private final HttpServer server;
    private final LocalSigningKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private volatile String subject;
    private volatile Fault fault = Fault.NONE;

    private TinyOidcProvider() throws IOException {
        key = LocalSigningKey.loadOrCreate(
                Path.of("target", "tiny-oidc-provider").toAbsolutePath());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/osteon/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/osteon/authorize", this::authorize);
        server.createContext("/realms/osteon/token", this::token);
        server.createContext("/realms/osteon/jwks", this::jwks);
        server.start();
    }

    /** The one provider of this JVM, started on first use (a test profile's configuration needs its address). */
    public static synchronized TinyOidcProvider get() {
        if (running == null) {
            try {
                running = new TinyOidcProvider();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return running;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/osteon";
    }

    public String jwksUrl() {
        return issuer() + "/jwks";
    }

    /** The next sign-ins vouch for {@code subject}, doing {@code fault} wrong. */
    public void next(String subject, Fault fault) {
        this.subject = subject;
        this.fault = fault;
    }

    /** Codes exchanged successfully so far: each one passed the PKCE and client checks. */
    public int exchanges() {
        return exchanges.get();
    }

    /** An API token of this provider for the API's audience (the API trusts the provider too). */
    public String apiToken(String role, String subject) {
        return new LocalTokens(key, issuer(), KEY_ID, API_AUDIENCE)
                .sign(role, subject, Tokens.issuedAt(), Duration.ofMinutes(30));
    }

    private void discovery(HttpExchange x) throws IOException {
        String i = issuer();
        send(
                x,
                200,
                "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/authorize\",\"token_endpoint\":\"" + i
                        + "/token\",\"jwks_uri\":\"" + i + "/jwks\",\"response_types_supported\":[\"code\"],"
                        + "\"code_challenge_methods_supported\":[\"S256\"]}");
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = parse(x.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (!"code".equals(q.get("response_type"))
                || !CLIENT_ID.equals(q.get("client_id"))
                || !"openid".equals(q.get("scope"))
                || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null
                || q.get("nonce") == null
                || q.get("state") == null
                || redirect == null) {
            send(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String state = fault == Fault.TAMPERED_STATE ? q.get("state") + "x" : q.get("state");
        String location;
        if (fault == Fault.ACCESS_DENIED) {
            location = redirect + "?error=access_denied&state=" + encode(state);
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(CLIENT_ID, redirect, q.get("code_challenge"), q.get("nonce"), subject));
            location = redirect + "?code=" + encode(code) + "&state=" + encode(state);
        }
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"POST".equals(x.getRequestMethod())
                || !basic.equals(x.getRequestHeaders().getFirst("Authorization"))
                || !"authorization_code".equals(form.get("grant_type"))
                || grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null
                || !grant.challenge().equals(s256(form.get("code_verifier")))) {
            send(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        exchanges.incrementAndGet();
        send(x, 200, "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"id_token\":\"" + idToken(grant) + "\"}");
    }

    private String idToken(Grant grant) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer());
        claims.setSubject(grant.subject());
        claims.setAudience(fault == Fault.WRONG_AUDIENCE ? "clinic-portal" : grant.clientId());
        Instant now = Tokens.issuedAt();
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(
                NumericDate.fromMilliseconds(now.plusSeconds(300).toEpochMilli()));
        claims.setClaim("nonce", fault == Fault.WRONG_NONCE ? "another-browsers-nonce" : grant.nonce());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.privateKey());
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void jwks(HttpExchange x) throws IOException {
        RSAPublicKey pub = (RSAPublicKey) key.publicKey();
        send(
                x,
                200,
                "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KEY_ID + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                        + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}");
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String b64(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
