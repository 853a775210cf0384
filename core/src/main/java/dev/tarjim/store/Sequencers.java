package dev.tarjim.store;

import java.util.Locale;

/**
 * S3 event sequencers, made comparable as plain strings.
 *
 * <p>S3 documents that sequencers of one key compare as hexadecimal strings after left-padding the shorter with
 * zeros. Stored padded to a fixed width, they compare correctly inside DynamoDB condition expressions too.
 */
public final class Sequencers {
    private static final int WIDTH = 40;

    private Sequencers() {
    }

    /** Pads to a fixed width, upper case; rejects anything that is not hexadecimal. */
    public static String normalize(String sequencer) {
        if (sequencer == null || sequencer.isEmpty() || sequencer.length() > WIDTH
                || !sequencer.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not an S3 sequencer: " + sequencer);
        }
        return "0".repeat(WIDTH - sequencer.length()) + sequencer.toUpperCase(Locale.ROOT);
    }
}
