package dev.tarjim.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as extracted from one upload, before it is stored: the editor's words, boilerplate removed.
 *
 * @param format           which parser read it: {@code text}, {@code markdown}, {@code html} or {@code ninjs}
 * @param title            the headline (never the site's name)
 * @param summary          a short summary: the declared one, else the first paragraph (shortened)
 * @param paragraphs       the body, one plain-text paragraph per element, in order, never empty
 * @param author           the byline, or {@code null}
 * @param tags             subject tags, possibly empty
 * @param published        the declared publication time, or {@code null} (the store then uses the upload time)
 * @param declaredLanguage the BCP 47 language the upload declares, or {@code null} (then it is detected)
 * @param slug             a declared slug, or {@code null}
 * @param targets          per-article target languages (BCP 47), or {@code null} for the configured default
 */
public record ParsedArticle(
        String format,
        String title,
        String summary,
        List<String> paragraphs,
        String author,
        List<String> tags,
        Instant published,
        String declaredLanguage,
        String slug,
        List<String> targets) {

    public ParsedArticle {
        paragraphs = List.copyOf(paragraphs);
        tags = tags == null ? List.of() : List.copyOf(tags);
        targets = targets == null ? null : List.copyOf(targets);
    }
}
