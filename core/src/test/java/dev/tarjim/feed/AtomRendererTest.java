package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class AtomRendererTest {

    private final AtomRenderer renderer = new AtomRenderer(SETTINGS);

    static Feed parse(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private FeedPage arabicPage() {
        return FeedPage.single("ar", List.of(
                new FeedEntry(TestArticles.arabicOriginal(), List.of("en", "es")),
                new FeedEntry(TestArticles.arabicTranslation(), List.of("en", "es"))), null);
    }

    @Test
    void render_arabicPage_matchesGolden() {
        XmlTrees.assertMatchesGolden(renderer.render(arabicPage()), "atom-ar.xml");
    }

    @Test
    void render_writesXmlLangOnFeedAndEveryEntry() {
        Element root = XmlTrees.parse(renderer.render(arabicPage())).getRootElement();

        assertThat(root.getAttributeValue("lang", Namespace.XML_NAMESPACE)).isEqualTo("ar");
        List<Element> entries = root.getChildren("entry", root.getNamespace());
        assertThat(entries).hasSize(2).allSatisfy(
                e -> assertThat(e.getAttributeValue("lang", Namespace.XML_NAMESPACE)).isEqualTo("ar"));
    }

    @Test
    void render_parsesBackWithRome_idsDatesAndOrder() throws Exception {
        Feed feed = parse(renderer.render(arabicPage()));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo("tag:tarjim.dev,2026:feed/ar");
        assertThat(feed.getUpdated()).isEqualTo(Date.from(TestArticles.UPDATED));
        assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("self",
                        "http://127.0.0.1:3000/feeds/ar/atom.xml"));
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactly(
                "tag:tarjim.dev,2026:article/eb83513c9fa28be5/ar", "tag:tarjim.dev,2026:article/a1b2c3/ar");
        Entry first = feed.getEntries().get(0);
        assertThat(first.getPublished()).isEqualTo(Date.from(TestArticles.PUBLISHED));
        assertThat(first.getUpdated()).isEqualTo(Date.from(TestArticles.UPDATED));
        assertThat(first.getAuthors()).extracting(p -> p.getName()).containsExactly("شؤون صينية");
        assertThat(first.getCategories()).extracting(c -> c.getTerm()).containsExactly("الصين", "روسيا");
        assertThat(first.getSummary().getType()).isEqualTo("text");
        assertThat(first.getSummary().getValue()).isEqualTo(TestArticles.arabicOriginal().summary());
    }

    @Test
    void render_entry_hasHtmlContentMarkedRightToLeft() throws Exception {
        Entry entry = parse(renderer.render(arabicPage())).getEntries().get(0);

        assertThat(entry.getContents()).hasSize(1);
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        org.jsoup.nodes.Element div = Jsoup.parseBodyFragment(entry.getContents().get(0).getValue()).body().child(0);
        assertThat(div.attr("dir")).isEqualTo("rtl");
        assertThat(div.select("p").eachText()).isEqualTo(TestArticles.SEED_PARAGRAPHS);
    }

    @Test
    void render_entry_alternatesOwnPageAndEachTranslationWithHreflang() throws Exception {
        Entry entry = parse(renderer.render(arabicPage())).getEntries().get(0);

        assertThat(entry.getAlternateLinks()).extracting(Link::getHreflang, Link::getHref).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ar", "http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar"),
                org.assertj.core.groups.Tuple.tuple("en", "http://127.0.0.1:3000/articles/eb83513c9fa28be5/en"),
                org.assertj.core.groups.Tuple.tuple("es", "http://127.0.0.1:3000/articles/eb83513c9fa28be5/es"));
    }

    @Test
    void render_parsesBackAsSyndFeedWithLanguage() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(renderer.render(arabicPage())));

        assertThat(feed.getEntries()).hasSize(2);
        assertThat(feed.getEntries().get(0).getUri()).isEqualTo("tag:tarjim.dev,2026:article/eb83513c9fa28be5/ar");
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo(
                "http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar");
    }
}
