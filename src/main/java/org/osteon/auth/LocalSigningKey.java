package org.osteon.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key with which a local installation signs its own tokens. It is created on first use in
 * a directory of the working copy ({@code .osteon/jwt/} by default, ignored by git) and never
 * leaves the machine. One PEM file holds the private key; the public key is derived from it, so
 * that two processes starting at once can never end up with halves of different pairs.
 *
 * <p>Plain JDK on purpose: {@code ./osteon token} runs it without the service's class path.
 */
public final class LocalSigningKey {
    static final String FILE = "signing-key.pem";

    private final RSAPrivateCrtKey privateKey;
    private final PublicKey publicKey;

    private LocalSigningKey(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
        this.privateKey = privateKey;
        this.publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    }

    /** Reads the key from {@code dir}, creating the directory and a new 2048-bit key when there is none. */
    public static LocalSigningKey loadOrCreate(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(dir, file);
            }
            return read(file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("local signing key in " + dir.toAbsolutePath() + " could not be read", e);
        }
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static void create(Path dir, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
        Path tmp = Files.createTempFile(dir, FILE, ".tmp");
        try {
            ownerOnly(tmp);
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            // No REPLACE_EXISTING: when another process was quicker, its key is the one everybody uses.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions are all there is.
        }
    }

    private static LocalSigningKey read(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        return new LocalSigningKey((RSAPrivateCrtKey) key);
    }
}
