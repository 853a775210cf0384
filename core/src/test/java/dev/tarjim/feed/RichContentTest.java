package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.FIGURE_SRC;
import static dev.tarjim.feed.TestArticles.LEAD_SRC;
import static dev.tarjim.feed.TestArticles.LINK_HREF;
import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Item;
import dev.tarjim.article.StoredArticle;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A rich article (subhead, link, bold, list, quote, figure, table, pre) keeps its structure in every output. */
class RichContentTest {

    private static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");

    private final FeedRenderer feeds = new FeedRenderer(SETTINGS);
    private final PageRenderer pages = new PageRenderer(SETTINGS);

    private static FeedPage page(StoredArticle article) {
        return FeedPage.single(article.language(), List.of(new FeedEntry(article, List.of("ar", "en", "es"))), null);
    }

    /** The structure every HTML output of {@link TestArticles#richEnglish()} must carry. */
    static void assertRichEnglishBody(Document html) {
        assertThat(html.select("a[href]").eachAttr("href")).contains(LINK_HREF, "https://example.org/energy");
        assertThat(html.selectFirst("a[href=" + LINK_HREF + "]").text()).isEqualTo("Beijing");
        assertThat(html.selectFirst("a[href=" + LINK_HREF + "]").attr("title")).isEqualTo("The summit");
        assertThat(html.select("strong").eachText()).contains("historic");
        assertThat(html.select("em").eachText()).contains("long", "opening");
        assertThat(html.select("code").eachText()).contains("agenda-v2");
        assertThat(html.select("h2").eachText()).containsExactly("What was agreed");
        assertThat(html.selectFirst("ul").select("li").eachText()).containsExactly("Trade", "Energy, see the annex", "Culture");
        assertThat(html.selectFirst("blockquote").text()).isEqualTo("We are at our best stage.");
        assertThat(html.selectFirst("figure.quote > figcaption").text()).isEqualTo("— Xi Jinping");
        org.jsoup.nodes.Element figure = html.selectFirst("figure:has(img[src=" + FIGURE_SRC + "])");
        assertThat(figure).isNotNull();
        org.jsoup.nodes.Element img = figure.selectFirst("img");
        assertThat(img.attr("alt")).isEqualTo("Delegates seated at a long table");
        assertThat(img.attr("width")).isEqualTo("1200");
        assertThat(img.attr("height")).isEqualTo("800");
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Delegates at the opening Photo: Jane Roe/Agency");
        assertThat(figure.selectFirst("figcaption .credit").text()).isEqualTo("Photo: Jane Roe/Agency");
        assertThat(html.text()).as("alt text only in alt").doesNotContain("Delegates seated");
        assertThat(html.select("table th").eachText()).containsExactly("Country", "Delegates");
        assertThat(html.select("table tr")).hasSize(3);
        assertThat(html.selectFirst("pre").wholeText()).isEqualTo("if (agreed) {\n  sign();\n}");
        assertThat(html.select("p:has(br)").text()).isEqualTo("First line second line");
    }

    @Test
    void page_richArticle_isSemanticHtmlWithLeadImageFirst() {
        Document page = Jsoup.parse(pages.article(new FeedEntry(TestArticles.richEnglish(), List.of("es"))));

        assertRichEnglishBody(page);
        List<org.jsoup.nodes.Element> figures = page.select("article figure:has(img)");
        assertThat(figures).extracting(f -> f.selectFirst("img").attr("src")).containsExactly(LEAD_SRC, FIGURE_SRC);
        assertThat(figures.get(0).selectFirst("img").hasAttr("loading"))
                .as("the lead photo is not lazy: it is the first thing seen").isFalse();
        assertThat(figures.get(0).selectFirst("figcaption").text()).contains("The summit hall in Beijing");
        assertThat(page.select("h1").eachText()).containsExactly("Leaders meet for a historic summit");
    }

