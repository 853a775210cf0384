package dev.tarjim.feed;

import dev.tarjim.article.ArticleListing;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Verifier;

/**
 * What search engines read: {@code robots.txt}, the sitemap index, per language a Google News sitemap and article
 * sitemaps (one per UTC month) whose entries name every live translation with {@code xhtml:link} alternates.
 *
 * <p>Layout: {@code /robots.txt}, {@code /sitemap.xml} (a sitemaps.org index), {@code /sitemaps/<lang>/news.xml}
 * (articles of the last {@link #NEWS_WINDOW}, at most {@link #MAX_NEWS_URLS}) and
 * {@code /sitemaps/<lang>/<yyyy-mm>.xml} (the articles first published in that month, at most {@link #MAX_URLS}).
 * A month's URL never changes, so search engines re-read only the sitemaps whose {@code lastmod} moved. Pure: the
 * caller reads the listings; this only writes XML (escaped by JDOM; datetimes in W3C/ISO-8601 UTC).
 */
public final class Sitemaps {

    /** The sitemaps.org namespace of url sets and indexes. */
    public static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    /** Google's News sitemap extension. */
    public static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** XHTML, whose {@code link} element carries the hreflang alternates. */
    public static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    /** The protocol's limit of URLs in one sitemap (and of sitemaps in one index). */
    public static final int MAX_URLS = 50_000;
    /** Google News reads at most this many URLs from one News sitemap. */
    public static final int MAX_NEWS_URLS = 1_000;
    /** Google News lists articles of the last two days only. */
    public static final Duration NEWS_WINDOW = Duration.ofHours(48);

    private static final Namespace SM = Namespace.getNamespace(SITEMAP_NS);
    private static final Namespace NEWS = Namespace.getNamespace("news", NEWS_NS);
    private static final Namespace XHTML = Namespace.getNamespace("xhtml", XHTML_NS);

    private final SiteLinks links;
    private final Function<String, String> publicationName;

    /**
     * @param links           the site's URLs
     * @param publicationName the publication's name in a language (Google News matches it against the name on the
     *                        articles)
     */
    public Sitemaps(SiteLinks links, Function<String, String> publicationName) {
        this.links = links;
        this.publicationName = publicationName;
    }

    /** One entry of the sitemap index: a sitemap's URL and, when known, when its content last changed. */
    public record Entry(String url, Instant lastModified) {
    }

    /** {@code <base>/robots.txt}. */
    public String robotsUrl() {
        return links.settings().baseUrl() + "/robots.txt";
    }

    /** {@code <base>/sitemap.xml}, the index. */
    public String indexUrl() {
        return links.settings().baseUrl() + "/sitemap.xml";
    }

    /** A language's News sitemap. */
    public String newsUrl(String language) {
        return links.settings().baseUrl() + "/sitemaps/" + SiteLinks.segment(language) + "/news.xml";
    }

    /** A language's sitemap of the articles first published in one UTC month. */
    public String monthUrl(String language, YearMonth month) {
        return links.settings().baseUrl() + "/sitemaps/" + SiteLinks.segment(language) + "/" + month + ".xml";
    }

    /**
     * The robots.txt: everything may be crawled but the editors' and partners' routes (which answer 401 and 403
     * anyway), and the sitemap index is named.
     */
    public String robots() {
        return "User-agent: *\n"
                + "Disallow: /editor/\n"
                + "Disallow: /syndication/\n"
                + "Disallow: /articles/*/status\n"
                + "Allow: /\n"
                + "\n"
                + "Sitemap: " + indexUrl() + "\n";
    }

    /** The sitemap index; at most {@link #MAX_URLS} entries are written. */
    public String index(List<Entry> sitemaps) {
        Element root = new Element("sitemapindex", SM);
        for (Entry e : sitemaps.subList(0, Math.min(MAX_URLS, sitemaps.size()))) {
            Element sitemap = new Element("sitemap", SM).addContent(text("loc", SM, e.url()));
            if (e.lastModified() != null) {
                sitemap.addContent(text("lastmod", SM, w3c(e.lastModified())));
            }
            root.addContent(sitemap);
        }
        return XmlFeeds.write(new Document(root));
    }

