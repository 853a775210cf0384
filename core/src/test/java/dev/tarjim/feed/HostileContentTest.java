package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import dev.tarjim.article.StoredArticle;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An upload written to break out of every format renders as harmless text in all of them. */
class HostileContentTest {

    private static final String RLO = "\u202E";

    private final FeedRenderer feeds = new FeedRenderer(SETTINGS);
    private final PageRenderer pages = new PageRenderer(SETTINGS);

    private static FeedPage page(String language) {
        return FeedPage.single(language, List.of(new FeedEntry(TestArticles.hostile(language), List.of("en"))), null);
    }

    /**
     * No script but a page's one JSON-LD data block, which is valid JSON whose text holds no {@code <} at all (so no
     * upload can close it) and keeps the upload's words as JSON strings.
     */
    private static void assertOnlyInertJsonLd(Document document) {
        assertThat(document.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(document.select("script[type=application/ld+json]")).hasSizeLessThanOrEqualTo(1);
        for (org.jsoup.nodes.Element ld : document.select("script[type=application/ld+json]")) {
            assertThat(ld.data()).doesNotContain("<", ">");
            try {
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ld.data()).path("headline")
                        .asText()).isNotEmpty();
            } catch (java.io.IOException e) {
                throw new AssertionError("JSON-LD is not JSON: " + ld.data(), e);
            }
        }
    }

    /** No element or attribute that runs script, and the upload's words survive as text. */
    private static void assertInert(String html) {
        Document document = Jsoup.parse(html);
        assertOnlyInertJsonLd(document);
        assertThat(document.select("img, svg, i, b")).isEmpty();
        assertThat(document.select("[onerror], [onload], [onmouseover]")).isEmpty();
        assertThat(document.text()).contains("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "end of CDATA ]]> and ]]&gt; here");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void rss_hostileArticle_contentDescriptionAndTitleAreInert(String language) throws Exception {
        Item item = RssRendererTest.parse(feeds.render(FeedFormat.RSS, page(language))).getItems().get(0);

        assertInert(item.getContent().getValue());
        assertThat(Jsoup.parse(item.getDescription().getValue()).select("script")).isEmpty();
        assertThat(Jsoup.parse(item.getDescription().getValue()).text()).startsWith("<script>alert('summary')");
        assertThat(item.getTitle()).doesNotContain(RLO, "\u2066").contains("gnp.exe", "<b>Breaking</b>");
        assertThat(item.getCategories().get(0).getValue()).isEqualTo("<script>tag</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void atom_hostileArticle_contentAndTitleAreInert(String language) throws Exception {
        Entry entry = AtomRendererTest.parse(feeds.render(FeedFormat.ATOM, page(language))).getEntries().get(0);

        assertInert(entry.getContents().get(0).getValue());
        assertThat(entry.getTitle()).doesNotContain(RLO);
        assertThat(entry.getSummary().getType()).isEqualTo("text");
        assertThat(entry.getAuthors().get(0).getName()).isEqualTo("<i onmouseover=alert(3)>Mallory</i>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void jsonFeed_hostileArticle_contentHtmlIsInert(String language) throws Exception {
        JsonNode item = new ObjectMapper().readTree(feeds.render(FeedFormat.JSON_FEED, page(language)))
                .path("items").get(0);

        assertInert(item.path("content_html").asText());
        assertThat(item.path("title").asText()).doesNotContain(RLO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void page_hostileArticle_isInert(String language) {
        String html = pages.article(new FeedEntry(TestArticles.hostile(language), List.of("en")));

        assertInert(html);
        Document document = Jsoup.parse(html);
        assertThat(document.title()).doesNotContain(RLO).contains("<b>Breaking</b>");
        assertThat(document.selectFirst("h1").text()).doesNotContain(RLO);
        assertThat(document.selectFirst(".author").text()).isEqualTo("<i onmouseover=alert(3)>Mallory</i>");
    }

    private static FeedPage richPage(String language) {
        return FeedPage.single(language, List.of(FeedEntry.of(TestArticles.hostileRich(language))), null);
    }

    /**
     * Rich blocks whose every text, alt, caption, credit, title and even href tries to become markup: the one body
     * renderer escapes them all, so only the model's own elements exist and the words survive as text.
     */
    private static void assertRichInert(String html) {
        Document document = Jsoup.parse(html);
        assertOnlyInertJsonLd(document);
        assertThat(document.select("svg, b, i")).isEmpty();
        assertThat(document.select("td[onclick], a[onmouseover], img[onerror], svg[onload]")).isEmpty();
        assertThat(document.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .map(a -> a.getKey())).noneMatch(k -> k.startsWith("on"));
        assertThat(document.select("a[title]").eachAttr("href"))
                .containsExactly("https://example.org/?q=\"><script>alert(5)</script>");
        assertThat(document.selectFirst("a[title]").attr("title")).isEqualTo("\" onmouseover=\"alert(6)");
        assertThat(document.select("figure img").eachAttr("alt")).containsExactly("\"><svg onload=alert(11)>");
        assertThat(document.select("blockquote")).hasSize(1);
        assertThat(document.select("pre")).hasSize(1);
        assertThat(document.selectFirst("pre").text()).isEqualTo("</pre><script>alert(12)</script>");
        assertThat(document.text()).contains("<b>link</b>", "<script>alert(7)</script>",
                "<img src=x onerror=alert(8)>", "</blockquote><script>alert(9)</script>", "<i>who</i>",
                "<script>caption</script>", "<b>credit</b> ]]>", "<td onclick=alert(13)>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void richHostileBlocks_areInertInEveryOutput(String language) throws Exception {
        Item item = RssRendererTest.parse(feeds.render(FeedFormat.RSS, richPage(language))).getItems().get(0);
        Entry entry = AtomRendererTest.parse(feeds.render(FeedFormat.ATOM, richPage(language))).getEntries().get(0);
        JsonNode json = new ObjectMapper().readTree(feeds.render(FeedFormat.JSON_FEED, richPage(language)))
                .path("items").get(0);

        assertRichInert(item.getContent().getValue());
        assertRichInert(entry.getContents().get(0).getValue());
        assertRichInert(json.path("content_html").asText());
        assertRichInert(pages.article(FeedEntry.of(TestArticles.hostileRich(language))));
        assertThat(json.path("content_text").asText()).contains("</blockquote><script>alert(9)</script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void richHostileImageUrl_isNeverAnnounced(String language) throws Exception {
        String rss = feeds.render(FeedFormat.RSS, richPage(language));
        Item item = RssRendererTest.parse(rss).getItems().get(0);
        Entry entry = AtomRendererTest.parse(feeds.render(FeedFormat.ATOM, richPage(language))).getEntries().get(0);
        JsonNode json = new ObjectMapper().readTree(feeds.render(FeedFormat.JSON_FEED, richPage(language)))
                .path("items").get(0);

        assertThat(item.getForeignMarkup()).noneMatch(e -> e.getName().equals("content"));
        assertThat(entry.getOtherLinks()).noneMatch(l -> "enclosure".equals(l.getRel()));
        assertThat(json.has("image")).isFalse();
        XmlTrees.parse(rss);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void controlCharacters_areDroppedSoTheXmlStaysWellFormed(String language) throws Exception {
        String rss = feeds.render(FeedFormat.RSS, page(language));
        String atom = feeds.render(FeedFormat.ATOM, page(language));

        for (String xml : List.of(rss, atom)) {
            XmlTrees.parse(xml);
            assertThat(xml).doesNotContain("\u0000", "\u0007", "&#0;");
        }
        assertThat(Jsoup.parse(RssRendererTest.parse(rss).getItems().get(0).getContent().getValue()).text())
                .contains("a NUL and a BEL and a lone surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar"})
    void hostileArticleId_cannotBreakOutOfUrlsOrIds(String language) throws Exception {
        StoredArticle base = TestArticles.hostile(language);
        StoredArticle weird = new StoredArticle("../x\"><script>/ä", language, language, base.title(),
                base.summary(), base.blocks(), base.author(), base.tags(), base.published(), base.updated(), 1,
                "k", "h", false, null, false, null, null, null);
        Entry entry = AtomRendererTest.parse(feeds.render(FeedFormat.ATOM,
                FeedPage.single(language, List.of(FeedEntry.of(weird)), null))).getEntries().get(0);

        assertThat(entry.getId()).isEqualTo(
                "tag:tarjim.dev,2026:article/..%2Fx%22%3E%3Cscript%3E%2F%C3%A4/" + language);
        assertThat(entry.getAlternateLinks().get(0).getHref()).isEqualTo(
                "http://127.0.0.1:3000/articles/..%2Fx%22%3E%3Cscript%3E%2F%C3%A4/" + language);
    }
}
