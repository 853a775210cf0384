package dev.tarjim.article;

import java.time.Instant;
import java.util.Objects;

/**
 * A dated correction note an editor attached to one revision of an article ({@code correction:} on a re-upload).
 *
 * @param at       when the corrected revision was stored
 * @param revision the revision that carries the correction
 * @param text     the note, in the language of the article it belongs to
 */
public record Correction(Instant at, long revision, String text) {

    public Correction {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
