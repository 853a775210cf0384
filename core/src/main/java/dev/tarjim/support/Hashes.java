package dev.tarjim.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests, the one hash Tarjim uses for content hashes, ids, memory keys and ETags. */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /** The SHA-256 digest of some bytes. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The SHA-256 of some bytes as 64 lowercase hex digits. */
    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256(bytes));
    }

    /** The SHA-256 of a string's UTF-8 bytes as 64 lowercase hex digits. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code bytes} bytes of a string's SHA-256 (UTF-8), as hex digits: a short, stable name. */
    public static String sha256Prefix(String text, int bytes) {
        return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
    }
}