    /**
     * A language's Google News sitemap: the articles published at or after {@code since}, newest first, at most
     * {@link #MAX_NEWS_URLS}, each with the publication's name and language, its publication time and title.
     */
    public String news(String language, List<ArticleListing> articles, Instant since) {
        Element root = new Element("urlset", SM);
        root.addNamespaceDeclaration(NEWS);
        String name = publicationName.apply(language);
        String newsLanguage = newsLanguage(language);
        articles.stream().filter(a -> !a.published().isBefore(since))
                .sorted(Comparator.comparing(ArticleListing::published).reversed())
                .limit(MAX_NEWS_URLS)
                .forEach(a -> root.addContent(new Element("url", SM)
                        .addContent(text("loc", SM, links.articleUrl(a.id(), a.language())))
                        .addContent(new Element("news", NEWS)
                                .addContent(new Element("publication", NEWS)
                                        .addContent(text("name", NEWS, name))
                                        .addContent(text("language", NEWS, newsLanguage)))
                                .addContent(text("publication_date", NEWS, w3c(a.published())))
                                .addContent(text("title", NEWS, a.title())))));
        return XmlFeeds.write(new Document(root));
    }

    /**
     * An article sitemap: each article's page with its last change and, when it is live in more than one language,
     * an {@code xhtml:link rel="alternate"} for every live language (its own included, as Google requires) and
     * {@code x-default} to the original's page while the original is live. At most {@link #MAX_URLS} entries.
     *
     * @param liveLanguages per article id, the languages it is live in (a missing id: only the listed language)
     */
    public String articles(List<ArticleListing> articles, Map<String, List<String>> liveLanguages) {
        Element root = new Element("urlset", SM);
        root.addNamespaceDeclaration(XHTML);
        for (ArticleListing a : articles.subList(0, Math.min(MAX_URLS, articles.size()))) {
            Element url = new Element("url", SM)
                    .addContent(text("loc", SM, links.articleUrl(a.id(), a.language())))
                    .addContent(text("lastmod", SM, w3c(a.updated())));
            TreeSet<String> languages = new TreeSet<>(liveLanguages.getOrDefault(a.id(), List.of()));
            languages.add(a.language());
            if (languages.size() > 1) {
                for (String lang : languages) {
                    url.addContent(alternate(lang, links.articleUrl(a.id(), lang)));
                }
                if (languages.contains(a.sourceLanguage())) {
                    url.addContent(alternate("x-default", links.articleUrl(a.id(), a.sourceLanguage())));
                }
            }
            root.addContent(url);
        }
        return XmlFeeds.write(new Document(root));
    }

    /**
     * The language as Google News names it: the ISO 639 code (the BCP 47 tag's primary subtag), except Chinese,
     * which must be {@code zh-cn} (Simplified) or {@code zh-tw} (Traditional: {@code zh-Hant}, Taiwan, Hong Kong,
     * Macao).
     */
    public static String newsLanguage(String language) {
        List<String> subtags = new ArrayList<>(List.of(language.toLowerCase(Locale.ROOT).split("[-_]")));
        String primary = subtags.get(0);
        if (!primary.equals("zh")) {
            return primary;
        }
        if (subtags.contains("hant") || subtags.contains("tw") || subtags.contains("hk") || subtags.contains("mo")) {
            return "zh-tw";
        }
        return "zh-cn";
    }

    /** A W3C datetime (ISO-8601 UTC, whole seconds), as sitemaps and Google News read them. */
    static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Element alternate(String hreflang, String href) {
        return new Element("link", XHTML).setAttribute("rel", "alternate").setAttribute("hreflang", hreflang)
                .setAttribute("href", href);
    }

    /** A text element; characters XML cannot carry (controls a title might hold) are left out, never an error. */
    private static Element text(String name, Namespace ns, String value) {
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().filter(Verifier::isXMLCharacter).forEach(clean::appendCodePoint);
        return new Element(name, ns).setText(clean.toString());
    }
}
