package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PageRendererTest {

    private final PageRenderer renderer = new PageRenderer(SETTINGS);

    @Test
    void article_arabicOriginal_isRightToLeftWithTitleBylineTimeAndParagraphs() {
        String html = renderer.article(new FeedEntry(TestArticles.arabicOriginal(), List.of("en", "es")));
        Document page = Jsoup.parse(html);

        assertThat(html).startsWith("<!doctype html>");
        Element root = page.selectFirst("html");
        assertThat(root.attr("lang")).isEqualTo("ar");
        assertThat(root.attr("dir")).isEqualTo("rtl");
        assertThat(page.title()).isEqualTo(TestArticles.arabicOriginal().title() + " — Tarjim");
        assertThat(page.selectFirst("h1").text()).isEqualTo(TestArticles.arabicOriginal().title());
        assertThat(page.selectFirst(".byline .author").text()).isEqualTo("شؤون صينية");
        assertThat(page.selectFirst("time").attr("datetime")).isEqualTo("2026-03-01T08:30:00Z");
        assertThat(page.select("article > p:not(.byline):not(.tarjim-mt-note)").eachText())
                .isEqualTo(TestArticles.SEED_PARAGRAPHS);
        assertThat(page.select(".tarjim-mt-note")).isEmpty();
    }

    @Test
    void article_hasHreflangAlternateForEachTranslationAndNavLinks() {
        Document page = Jsoup.parse(renderer.article(
                new FeedEntry(TestArticles.arabicOriginal(), List.of("ar", "en", "es"))));

        assertThat(page.select("head link[rel=alternate][hreflang]:not([type])"))
                .extracting(e -> e.attr("hreflang") + " " + e.attr("href")).containsExactly(
                        "ar http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar",
                        "en http://127.0.0.1:3000/articles/eb83513c9fa28be5/en",
                        "es http://127.0.0.1:3000/articles/eb83513c9fa28be5/es",
                        "x-default http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar");
        assertThat(page.select("nav.translations a")).extracting(Element::text).containsExactly("English", "Español");
        assertThat(page.select("head link[type=application/atom+xml]").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/feeds/ar/atom.xml");
    }

    @Test
    void article_machineTranslation_showsNoteNamingEngineAndLinksOriginal() {
        Document page = Jsoup.parse(renderer.article(
                new FeedEntry(TestArticles.spanishTranslation(), List.of("en"))));

        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
        Element note = page.selectFirst(".tarjim-mt-note");
        assertThat(note.text()).startsWith("Machine-translated from English by apertium 3.8.");
        assertThat(note.selectFirst("a").attr("href")).isEqualTo("http://127.0.0.1:3000/articles/a1b2c3/en");
        assertThat(page.select(".byline .author")).as("no byline author").isEmpty();
        assertThat(page.selectFirst("time").text()).contains("2026");
    }

    @Test
    void index_listsEachLanguageWithItsThreeFeedsAndAutodiscovery() {
        Document page = Jsoup.parse(renderer.index(List.of("ar", "en", "es")));

        assertThat(page.select("head link[rel=alternate]")).hasSize(9);
        assertThat(page.select("head link[rel=alternate][hreflang=ar]")).extracting(e -> e.attr("type"))
                .containsExactly("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(page.select("head link[hreflang=es][type=application/feed+json]").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/feeds/es/feed.json");
        assertThat(page.select("ul.languages > li")).hasSize(3);
        Element arabic = page.selectFirst("#lang-ar");
        assertThat(arabic.selectFirst("strong").text()).isEqualTo("العربية");
        assertThat(arabic.selectFirst("strong").attr("dir")).isEqualTo("rtl");
        assertThat(arabic.text()).startsWith("العربية (Arabic)");
        assertThat(page.selectFirst("#lang-en").text()).startsWith("English").doesNotContain("(English)");
        assertThat(arabic.select("a")).extracting(e -> e.attr("href")).containsExactly(
                "http://127.0.0.1:3000/ar/", "http://127.0.0.1:3000/feeds/ar/rss.xml", "http://127.0.0.1:3000/feeds/ar/atom.xml",
                "http://127.0.0.1:3000/feeds/ar/feed.json");
    }
}
