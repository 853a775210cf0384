package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.ArticleListing;
import dev.tarjim.emulators.SitemapSchemas;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;

/** The sitemap renderer: its output passes the published schemas, and says what search engines need. */
class SitemapsTest {
    private static final Namespace SM = Namespace.getNamespace(Sitemaps.SITEMAP_NS);
    private static final Namespace NEWS = Namespace.getNamespace(Sitemaps.NEWS_NS);
    private static final Namespace XHTML = Namespace.getNamespace(Sitemaps.XHTML_NS);
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private final Sitemaps sitemaps = new Sitemaps(new SiteLinks(FeedSettings.of("https://news.example")),
            lang -> "Tarjim " + lang);

    private static ArticleListing listing(String id, String lang, String source, String title, Instant published) {
        return new ArticleListing(id, lang, source, title, published, published.plusSeconds(90));
    }

    @Test
    void articles_listEveryLiveTranslation_withXDefaultToTheOriginal_andPassTheSchemas() {
        List<ArticleListing> en = List.of(
                listing("aaaaaaaaaaaaaaaa", "en", "en", "Budget <approved> & \"signed\"", NOW.minusSeconds(3600)),
                listing("bbbbbbbbbbbbbbbb", "en", "ar", "Translated from Arabic", NOW.minusSeconds(7200)),
                listing("cccccccccccccccc", "en", "en", "Alone", NOW.minusSeconds(9000)));
        String xml = sitemaps.articles(en, Map.of("aaaaaaaaaaaaaaaa", List.of("en", "es", "zh-Hant"),
                "bbbbbbbbbbbbbbbb", List.of("en"), "cccccccccccccccc", List.of("en")));

        SitemapSchemas.validateUrlset(xml);
        List<Element> urls = XmlTrees.parse(xml).getRootElement().getChildren("url", SM);
        assertThat(urls).extracting(u -> u.getChildText("loc", SM)).containsExactly(
                "https://news.example/articles/aaaaaaaaaaaaaaaa/en",
                "https://news.example/articles/bbbbbbbbbbbbbbbb/en",
                "https://news.example/articles/cccccccccccccccc/en");
        assertThat(urls.get(0).getChildText("lastmod", SM)).isEqualTo("2026-12-02T07:01:30Z");
        assertThat(alternates(urls.get(0))).containsExactly(
                "en=https://news.example/articles/aaaaaaaaaaaaaaaa/en",
                "es=https://news.example/articles/aaaaaaaaaaaaaaaa/es",
                "zh-Hant=https://news.example/articles/aaaaaaaaaaaaaaaa/zh-Hant",
                "x-default=https://news.example/articles/aaaaaaaaaaaaaaaa/en");
        assertThat(alternates(urls.get(1))).as("the Arabic original is not live: no alternates, no x-default")
                .isEmpty();
        assertThat(alternates(urls.get(2))).isEmpty();
    }

    @Test
    void articles_translationOfALiveOriginal_pointsXDefaultAtTheOriginal() {
        String xml = sitemaps.articles(List.of(listing("dddddddddddddddd", "es", "en", "Hola", NOW)),
                Map.of("dddddddddddddddd", List.of("en", "es")));

        SitemapSchemas.validateUrlset(xml);
        Element url = XmlTrees.parse(xml).getRootElement().getChild("url", SM);
        assertThat(alternates(url)).containsExactly("en=https://news.example/articles/dddddddddddddddd/en",
                "es=https://news.example/articles/dddddddddddddddd/es",
                "x-default=https://news.example/articles/dddddddddddddddd/en");
    }

    @Test
    void news_listsOnlyTheLastTwoDays_newestFirst_withNameLanguageDateAndTitle() {
        Instant since = NOW.minus(Sitemaps.NEWS_WINDOW);
        String xml = sitemaps.news("ar", List.of(
                listing("1111111111111111", "ar", "ar", "خبر قديم", since.minusSeconds(1)),
                listing("2222222222222222", "ar", "ar", "شي وبوتين <يرسلان> & خطابي", since),
                listing("3333333333333333", "ar", "en", "الأحدث", NOW.minusSeconds(60))), since);

        SitemapSchemas.validateUrlset(xml);
        List<Element> urls = XmlTrees.parse(xml).getRootElement().getChildren("url", SM);
        assertThat(urls).extracting(u -> u.getChildText("loc", SM)).containsExactly(
                "https://news.example/articles/3333333333333333/ar",
                "https://news.example/articles/2222222222222222/ar");
        Element news = urls.get(1).getChild("news", NEWS);
        assertThat(news.getChild("publication", NEWS).getChildText("name", NEWS)).isEqualTo("Tarjim ar");
        assertThat(news.getChild("publication", NEWS).getChildText("language", NEWS)).isEqualTo("ar");
        assertThat(news.getChildText("publication_date", NEWS)).isEqualTo("2026-11-30T08:00:00Z");
        assertThat(news.getChildText("title", NEWS)).isEqualTo("شي وبوتين <يرسلان> & خطابي");
    }

