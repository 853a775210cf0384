package dev.tarjim.feed;

import dev.tarjim.article.Texts;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tarjim.article.StoredArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a feed page as JSON Feed 1.1 with Jackson: {@code content_html} and {@code content_text} (the same body,
 * as HTML and as plain text), {@code summary}, the lead image as {@code image}, and a {@code _tarjim} extension on
 * each item: source language, engine, revision, whether it was machine-translated, and the URLs of its
 * translations.
 *
 * <p>Thread-safe; build one per configuration and reuse it (the Jackson writer is built once).
 */
public final class JsonFeedRenderer {

    /** The {@code version} every JSON Feed 1.1 document carries. */
    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectWriter WRITER = JsonMapper.builder().build().writerFor(JsonFeed.class);

    private final SiteLinks links;
    private final EntryHtml html;

    /** A renderer for the site these settings describe. */
    public JsonFeedRenderer(FeedSettings settings) {
        this.links = new SiteLinks(settings);
        this.html = new EntryHtml(links);
    }

    /** The page as a JSON Feed 1.1 document. */
    public String render(FeedPage page) {
        String language = page.language();
        List<JsonItem> items = new ArrayList<>(page.entries().size());
        for (FeedEntry entry : page.entries()) {
            items.add(item(entry));
        }
        JsonFeed feed = new JsonFeed(
                VERSION,
                XmlFeeds.feedTitle(links, language),
                links.indexUrl(),
                links.feedPageUrl(language, FeedFormat.JSON_FEED, page.pageToken()),
                XmlFeeds.feedDescription(links, language),
                language,
                page.nextPageToken() == null ? null
                        : links.feedPageUrl(language, FeedFormat.JSON_FEED, page.nextPageToken()),
                List.of(new Author(links.settings().siteTitle(language), links.settings().publisherUrl())),
                links.settings().hub() == null ? List.of() : List.of(new Hub("WebSub", links.settings().hub())),
                items);
        try {
            return WRITER.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson could not write a JSON Feed", e);
        }
    }

    private JsonItem item(FeedEntry entry) {
        StoredArticle article = entry.article();
        String author = EntryHtml.author(article);
        List<Alternate> alternates = new ArrayList<>(entry.alternateLanguages().size());
        for (String other : entry.alternateLanguages()) {
            alternates.add(new Alternate(other, links.articleUrl(article.id(), other)));
        }
        return new JsonItem(
                article.entryId(),
                links.articleUrl(article.id(), article.language()),
                EntryHtml.title(article),
                html.content(article),
                EntryHtml.text(article),
                EntryHtml.summary(article),
                ArticleImages.lead(article).map(lead -> ArticleImages.asciiUrl(lead.src())).orElse(null),
                rfc3339(article.published()),
                rfc3339(article.updated()),
                author.isEmpty() ? List.of() : List.of(new Author(author, null)),
                EntryHtml.tags(article),
                article.language(),
                new Extension(article.sourceLanguage(), Texts.xmlLine(article.engine()), article.revision(),
                        article.machineTranslated(), alternates));
    }

    private static String rfc3339(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"version", "title", "home_page_url", "feed_url", "description", "language", "next_url",
            "authors", "hubs", "items"})
    record JsonFeed(
            String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            String description,
            String language,
            @JsonProperty("next_url") String nextUrl,
            List<Author> authors,
            List<Hub> hubs,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<JsonItem> items) {
    }

    /** JSON Feed 1.1 {@code hubs}: how a reader subscribes to pushed changes ({@code type} WebSub). */
    record Hub(String type, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "url", "title", "content_html", "content_text", "summary", "image",
            "date_published", "date_modified", "authors", "tags", "language", "_tarjim"})
    record JsonItem(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            @JsonProperty("content_text") String contentText,
            String summary,
            String image,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            List<String> tags,
            String language,
            @JsonProperty("_tarjim") Extension tarjim) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String name, String url) {
    }

    @JsonPropertyOrder({"source_language", "engine", "revision", "machine_translated", "alternates"})
    record Extension(
            @JsonProperty("source_language") String sourceLanguage,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) String engine,
            long revision,
            @JsonProperty("machine_translated") boolean machineTranslated,
            List<Alternate> alternates) {
    }

    record Alternate(String lang, String url) {
    }
}
