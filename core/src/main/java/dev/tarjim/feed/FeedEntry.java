package dev.tarjim.feed;

import dev.tarjim.article.StoredArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One article in one language as a feed or page shows it, with the other languages it can be read in.
 *
 * @param article            the stored text in this language
 * @param alternateLanguages the other languages the same article is live in (BCP 47, in the order links should
 *                           appear); the article's own language and repeats are dropped, so the caller may pass
 *                           every language the article exists in
 */
public record FeedEntry(StoredArticle article, List<String> alternateLanguages) {

    public FeedEntry {
        Objects.requireNonNull(article, "article");
        List<String> others = new ArrayList<>();
        if (alternateLanguages != null) {
            for (String language : alternateLanguages) {
                if (language != null && !language.equals(article.language()) && !others.contains(language)) {
                    others.add(language);
                }
            }
        }
        alternateLanguages = List.copyOf(others);
    }

    /** An entry with no translations to link to. */
    public static FeedEntry of(StoredArticle article) {
        return new FeedEntry(article, List.of());
    }
}
