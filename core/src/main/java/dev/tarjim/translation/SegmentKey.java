package dev.tarjim.translation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The translation-memory key of a segment: hex SHA-256 of its normalised form (NFC, trimmed, whitespace runs as
 * one space), so that an editor's stray space or another Unicode composition does not cost a new translation.
 */
public final class SegmentKey {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SegmentKey() {
    }

    /** The key of one segment: 64 lowercase hex digits. */
    public static String of(String segment) {
        String normalised = WHITESPACE.matcher(Normalizer.normalize(segment, Normalizer.Form.NFC).strip())
                .replaceAll(" ");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
