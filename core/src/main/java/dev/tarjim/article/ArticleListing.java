package dev.tarjim.article;

import java.time.Instant;
import java.util.Objects;

/**
 * One live article in one language as listings show it (sitemaps): what names and dates it, never its body.
 *
 * @param id             the article id
 * @param language       the language of this text
 * @param sourceLanguage the language of the original
 * @param title          the title in this language
 * @param published      when the article was first published
 * @param updated        when this text last changed
 */
public record ArticleListing(String id, String language, String sourceLanguage, String title, Instant published,
        Instant updated) {

    public ArticleListing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(sourceLanguage, "sourceLanguage");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(updated, "updated");
    }
}
