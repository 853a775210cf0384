package dev.tarjim.feed;

import dev.tarjim.article.StoredArticle;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * Renders the HTML5 pages: an article in one language ({@code /articles/{id}/{lang}}) and the index ({@code /}).
 *
 * <p>Pages are built with jsoup's element API, whose {@code text} and {@code attr} escape: text from an upload
 * never becomes markup. Thread-safe; build one per configuration and reuse it.
 */
public final class PageRenderer {

    /** Small, readable, and direction-aware: logical properties follow {@code dir}. */
    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.65;max-width:42rem;"
                    + "margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}",
            ":lang(ar),:lang(fa),:lang(ur){font-family:'Noto Naskh Arabic','Noto Sans Arabic',Amiri,serif;"
                    + "font-size:1.08em;line-height:1.9}",
            // Text of another script inside an Arabic page (a column, a byline) keeps its own face and size.
            ":lang(ar) [lang]:not(:lang(ar)):not(:lang(fa)):not(:lang(ur)){font-family:system-ui,-apple-system,"
                    + "'Segoe UI',sans-serif;font-size:.926em;line-height:1.65}",
            "h1{line-height:1.3}",
            "a{color:#0b57d0}",
            ".byline{color:#555;font-size:.95rem}",
            ".tarjim-mt-note{background:#fff8e1;border-inline-start:4px solid #e0a800;padding:.5rem .75rem;"
                    + "font-size:.95rem}",
            "nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem}",
            ".languages li{margin-block:.75rem}",
            ".feeds a{margin-inline-end:1rem}",
            "img{max-width:100%;height:auto}",
            "figure{margin:1.5rem 0}",
            "figcaption{color:#555;font-size:.9rem;margin-top:.35rem}",
            // A credit's script need not be the page's: isolated, and laid out by its own first strong character.
            ".credit{color:#777;font-size:inherit;unicode-bidi:plaintext}",
            "blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:4px solid #ccc;color:#333}",
            "figure.quote figcaption{padding-inline-start:1.25rem}",
            // Code reads left to right inside Arabic text; each line of a pre takes the direction of its own text.
            "code{unicode-bidi:isolate;direction:ltr}",
            "pre{unicode-bidi:plaintext;overflow-x:auto;background:#f6f8fa;padding:.75rem}",
            "table{border-collapse:collapse;margin:1rem 0}",
            "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:start}",
            ".front{list-style:none;padding:0}",
            ".front>li{border-block-end:1px solid #e5e5e5;padding-block:1rem;overflow:hidden}",
            ".front h2{margin:.25rem 0;font-size:1.25rem}",
            ".front img{float:inline-end;max-width:9rem;margin-inline-start:1rem}",
            // The bilingual view: two columns, each in its own direction; one column on narrow screens.
            "body.beside-page{max-width:76rem}",
            ".beside h1{font-size:1.6rem}",
            ".beside .row{display:grid;grid-template-columns:1fr 1fr;gap:0 2rem}",
            ".shared-figure figure{margin-block-end:0}",
            ".caption{color:#555;font-size:.9rem;margin-top:.35rem}",
            "@media (max-width:48rem){.beside .row{grid-template-columns:1fr}.beside .row>.column+.column"
                    + "{border-block-start:1px dashed #ccc}}");

    /**
     * The pages' Content-Security-Policy: nothing by default, no script at all, the one stylesheet above by its hash,
     * images from the web (article photos are hosted elsewhere), no forms, no framing, no {@code <base>}.
     */
    private static final String CSP = "default-src 'none'; style-src 'sha256-"
            + java.util.Base64.getEncoder().encodeToString(dev.tarjim.support.Hashes.sha256(
                    CSS.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            + "'; img-src https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final DateTimeFormatter MACHINE_TIME = DateTimeFormatter.ISO_INSTANT;

    /**
     * An instant as pages write it ({@code datetime}, JSON-LD, OpenGraph): ISO 8601 in UTC, to the second. HTML's
     * {@code datetime} allows at most three digits of a second's fraction; stored times have nine.
     */
    static String machineTime(Instant instant) {
        return MACHINE_TIME.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private final SiteLinks links;
    private final EntryHtml html;

    /** A renderer for the site these settings describe. */
    public PageRenderer(FeedSettings settings) {
        this.links = new SiteLinks(settings);
        this.html = new EntryHtml(links);
    }

    /** The Content-Security-Policy every page this renderer writes is served with. */
    public static String contentSecurityPolicy() {
        return CSP;
    }

    /**
     * The article page: {@code <html lang dir>}, title, alternates ({@code hreflang}) for each translation,
     * byline, {@code <time datetime>}, a visible note when machine-translated (engine named, original linked),
     * the lead image when the body does not show it, the body as semantic HTML ({@code h2}, lists, quotes,
     * figures with captions, tables), and links to the translations. No script and no {@code style} attribute:
     * the page's one stylesheet is in one {@code style} element.
     *
     * @param entry the article in the page's language and the other languages it is live in
     */
    public String article(FeedEntry entry) {
        StoredArticle article = entry.article();
        String language = article.language();
        String title = EntryHtml.title(article);
        Document document = shell(language, title + " — " + links.settings().siteTitle(language));
        Element head = document.head();
        head.appendElement("link").attr("rel", "canonical").attr("href", links.articleUrl(article.id(), language));
        head.appendElement("link").attr("rel", "alternate").attr("hreflang", language)
                .attr("href", links.articleUrl(article.id(), language));
        for (String other : entry.alternateLanguages()) {
            head.appendElement("link").attr("rel", "alternate").attr("hreflang", other)
                    .attr("href", links.articleUrl(article.id(), other));
        }
        if (language.equals(article.sourceLanguage())
                || entry.alternateLanguages().contains(article.sourceLanguage())) {
            // For readers of none of these languages: the original.
            head.appendElement("link").attr("rel", "alternate").attr("hreflang", "x-default")
                    .attr("href", links.articleUrl(article.id(), article.sourceLanguage()));
        }
        for (FeedFormat format : FeedFormat.values()) {
            feedLink(head, language, format);
        }
        ArticleMetadata.addTo(head, article, entry.alternateLanguages(), links);

        Element body = document.body();
        body.appendElement("header").appendElement("a").attr("href", links.indexUrl())
                .text(links.settings().siteTitle(language));
        Element main = body.appendElement("main").appendElement("article");
        main.appendElement("h1").text(title);

        Element byline = main.appendElement("p").addClass("byline");
        String author = EntryHtml.author(article);
        if (!author.isEmpty()) {
            // A byline may be in another script than the page (a Latin name on an Arabic page): dir=auto isolates it.
            byline.appendElement("span").addClass("author").attr("dir", "auto").text(author);
            byline.appendText(" · ");
        }
        appendTime(byline, article.published(), language);

        // Parsed back from the one body renderer's output, whose every text and attribute is already escaped.
        main.append(html.noteHtml(article) + EntryHtml.correctionsHtml(article));
        if (EntryHtml.hasNote(article) && entry.alternateLanguages().contains(article.sourceLanguage())) {
            main.appendElement("p").addClass("beside-link").appendElement("a")
                    .attr("href", links.articleUrl(article.id(), language) + "?beside=" + article.sourceLanguage())
                    .text("Read beside the original (" + Languages.nativeName(article.sourceLanguage()) + ")");
        }
        main.append(EntryHtml.bodyHtml(article));
        ArticleImages.lead(article).ifPresent(lead -> {
            // The lead photo is the first thing a reader sees: loading it lazily would only delay it.
            Element first = main.selectFirst("figure > img");
            if (first != null && first.attr("src").equals(lead.src())) {
                first.removeAttr("loading");
            }
        });

        if (!entry.alternateLanguages().isEmpty()) {
            Element list = body.appendElement("nav").addClass("translations").attr("aria-label", "Translations")
                    .appendElement("ul");
            for (String other : entry.alternateLanguages()) {
                list.appendElement("li").appendElement("a")
                        .attr("href", links.articleUrl(article.id(), other))
                        .attr("hreflang", other).attr("lang", other).attr("dir", Languages.direction(other))
                        .text(Languages.nativeName(other));
            }
        }
        return document.outerHtml();
    }

    /**
     * The index page: every language with content and its three feeds, plus autodiscovery
     * {@code <link rel="alternate" type="application/rss+xml|application/atom+xml|application/feed+json">}.
     *
     * @param languages the languages that have content (BCP 47), in display order
     */
    public String index(List<String> languages) {
        String site = links.settings().siteTitle();
        Document document = shell("en", site);
        Element head = document.head();
        for (String language : languages) {
            for (FeedFormat format : FeedFormat.values()) {
                feedLink(head, language, format);
            }
        }
        Element body = document.body();
        body.appendElement("h1").text(site);
        body.appendElement("p").text("News in every language we publish: read the feeds in any reader.");
        Element list = body.appendElement("ul").addClass("languages");
        for (String language : languages) {
            Element item = list.appendElement("li").attr("id", "lang-" + language);
            item.appendElement("a").attr("href", links.frontPageUrl(language)).attr("hreflang", language)
                    .appendElement("strong").attr("lang", language).attr("dir", Languages.direction(language))
                    .text(Languages.nativeName(language));
            if (!Languages.englishName(language).equals(Languages.nativeName(language))) {
                item.appendText(" (" + Languages.englishName(language) + ")");
            }
            Element feeds = item.appendElement("div").addClass("feeds");
            for (FeedFormat format : FeedFormat.values()) {
                feeds.appendElement("a").attr("href", links.feedUrl(language, format))
                        .attr("type", format.mediaType()).text(format.label());
            }
        }
        return document.outerHtml();
    }

    /** An empty page: doctype, {@code lang} and {@code dir}, charset, viewport, title and the one stylesheet. */
    static Document shell(String language, String title) {
        Document document = Document.createShell("");
        document.outputSettings().prettyPrint(true).indentAmount(1);
        document.prependChild(new DocumentType("html", "", ""));
        Element root = document.head().parent();
        root.attr("lang", language).attr("dir", Languages.direction(language));
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
        return document;
    }

    private void feedLink(Element head, String language, FeedFormat format) {
        feedLink(links, head, language, format);
    }

    /** Feed autodiscovery: a {@code <link rel="alternate">} to one of a language's feeds. */
    static void feedLink(SiteLinks links, Element head, String language, FeedFormat format) {
        head.appendElement("link").attr("rel", "alternate").attr("type", format.mediaType())
                .attr("hreflang", language)
                .attr("title", XmlFeeds.feedTitle(links, language) + " (" + format.label() + ")")
                .attr("href", links.feedUrl(language, format));
    }

    private static void appendTime(Element parent, Instant instant, String language) {
        if (instant == null) {
            return;
        }
        DateTimeFormatter human = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language)).withZone(ZoneOffset.UTC);
        parent.appendElement("time").attr("datetime", machineTime(instant)).text(human.format(instant));
    }
}
