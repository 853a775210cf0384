package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FrontPageRendererTest {
    private final FrontPageRenderer renderer = new FrontPageRenderer(SETTINGS);

    @Test
    void arabicFrontPage_isRightToLeft_listsArticlesNewestFirst_andIsolatesTheSourceLanguageName() {
        FeedPage page = new FeedPage("ar", List.of(FeedEntry.of(TestArticles.arabicTranslation()),
                FeedEntry.of(TestArticles.arabicOriginal())), Instant.parse("2026-03-02T00:00:00Z"), null, null);

        Document doc = Jsoup.parse(renderer.render(page, List.of("ar", "en", "es")));

        assertThat(doc.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("آخر الأخبار");
        assertThat(doc.select(".front > li h2 a").eachText()).containsExactly(
                TestArticles.arabicTranslation().title(), TestArticles.arabicOriginal().title());
        assertThat(doc.select(".front > li h2 a").eachAttr("href")).containsExactly(
                "http://127.0.0.1:3000/articles/a1b2c3/ar", "http://127.0.0.1:3000/articles/eb83513c9fa28be5/ar");
        Element first = doc.select(".front > li").get(0);
        assertThat(first.selectFirst(".byline").text()).contains("ترجمة آلية من");
        assertThat(first.selectFirst(".byline bdi").text()).isEqualTo("الإنجليزية");
        Element second = doc.select(".front > li").get(1);
        assertThat(second.select(".byline bdi")).as("an original says nothing of translation").isEmpty();
        assertThat(second.selectFirst("time").attr("datetime")).isEqualTo("2026-03-01T08:30:00Z");
        assertThat(second.selectFirst(".summary").text()).isEqualTo(TestArticles.arabicOriginal().summary());
    }

    @Test
    void frontPage_hasHreflangAlternatesToEveryLanguagesFrontPage_feedAutodiscovery_andCanonical() {
        FeedPage page = new FeedPage("en", List.of(FeedEntry.of(TestArticles.richEnglish())),
                Instant.parse("2026-03-02T00:00:00Z"), null, null);

        Document doc = Jsoup.parse(renderer.render(page, List.of("ar", "en", "es")));

        assertThat(doc.select("head link[rel=alternate][hreflang]:not([type])"))
                .extracting(e -> e.attr("hreflang") + " " + e.attr("href")).containsExactly(
                        "ar http://127.0.0.1:3000/ar/", "en http://127.0.0.1:3000/en/",
                        "es http://127.0.0.1:3000/es/");
        assertThat(doc.select("head link[rel=alternate][type]").eachAttr("href")).containsExactly(
                "http://127.0.0.1:3000/feeds/en/rss.xml", "http://127.0.0.1:3000/feeds/en/atom.xml",
                "http://127.0.0.1:3000/feeds/en/feed.json");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://127.0.0.1:3000/en/");
        Element img = doc.selectFirst(".front img");
        assertThat(img.attr("src")).isEqualTo(TestArticles.LEAD_SRC);
        assertThat(img.attr("loading")).isEqualTo("lazy");
        assertThat(doc.select("nav.translations a").eachAttr("hreflang")).containsExactly("ar", "es");
        assertThat(doc.select("a[rel=next]")).isEmpty();
    }

    @Test
    void anOlderPageExists_isLinkedAsNext_andAnOlderPageHasNoAlternates() {
        FeedPage first = new FeedPage("es", List.of(FeedEntry.of(TestArticles.spanishTranslation())),
                Instant.parse("2026-03-02T00:00:00Z"), null, "2026-02-27T10:00:00Z#a1b2c3");
        Document doc = Jsoup.parse(renderer.render(first, List.of("en", "es")));

        assertThat(doc.selectFirst("main a[rel=next]").attr("href"))
                .isEqualTo("http://127.0.0.1:3000/es/?before=2026-02-27T10%3A00%3A00Z%23a1b2c3");
        assertThat(doc.selectFirst("main a[rel=next]").text()).isEqualTo("Artículos anteriores");
        assertThat(doc.selectFirst(".byline").text()).contains("Traducción automática del inglés");

        FeedPage older = new FeedPage("es", List.of(), Instant.parse("2026-03-02T00:00:00Z"),
                "2026-02-27T10:00:00Z#a1b2c3", null);
        Document olderDoc = Jsoup.parse(renderer.render(older, List.of("en", "es")));
        assertThat(olderDoc.select("head link[rel=alternate][hreflang]:not([type])")).isEmpty();
        assertThat(olderDoc.selectFirst("link[rel=canonical]").attr("href")).contains("?before=");
    }

    @Test
    void aLeadImageOfUnknownSize_isShownWithoutOne() {
        FeedPage page = new FeedPage("en", List.of(FeedEntry.of(TestArticles.withLeadImage(
                "https://images.example.org/unknown-size.jpg"))), Instant.parse("2026-03-02T00:00:00Z"), null, null);
        dev.tarjim.article.StoredArticle a = TestArticles.withLeadImage("https://images.example.org/x.jpg");
        dev.tarjim.article.Block.Figure sizeless = new dev.tarjim.article.Block.Figure("https://images.example.org/x.jpg",
                "A photo", List.of(), "", null, null);
        dev.tarjim.article.StoredArticle withSizeless = new dev.tarjim.article.StoredArticle(a.id(), a.language(),
                a.sourceLanguage(), a.title(), a.summary(), List.of(), a.author(), a.tags(), a.published(),
                a.updated(), a.revision(), a.sourceKey(), a.contentHash(), false, null, false, a.slug(),
                a.canonicalUrl(), sizeless);

        Document doc = Jsoup.parse(renderer.render(new FeedPage("en", List.of(FeedEntry.of(withSizeless)),
                page.updated(), null, null), List.of("en")));

        Element img = doc.selectFirst(".front img");
        assertThat(img.attr("src")).isEqualTo("https://images.example.org/x.jpg");
        assertThat(img.hasAttr("width")).isFalse();
    }
}
