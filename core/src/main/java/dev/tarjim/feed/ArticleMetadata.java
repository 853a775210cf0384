package dev.tarjim.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarjim.article.Block;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;

/**
 * What an article page tells search engines and link previews, in its {@code <head>}: OpenGraph ({@code og:*},
 * {@code article:*}) and one schema.org {@code NewsArticle} in JSON-LD that ties the translations together:
 * {@code translationOfWork} on a translation names the original, {@code workTranslation} on the original lists the
 * translations, and {@code translator} names the engine or the reviewing editor. Google's article structured data
 * documentation and schema.org decide the fields.
 */
final class ArticleMetadata {
    /** OpenGraph locales are {@code language_TERRITORY}; where the tag names no territory, the usual one. */
    private static final Map<String, String> OG_TERRITORY = Map.ofEntries(
            Map.entry("ar", "AR"), Map.entry("en", "US"), Map.entry("es", "ES"), Map.entry("zh", "CN"),
            Map.entry("fr", "FR"), Map.entry("ca", "ES"), Map.entry("de", "DE"), Map.entry("ru", "RU"),
            Map.entry("pt", "PT"), Map.entry("it", "IT"), Map.entry("ja", "JP"), Map.entry("ko", "KR"),
            Map.entry("tr", "TR"), Map.entry("fa", "IR"), Map.entry("ur", "PK"), Map.entry("he", "IL"));

    private ArticleMetadata() {
    }

    /**
     * Adds OpenGraph and the JSON-LD to a page's head.
     *
     * @param languages every language the article is live in (its own included or not)
     */
    static void addTo(Element head, StoredArticle article, List<String> languages, SiteLinks links) {
        String url = links.articleUrl(article.id(), article.language());
        String title = EntryHtml.title(article);
        String description = EntryHtml.summary(article);
        meta(head, "og:type", "article");
        meta(head, "og:site_name", links.settings().siteTitle(article.language()));
        meta(head, "og:title", title);
        if (!description.isEmpty()) {
            meta(head, "og:description", description);
            head.appendElement("meta").attr("name", "description").attr("content", description);
        }
        meta(head, "og:url", url);
        meta(head, "og:locale", ogLocale(article.language()));
        for (String other : languages) {
            if (!other.equals(article.language())) {
                meta(head, "og:locale:alternate", ogLocale(other));
            }
        }
        ArticleImages.lead(article).ifPresent(image -> {
            meta(head, "og:image", image.src());
            if (image.width() != null && image.width() > 0 && image.height() != null && image.height() > 0) {
                meta(head, "og:image:width", Integer.toString(image.width()));
                meta(head, "og:image:height", Integer.toString(image.height()));
            }
            if (!image.alt().isEmpty()) {
                meta(head, "og:image:alt", image.alt());
            }
        });
        meta(head, "article:published_time", PageRenderer.machineTime(article.published()));
        meta(head, "article:modified_time", PageRenderer.machineTime(article.updated()));
        for (String tag : article.tags()) {
            meta(head, "article:tag", tag);
        }
        head.appendElement("script").attr("type", "application/ld+json")
                .appendChild(new DataNode(jsonLd(article, languages, links)));
    }

    /** The article's {@code NewsArticle}, safe inside a {@code script} element ({@code <>&} escaped). */
    static String jsonLd(StoredArticle article, List<String> languages, SiteLinks links) {
        ObjectNode ld = Json.mapper().createObjectNode();
        ld.put("@context", "https://schema.org");
        String url = links.articleUrl(article.id(), article.language());
        work(ld, article.id(), article.language(), links);
        // The entry's stable id, the same in every feed and in ninjs (minted once, see SiteBranding).
        ld.put("identifier", article.entryId());
        ld.put("mainEntityOfPage", url);
        ld.put("headline", EntryHtml.title(article));
        String description = EntryHtml.summary(article);
        if (!description.isEmpty()) {
            ld.put("description", description);
        }
        ld.put("datePublished", PageRenderer.machineTime(article.published()));
        ld.put("dateModified", PageRenderer.machineTime(article.updated()));
        List<Block.Figure> images = ArticleImages.all(article);
        if (!images.isEmpty()) {
            ArrayNode list = ld.putArray("image");
            images.forEach(i -> list.add(ArticleImages.asciiUrl(i.src())));
        }
        ObjectNode publisher = Json.mapper().createObjectNode();
        publisher.put("@type", "Organization");
        publisher.put("name", links.settings().siteTitle(article.language()));
        publisher.put("url", links.settings().publisherUrl() != null ? links.settings().publisherUrl()
                : links.indexUrl());
        String author = EntryHtml.author(article);
        if (!author.isEmpty()) {
            ObjectNode person = ld.putArray("author").addObject();
            person.put("@type", "Person");
            person.put("name", author);
        } else {
            ld.putArray("author").add(publisher.deepCopy());
        }
        ld.set("publisher", publisher);
        String source = article.sourceLanguage();
        if (!article.language().equals(source)) {
            work(ld.putObject("translationOfWork"), article.id(), source, links);
            ObjectNode translator = ld.putObject("translator");
            if (article.review() != null && article.review().reviewer() != null
                    && !article.review().reviewer().isBlank()) {
                translator.put("@type", "Person");
                translator.put("name", article.review().reviewer().strip());
            } else {
                translator.put("@type", "Organization");
                translator.put("name", article.engine() == null || article.engine().isBlank()
                        ? "machine translation" : article.engine().strip());
            }
        } else {
            List<String> translations = languages.stream().filter(l -> !l.equals(source)).toList();
            if (!translations.isEmpty()) {
                ArrayNode list = ld.putArray("workTranslation");
                translations.forEach(l -> work(list.addObject(), article.id(), l, links));
            }
        }
        try {
            return Json.mapper().writeValueAsString(ld)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reference to the article in one language: its type, id (the page URL with {@code #article}), URL, language. */
    private static void work(ObjectNode node, String id, String language, SiteLinks links) {
        String url = links.articleUrl(id, language);
        node.put("@type", "NewsArticle");
        node.put("@id", url + "#article");
        node.put("url", url);
        node.put("inLanguage", language);
    }

    static String ogLocale(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag);
        String territory = !locale.getCountry().isEmpty() ? locale.getCountry()
                : OG_TERRITORY.get(locale.getLanguage());
        return territory == null ? locale.getLanguage() : locale.getLanguage() + "_" + territory;
    }

    private static void meta(Element head, String property, String content) {
        head.appendElement("meta").attr("property", property).attr("content", content);
    }
}
