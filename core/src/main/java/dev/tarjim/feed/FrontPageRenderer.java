package dev.tarjim.feed;

import dev.tarjim.article.Block;
import dev.tarjim.article.StoredArticle;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Renders a language's front page ({@code /{lang}/}): its newest articles (headline, date, lead image, summary and
 * whether it is a machine or a reviewed translation, and of which language), paged like the feeds, with
 * {@code hreflang} alternates to the other languages' front pages and feed autodiscovery.
 *
 * <p>The page's few words of its own come from {@link #phrases}: in the page's language where known, else English.
 * A language name inside a sentence of the other direction is isolated ({@code <bdi>}), so punctuation stays put.
 */
public final class FrontPageRenderer {
    /** The page's own words: latest, older, machine translation from, reviewed translation from. */
    private record Phrases(String latest, String older, String machine, String reviewed) {
    }

    private static final Phrases ENGLISH = new Phrases("Latest news", "Older articles",
            "Machine translation from %s", "Reviewed translation from %s");

    private static final Map<String, Phrases> PHRASES = Map.of(
            "en", ENGLISH,
            "ar", new Phrases("آخر الأخبار", "مقالات أقدم", "ترجمة آلية من %s", "ترجمة مراجَعة من %s"),
            "es", new Phrases("Últimas noticias", "Artículos anteriores", "Traducción automática del %s",
                    "Traducción revisada del %s"),
            "ca", new Phrases("Darreres notícies", "Articles anteriors", "Traducció automàtica del %s",
                    "Traducció revisada del %s"),
            "fr", new Phrases("Dernières nouvelles", "Articles précédents", "Traduction automatique ; original en %s",
                    "Traduction relue ; original en %s"),
            "zh", new Phrases("最新新闻", "更早的文章", "机器翻译自%s", "经审校的译文，译自%s"));

    private final SiteLinks links;

    public FrontPageRenderer(FeedSettings settings) {
        this.links = new SiteLinks(settings);
    }

    /** The front page's URL, {@code <base>/<lang>/}, or an older page of it. */
    public String url(String language, String pageToken) {
        String first = links.frontPageUrl(language);
        return pageToken == null ? first : first + "?" + SiteLinks.PAGE_PARAMETER + "="
                + java.net.URLEncoder.encode(pageToken, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * @param page      the articles of this page (newest first), each with the languages it is live in
     * @param languages every language with content (for the alternates)
     */
    public String render(FeedPage page, List<String> languages) {
        String language = page.language();
        Phrases words = phrases(language);
        String site = links.settings().siteTitle(language);
        Document document = PageRenderer.shell(language, words.latest() + " — " + site);
        Element head = document.head();
        head.appendElement("link").attr("rel", "canonical").attr("href", url(language, page.pageToken()));
        if (page.isFirstPage()) {
            for (String other : languages) {
                head.appendElement("link").attr("rel", "alternate").attr("hreflang", other)
                        .attr("href", url(other, null));
            }
        }
        for (FeedFormat format : FeedFormat.values()) {
            PageRenderer.feedLink(links, head, language, format);
        }
        if (page.nextPageToken() != null) {
            head.appendElement("link").attr("rel", "next").attr("href", url(language, page.nextPageToken()));
        }

        Element body = document.body();
        body.appendElement("header").appendElement("a").attr("href", links.indexUrl()).text(site);
        Element main = body.appendElement("main");
        main.appendElement("h1").text(words.latest());
        Element list = main.appendElement("ol").addClass("front");
        for (FeedEntry entry : page.entries()) {
            item(list.appendElement("li"), entry.article(), words);
        }
        if (page.nextPageToken() != null) {
            main.appendElement("p").appendElement("a").attr("rel", "next")
                    .attr("href", url(language, page.nextPageToken())).text(words.older());
        }
        Element nav = body.appendElement("nav").addClass("translations").attr("aria-label", "Languages")
                .appendElement("ul");
        for (String other : languages) {
            if (!other.equals(language)) {
                nav.appendElement("li").appendElement("a").attr("href", url(other, null)).attr("hreflang", other)
                        .attr("lang", other).attr("dir", Languages.direction(other))
                        .text(Languages.nativeName(other));
            }
        }
        return document.outerHtml();
    }

    private void item(Element li, StoredArticle article, Phrases words) {
        String language = article.language();
        Element card = li.appendElement("article");
        ArticleImages.lead(article).ifPresent(lead -> image(card, lead));
        card.appendElement("h2").appendElement("a").attr("href", links.articleUrl(article.id(), language))
                .text(EntryHtml.title(article));
        Element meta = card.appendElement("p").addClass("byline");
        DateTimeFormatter human = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language)).withZone(ZoneOffset.UTC);
        meta.appendElement("time").attr("datetime", PageRenderer.machineTime(article.published()))
                .text(human.format(article.published()));
        if (EntryHtml.hasNote(article)) {
            String source = article.sourceLanguage();
            String phrase = article.review() != null ? words.reviewed() : words.machine();
            int at = phrase.indexOf("%s");
            meta.appendText(" · " + phrase.substring(0, at));
            // The source's name in the page's language, isolated: an English name inside Arabic text (or the
            // reverse) keeps its punctuation where it belongs.
            meta.appendElement("bdi").text(nameIn(source, language));
            meta.appendText(phrase.substring(at + 2));
        }
        String summary = EntryHtml.summary(article);
        if (!summary.isEmpty()) {
            card.appendElement("p").addClass("summary").text(summary);
        }
    }

    private static void image(Element card, Block.Figure lead) {
        Element img = card.appendElement("img").attr("src", lead.src()).attr("alt", lead.alt())
                .attr("loading", "lazy").attr("decoding", "async");
        if (lead.width() != null && lead.width() > 0 && lead.height() != null && lead.height() > 0) {
            img.attr("width", Integer.toString(lead.width())).attr("height", Integer.toString(lead.height()));
        }
    }

    private static Phrases phrases(String language) {
        return PHRASES.getOrDefault(Locale.forLanguageTag(language).getLanguage(), ENGLISH);
    }

    /** A language's name in another language ({@code الإنجليزية} for {@code en} on an Arabic page). */
    static String nameIn(String languageTag, String pageLanguage) {
        Locale in = Locale.forLanguageTag(pageLanguage);
        String name = Locale.forLanguageTag(languageTag).getDisplayLanguage(in);
        if (name.isEmpty() || name.equalsIgnoreCase(languageTag)) {
            return Languages.englishName(languageTag);
        }
        return PHRASES.containsKey(in.getLanguage()) ? name : Languages.englishName(languageTag);
    }
}
