package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class RssRendererTest {

    private final RssRenderer renderer = new RssRenderer(SETTINGS);

    static Channel parse(String xml) throws Exception {
        return (Channel) new WireFeedInput().build(new StringReader(xml));
    }

    static List<Element> atomLinks(List<Element> foreignMarkup) {
        return foreignMarkup.stream()
                .filter(e -> e.getName().equals("link") && XmlFeeds.ATOM.getURI().equals(e.getNamespaceURI()))
                .toList();
    }

    private FeedPage arabicPage() {
        return FeedPage.single("ar", List.of(
                new FeedEntry(TestArticles.arabicOriginal(), List.of("ar", "en", "es")),
                new FeedEntry(TestArticles.arabicTranslation(), List.of("en", "es"))), null);
    }

    @Test
    void render_arabicPage_matchesGolden() {
        XmlTrees.assertMatchesGolden(renderer.render(arabicPage()), "rss-ar.xml");
    }

    @Test
    void render_parsesBackWithRome_channelLanguageSelfLinkAndItemsInOrder() throws Exception {
        Channel channel = parse(renderer.render(arabicPage()));

        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getLanguage()).isEqualTo("ar");
        assertThat(channel.getLastBuildDate()).isEqualTo(java.util.Date.from(TestArticles.UPDATED));
        assertThat(atomLinks(channel.getForeignMarkup()))
                .extracting(e -> e.getAttributeValue("rel"), e -> e.getAttributeValue("href"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("self",
                        "http://127.0.0.1:3000/feeds/ar/rss.xml"));
        assertThat(channel.getItems()).extracting(i -> i.getGuid().getValue()).containsExactly(
                "tag:tarjim.dev,2026:article/eb83513c9fa28be5/ar", "tag:tarjim.dev,2026:article/a1b2c3/ar");
        assertThat(channel.getItems()).allSatisfy(i -> assertThat(i.getGuid().isPermaLink()).isFalse());
    }

    @Test
    void render_item_carriesLinkContentSummaryCreatorCategoriesAndDate() throws Exception {
        Item item = parse(renderer.render(arabicPage())).getItems().get(0);

        assertThat(item.getLink()).isEqualTo("http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar");
        assertThat(item.getTitle()).isEqualTo(TestArticles.arabicOriginal().title());
        assertThat(item.getPubDate()).isEqualTo(java.util.Date.from(TestArticles.PUBLISHED));
        assertThat(item.getCategories()).extracting(c -> c.getValue()).containsExactly("الصين", "روسيا");
        assertThat(((DCModule) item.getModule(DCModule.URI)).getCreator()).isEqualTo("شؤون صينية");
        assertThat(Jsoup.parse(item.getDescription().getValue()).text())
                .isEqualTo(TestArticles.arabicOriginal().summary());

        org.jsoup.nodes.Element div = Jsoup.parseBodyFragment(item.getContent().getValue()).body().child(0);
        assertThat(div.attr("dir")).isEqualTo("rtl");
        assertThat(div.attr("lang")).isEqualTo("ar");
        assertThat(div.select("p").eachText()).isEqualTo(TestArticles.SEED_PARAGRAPHS);
    }

    @Test
    void render_everyItem_linksEveryLanguageWithHreflang_ownLanguageLast() throws Exception {
        Channel channel = parse(renderer.render(arabicPage()));

        Map<String, List<String>> hreflangs = channel.getItems().stream().collect(Collectors.toMap(
                i -> i.getGuid().getValue(),
                i -> atomLinks(i.getForeignMarkup()).stream()
                        .filter(l -> "alternate".equals(l.getAttributeValue("rel")))
                        .map(l -> l.getAttributeValue("hreflang") + " " + l.getAttributeValue("href")).toList()));
        assertThat(hreflangs.get("tag:tarjim.dev,2026:article/eb83513c9fa28be5/ar")).containsExactly(
                "en http://127.0.0.1:3000/articles/eb83513c9fa28be5/en",
                "es http://127.0.0.1:3000/articles/eb83513c9fa28be5/es",
                "ar http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar");
        assertThat(hreflangs.get("tag:tarjim.dev,2026:article/a1b2c3/ar")).hasSize(3)
                .endsWith("ar http://127.0.0.1:3000/articles/a1b2c3/ar");
    }

    @Test
    void render_machineTranslation_namesEngineAndSourceInContent() throws Exception {
        Item item = parse(renderer.render(arabicPage())).getItems().get(1);

        org.jsoup.nodes.Element note = Jsoup.parseBodyFragment(item.getContent().getValue())
                .selectFirst(".tarjim-mt-note");
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("Machine-translated from English by amazon-translate");
        assertThat(note.attr("dir")).isEqualTo("ltr");
        assertThat(note.selectFirst("a").attr("href")).isEqualTo("http://127.0.0.1:3000/articles/a1b2c3/en");
    }

    @Test
    void render_parsesBackAsSyndFeed() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(renderer.render(arabicPage())));

        assertThat(feed.getLanguage()).isEqualTo("ar");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "tag:tarjim.dev,2026:article/eb83513c9fa28be5/ar", "tag:tarjim.dev,2026:article/a1b2c3/ar");
        assertThat(feed.getEntries().get(0).getContents()).hasSize(1);
    }

    @Test
    void render_emptyFeed_isValidWithNoItems() throws Exception {
        Channel channel = parse(renderer.render(FeedPage.single("fr", List.of(), Instant.EPOCH)));

        assertThat(channel.getItems()).isEmpty();
        assertThat(channel.getLanguage()).isEqualTo("fr");
    }
}