    @Test
    void page_richArticle_hasNoScriptNoStyleAttributeAndOneStylesheet() {
        Document page = Jsoup.parse(pages.article(new FeedEntry(TestArticles.richEnglish(), List.of("es"))));

        // One data block (JSON-LD), never executed; no script.
        assertThat(page.select("script").eachAttr("type")).containsExactly("application/ld+json");
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("*").stream().flatMap(e -> e.attributes().asList().stream())
                .map(a -> a.getKey())).noneMatch(k -> k.startsWith("on"));
    }

    @Test
    void page_arabicRichArticle_isRightToLeftWithItsStructure() {
        Document page = Jsoup.parse(pages.article(FeedEntry.of(TestArticles.richArabic())));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.select("ol > li").eachText()).containsExactly("التجارة", "الطاقة", "الثقافة");
        assertThat(page.selectFirst("a[href=" + LINK_HREF + "]").text()).isEqualTo("بكين");
        assertThat(page.selectFirst("figcaption:has(.credit)").text()).isEqualTo("المندوبون في الافتتاح تصوير: وكالة");
        assertThat(page.selectFirst("style").data()).as("code stays left to right inside Arabic")
                .contains("code{unicode-bidi:isolate;direction:ltr}");
    }

    @Test
    void page_latinBylineOnArabicPage_isIsolated() {
        Document page = Jsoup.parse(pages.article(FeedEntry.of(TestArticles.arabicTranslation())));

        assertThat(page.selectFirst(".byline .author").text()).isEqualTo("Jane Doe");
        assertThat(page.selectFirst(".byline .author").attr("dir")).isEqualTo("auto");
        assertThat(page.selectFirst("style").data()).contains(".credit{", "unicode-bidi:plaintext");
    }

    @Test
    void page_machineTranslation_keepsSayingSoAboveTheRichBody() {
        Document page = Jsoup.parse(pages.article(new FeedEntry(TestArticles.richSpanishTranslation(),
                List.of("en"))));

        org.jsoup.nodes.Element note = page.selectFirst("article .tarjim-mt-note");
        assertThat(note.text()).startsWith("Machine-translated from English by apertium 3.8.");
        assertThat(note.attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("a[href=" + LINK_HREF + "]").text()).isEqualTo("Pekín");
        assertThat(page.select("article figure img").eachAttr("src")).containsExactly(LEAD_SRC, FIGURE_SRC);
    }

    @Test
    void rss_richItem_hasFullHtmlPlainDescriptionAndMediaContent() throws Exception {
        Item item = RssRendererTest.parse(feeds.render(FeedFormat.RSS, page(TestArticles.richEnglish())))
                .getItems().get(0);

        Document content = Jsoup.parseBodyFragment(item.getContent().getValue());
        assertRichEnglishBody(content);
        assertThat(content.selectFirst("img").attr("src")).as("lead image above the body").isEqualTo(LEAD_SRC);
        String description = item.getDescription().getValue();
        assertThat(Jsoup.parse(description).select("*").size()).as("description is plain text")
                .isEqualTo(Jsoup.parse("").select("*").size());
        assertThat(Jsoup.parse(description).text()).startsWith("Leaders met in Beijing for a historic");
        assertThat(item.getEnclosures()).as("no byte length known, no enclosure").isEmpty();

        List<Element> media = item.getForeignMarkup().stream()
                .filter(e -> MEDIA.getURI().equals(e.getNamespaceURI())).toList();
        assertThat(media).hasSize(1);
        Element mediaContent = media.get(0);
        assertThat(mediaContent.getName()).isEqualTo("content");
        assertThat(mediaContent.getAttributeValue("url")).isEqualTo(LEAD_SRC);
        assertThat(mediaContent.getAttributeValue("medium")).isEqualTo("image");
        assertThat(mediaContent.getAttributeValue("type")).isEqualTo("image/png");
        assertThat(mediaContent.getAttributeValue("width")).isEqualTo("1600");
        assertThat(mediaContent.getAttributeValue("height")).isEqualTo("900");
        assertThat(mediaContent.getChildText("description", MEDIA)).isEqualTo("The summit hall in Beijing");
        assertThat(mediaContent.getChild("description", MEDIA).getAttributeValue("type")).isEqualTo("plain");
        assertThat(mediaContent.getChildText("credit", MEDIA)).isEqualTo("Photo: Agency");
    }

    @Test
    void rss_withoutLeadImage_announcesTheFirstFigure() throws Exception {
        Item item = RssRendererTest.parse(feeds.render(FeedFormat.RSS, page(TestArticles.richArabic())))
                .getItems().get(0);

        Element mediaContent = item.getForeignMarkup().stream()
                .filter(e -> MEDIA.getURI().equals(e.getNamespaceURI())).findFirst().orElseThrow();
        assertThat(mediaContent.getAttributeValue("url")).isEqualTo(FIGURE_SRC);
        assertThat(mediaContent.getAttributeValue("type")).isEqualTo("image/jpeg");
        assertThat(mediaContent.getChildText("description", MEDIA)).isEqualTo("المندوبون في الافتتاح");
        Document content = Jsoup.parseBodyFragment(item.getContent().getValue());
        assertThat(content.select("img")).as("the figure is shown once").hasSize(1);
        assertThat(content.selectFirst("div").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void rss_articleWithoutPhotos_hasNoMediaContent() throws Exception {
        Item item = RssRendererTest.parse(feeds.render(FeedFormat.RSS,
                page(TestArticles.arabicOriginal()))).getItems().get(0);

        assertThat(item.getForeignMarkup()).noneMatch(e -> MEDIA.getURI().equals(e.getNamespaceURI()));
    }

    @Test
    void atom_richEntry_hasHtmlContentSummaryAndEnclosureLink() throws Exception {
        Entry entry = AtomRendererTest.parse(feeds.render(FeedFormat.ATOM, page(TestArticles.richEnglish())))
                .getEntries().get(0);

        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertRichEnglishBody(Jsoup.parseBodyFragment(entry.getContents().get(0).getValue()));
        assertThat(entry.getSummary().getType()).isEqualTo("text");
        assertThat(entry.getSummary().getValue()).startsWith("Leaders met in Beijing for a historic");
        List<Link> enclosures = entry.getOtherLinks().stream().filter(l -> "enclosure".equals(l.getRel())).toList();
        assertThat(enclosures).extracting(Link::getHref, Link::getType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LEAD_SRC, "image/png"));
    }

    @Test
    void atom_imageOfUnknownType_hasEnclosureWithoutType() throws Exception {
        StoredArticle a = TestArticles.richEnglish();
        StoredArticle noExtension = new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(),
                a.summary(), a.blocks(), a.author(), a.tags(), a.published(), a.updated(), a.revision(),
                a.sourceKey(), a.contentHash(), false, null, false, null, null,
                new dev.tarjim.article.Block.Figure("https://cdn.example.org/img?id=42", "", List.of(), "", null,
                        null));
        Entry entry = AtomRendererTest.parse(feeds.render(FeedFormat.ATOM, page(noExtension))).getEntries().get(0);

        Link enclosure = entry.getOtherLinks().stream().filter(l -> "enclosure".equals(l.getRel())).findFirst()
                .orElseThrow();
        assertThat(enclosure.getHref()).isEqualTo("https://cdn.example.org/img?id=42");
        assertThat(enclosure.getType()).isNull();
    }

    @Test
    void jsonFeed_richItem_hasContentHtmlTextImageAndSummary() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(feeds.render(FeedFormat.JSON_FEED,
                page(TestArticles.richEnglish())));
        JsonNode item = feed.path("items").get(0);

        JsonFeedRendererTest.assertValidJsonFeed11(feed);
        assertRichEnglishBody(Jsoup.parseBodyFragment(item.path("content_html").asText()));
        assertThat(item.path("image").asText()).isEqualTo(LEAD_SRC);
        assertThat(item.path("summary").asText()).startsWith("Leaders met in Beijing for a historic");
        String text = item.path("content_text").asText();
        assertThat(text).contains("What was agreed\n\n- Trade\n- Energy, see the annex\n- Culture",
                "We are at our best stage.\n— Xi Jinping", "Delegates at the opening Photo: Jane Roe/Agency",
                "Country\tDelegates", "if (agreed) {\n  sign();\n}");
        assertThat(text).doesNotContain("<", "Delegates seated");
    }

    @Test
    void jsonFeed_machineTranslation_saysSoInContentText() throws Exception {
        JsonNode item = new ObjectMapper().readTree(feeds.render(FeedFormat.JSON_FEED,
                page(TestArticles.richSpanishTranslation()))).path("items").get(0);

        assertThat(item.path("content_text").asText())
                .startsWith("Machine-translated from English by apertium 3.8.\n\n");
        assertThat(Jsoup.parseBodyFragment(item.path("content_html").asText()).select(".tarjim-mt-note")).hasSize(1);
    }

    @Test
    void jsonFeed_articleWithoutPhotos_hasNoImage() throws Exception {
        JsonNode item = new ObjectMapper().readTree(feeds.render(FeedFormat.JSON_FEED,
                page(TestArticles.arabicOriginal()))).path("items").get(0);

        assertThat(item.has("image")).isFalse();
    }

    @Test
    void summary_withoutOneOfItsOwn_isTheFirstParagraphNotTheFirstBlock() throws Exception {
        StoredArticle a = TestArticles.richArabic();
        StoredArticle headingFirst = new StoredArticle(a.id(), "ar", "ar", a.title(), null,
                List.of(a.blocks().get(1), a.blocks().get(0)), null, List.of(), a.published(), a.updated(), 1,
                "k", "h", false, null, false, null, null, null);

        assertThat(EntryHtml.summary(headingFirst)).isEqualTo("التقى القادة في بكين في قمة تاريخية وجدول أعمالها agenda-v2.");
    }
}
