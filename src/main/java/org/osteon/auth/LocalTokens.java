package org.osteon.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs RS256 tokens with the {@link LocalSigningKey}, carrying what Osteon reads from any
 * provider's token: the issuer, the subject and the role in {@code groups}. For trying the API
 * locally and for tests; production tokens come from the OIDC provider.
 */
public final class LocalTokens {
    private final LocalSigningKey key;
    private final String issuer;
    private final String keyId;
    private final String audience;

    public LocalTokens(LocalSigningKey key, String issuer) {
        this(key, issuer, null);
    }

    /** Tokens whose header names the key ({@code kid}), as providers that publish a JWKS do. */
    public LocalTokens(LocalSigningKey key, String issuer, String keyId) {
        this(key, issuer, keyId, null);
    }

    /** As a provider's tokens for one of its clients, with {@code aud} (null for none). */
    public LocalTokens(LocalSigningKey key, String issuer, String keyId, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.keyId = keyId;
        this.audience = audience;
    }

    /**
     * A token issued at {@code issuedAt}: now by the caller's clock (the service's and the tests'
     * must agree, or a token looks issued in the future), or a past instant for an expired one.
     */
    public String sign(String role, String subject, Instant issuedAt, Duration lifetime) {
        long iat = issuedAt.getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"" + (keyId == null ? "" : ",\"kid\":" + json(keyId)) + "}";
        String claims = "{\"iss\":" + json(issuer) + (audience == null ? "" : ",\"aud\":" + json(audience))
                + ",\"sub\":" + json(subject) + ",\"upn\":" + json(subject)
                + ",\"groups\":[" + json(role) + "],\"iat\":" + iat + ",\"exp\":" + (iat + lifetime.toSeconds())
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token could not be signed", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
