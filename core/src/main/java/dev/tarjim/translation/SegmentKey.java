package dev.tarjim.translation;

import dev.tarjim.support.Hashes;
import java.text.Normalizer;
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
        return Hashes.sha256Hex(normalised);
    }
}