    @Test
    void news_holdsAtMostAThousandUrls() {
        List<ArticleListing> many = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            many.add(listing(String.format("%016x", i), "en", "en", "Story " + i, NOW.minusSeconds(i)));
        }
        String xml = sitemaps.news("en", many, NOW.minus(Sitemaps.NEWS_WINDOW));

        SitemapSchemas.validateUrlset(xml);
        List<Element> urls = XmlTrees.parse(xml).getRootElement().getChildren("url", SM);
        assertThat(urls).hasSize(Sitemaps.MAX_NEWS_URLS);
        assertThat(urls.get(0).getChildText("loc", SM)).endsWith("/" + String.format("%016x", 0) + "/en");
    }

    @Test
    void newsLanguage_isTheIsoCode_andChineseIsZhCnOrZhTw() {
        assertThat(Sitemaps.newsLanguage("en")).isEqualTo("en");
        assertThat(Sitemaps.newsLanguage("pt-BR")).isEqualTo("pt");
        assertThat(Sitemaps.newsLanguage("fil")).isEqualTo("fil");
        for (String simplified : List.of("zh", "zh-Hans", "zh-CN", "zh-SG", "zh-Hans-CN")) {
            assertThat(Sitemaps.newsLanguage(simplified)).as(simplified).isEqualTo("zh-cn");
        }
        for (String traditional : List.of("zh-Hant", "zh-TW", "zh-HK", "zh-Hant-HK", "zh-MO")) {
            assertThat(Sitemaps.newsLanguage(traditional)).as(traditional).isEqualTo("zh-tw");
        }
        String xml = sitemaps.news("zh-Hant", List.of(listing("4444444444444444", "zh-Hant", "en", "新聞", NOW)),
                NOW.minusSeconds(60));
        SitemapSchemas.validateUrlset(xml);
        assertThat(xml).contains("<news:language>zh-tw</news:language>");
    }

    @Test
    void index_listsTheSitemaps_withLastmodWhenKnown_andPassesTheIndexSchema() {
        String xml = sitemaps.index(List.of(new Sitemaps.Entry(sitemaps.newsUrl("en"), NOW),
                new Sitemaps.Entry(sitemaps.monthUrl("en", YearMonth.of(2026, 12)), null),
                new Sitemaps.Entry(sitemaps.monthUrl("zh-Hans", YearMonth.of(2025, 1)), null)));

        SitemapSchemas.validateIndex(xml);
        List<Element> entries = XmlTrees.parse(xml).getRootElement().getChildren("sitemap", SM);
        assertThat(entries).extracting(e -> e.getChildText("loc", SM)).containsExactly(
                "https://news.example/sitemaps/en/news.xml", "https://news.example/sitemaps/en/2026-12.xml",
                "https://news.example/sitemaps/zh-Hans/2025-01.xml");
        assertThat(entries.get(0).getChildText("lastmod", SM)).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(entries.get(1).getChild("lastmod", SM)).isNull();
    }

    @Test
    void robots_namesTheIndex_andKeepsCrawlersOutOfEditorAndPartnerRoutes() {
        assertThat(sitemaps.robots().lines()).contains("User-agent: *", "Disallow: /editor/",
                "Disallow: /syndication/", "Sitemap: https://news.example/sitemap.xml");
    }

    @Test
    void controlCharactersInATitle_areLeftOut_andTheSitemapStaysValid() {
        String xml = sitemaps.news("en", List.of(listing("5555555555555555", "en", "en", "Bell\u0007 rings", NOW)),
                NOW.minusSeconds(60));
        SitemapSchemas.validateUrlset(xml);
        assertThat(xml).contains("<news:title>Bell rings</news:title>");
    }

    /** The validator is not a rubber stamp: a News entry without its publication, or a bad hreflang, is refused. */
    @Test
    void schemas_refuseWhatSearchEnginesWouldRefuse() {
        String good = sitemaps.news("en", List.of(listing("6666666666666666", "en", "en", "T", NOW)),
                NOW.minusSeconds(60));
        SitemapSchemas.validateUrlset(good);
        assertThatThrownBy(() -> SitemapSchemas.validateUrlset(good.replaceAll("<news:publication>.*</news:publication>",
                ""))).hasMessageContaining("sitemap-news/0.9\":publication}");
        assertThatThrownBy(() -> SitemapSchemas.validateUrlset(good.replace("<news:language>en<", "<news:language>EN<")))
                .isInstanceOf(IllegalArgumentException.class);
        String alternates = sitemaps.articles(List.of(listing("7777777777777777", "en", "en", "T", NOW)),
                Map.of("7777777777777777", List.of("en", "es")));
        SitemapSchemas.validateUrlset(alternates);
        assertThatThrownBy(() -> SitemapSchemas.validateUrlset(alternates.replace("hreflang=\"es\"",
                "hreflang=\"not a language\""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SitemapSchemas.validateUrlset(alternates.replace("xhtml:link", "xhtml:lnk")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SitemapSchemas.validateIndex(alternates)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> alternates(Element url) {
        return url.getChildren("link", XHTML).stream().peek(l -> assertThat(l.getAttributeValue("rel"))
                .isEqualTo("alternate")).map(l -> l.getAttributeValue("hreflang") + "=" + l.getAttributeValue("href"))
                .collect(Collectors.toList());
    }

}
