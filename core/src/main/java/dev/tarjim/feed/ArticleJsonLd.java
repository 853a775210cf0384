package dev.tarjim.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;

/**
 * An article page's schema.org {@code NewsArticle} as JSON-LD: headline, language, dates, author, the publisher
 * (the site's name in the page's language and {@code SITE_URL}), the entry's stable id, and for a translation the
 * original it translates ({@code translationOfWork}).
 *
 * <p>A data block, never executed: the pages' policy still allows no script. Every {@code <}, {@code >} and
 * {@code &} is written as a JSON escape, so no text of an upload can close the element it sits in.
 */
final class ArticleJsonLd {
    private ArticleJsonLd() {
    }

    /** The JSON-LD of an article page, ready to sit in a {@code <script type="application/ld+json">}. */
    static String of(StoredArticle article, SiteLinks links) {
        String language = article.language();
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("@context", "https://schema.org");
        n.put("@type", "NewsArticle");
        String url = links.articleUrl(article.id(), language);
        n.put("@id", url);
        n.put("url", url);
        n.put("identifier", article.entryId());
        n.put("headline", EntryHtml.title(article));
        n.put("inLanguage", language);
        if (article.published() != null) {
            n.put("datePublished", article.published().toString());
        }
        if (article.updated() != null) {
            n.put("dateModified", article.updated().toString());
        }
        String summary = EntryHtml.summary(article);
        if (!summary.isEmpty()) {
            n.put("description", summary);
        }
        String author = EntryHtml.author(article);
        if (!author.isEmpty()) {
            n.putObject("author").put("@type", "Person").put("name", author);
        }
        ObjectNode publisher = n.putObject("publisher").put("@type", "Organization")
                .put("name", links.settings().siteTitle(language));
        if (links.settings().publisherUrl() != null) {
            publisher.put("url", links.settings().publisherUrl());
        }
        ArticleImages.lead(article).ifPresent(lead -> n.put("image", ArticleImages.asciiUrl(lead.src())));
        if (!article.isOriginal()) {
            n.putObject("translationOfWork").put("@id", links.articleUrl(article.id(), article.sourceLanguage()));
        }
        try {
            return Json.mapper().writeValueAsString(n)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson could not write JSON-LD", e);
        }
    }
}
