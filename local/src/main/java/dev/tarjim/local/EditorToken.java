package dev.tarjim.local;

import dev.tarjim.support.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local editors' credential, standing in for the Cognito user pool of AWS: one random bearer token in
 * {@code <data folder>/editor-token} (mode 0600), created on first start. Editors send
 * {@code Authorization: Bearer <token>}; it is compared in constant time and never logged.
 */
public final class EditorToken {
    private final Path file;
    private volatile byte[] digest;

    private EditorToken(Path file) {
        this.file = file;
        reload();
    }

    /** Reads the token file, first creating it with a new random token when missing. */
    public static EditorToken loadOrCreate(Path file) {
        if (!Files.exists(file)) {
            create(file);
        }
        return new EditorToken(file);
    }

    private static void create(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        SecretFiles.create(file, token + "\n", "editor token");
    }

    /** Re-reads the file (an operator may replace the token); a blank or unreadable file admits no one. */
    public void reload() {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            digest = token.isEmpty() ? null : Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            digest = null;
        }
    }

    /** The token file. */
    public Path file() {
        return file;
    }

    /** Whether an {@code Authorization} header carries the token ({@code Bearer <token>}, scheme case-insensitive). */
    public boolean admits(String authorization) {
        byte[] expected = digest;
        if (expected == null || authorization == null) {
            return false;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = Hashes.sha256(value.substring(7).strip().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(presented, expected);
    }
}
