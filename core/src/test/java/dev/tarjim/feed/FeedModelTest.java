package dev.tarjim.feed;

import dev.tarjim.article.Texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small value types: settings, links, entries, pages, text cleaning. */
class FeedModelTest {

    private final SiteLinks links = new SiteLinks(TestArticles.SETTINGS);

    @Test
    void siteLinks_buildRoutesAndStableTagIds() {
        assertThat(links.indexUrl()).isEqualTo("http://127.0.0.1:3000/");
        assertThat(links.articleUrl("abc", "ar")).isEqualTo("http://127.0.0.1:3000/articles/abc/ar");
        assertThat(links.feedUrl("zh", FeedFormat.JSON_FEED)).isEqualTo("http://127.0.0.1:3000/feeds/zh/feed.json");
        assertThat(links.feedPageUrl("zh", FeedFormat.RSS, "a b&c"))
                .isEqualTo("http://127.0.0.1:3000/feeds/zh/rss.xml?before=a+b%26c");
        assertThat(links.entryId("abc", "ar")).isEqualTo("tag:tarjim.dev,2026:article/abc/ar");
        assertThat(links.feedId("ar")).isEqualTo("tag:tarjim.dev,2026:feed/ar");
    }

    @Test
    void feedSettings_rejectsRelativeBaseUrlAndMalformedTagAuthority() {
        assertThatThrownBy(() -> FeedSettings.of("127.0.0.1:3000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedSettings("https://x", "tarjim", "T"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 4151");
    }

    @Test
    void feedFormat_fromFileName_knowsTheThreeRoutes() {
        assertThat(FeedFormat.fromFileName("rss.xml")).contains(FeedFormat.RSS);
        assertThat(FeedFormat.fromFileName("atom.xml")).contains(FeedFormat.ATOM);
        assertThat(FeedFormat.fromFileName("feed.json")).contains(FeedFormat.JSON_FEED);
        assertThat(FeedFormat.fromFileName("feed.xml")).isEmpty();
    }

    @Test
    void feedEntry_dropsOwnLanguageAndRepeatsFromAlternates() {
        FeedEntry entry = new FeedEntry(TestArticles.arabicOriginal(), List.of("en", "ar", "es", "en"));

        assertThat(entry.alternateLanguages()).containsExactly("en", "es");
    }

    @Test
    void feedPage_dropsRepeatedArticleIdsKeepingTheFirst() {
        List<FeedEntry> twice = TestArticles.entries(List.of(TestArticles.arabicOriginal(),
                TestArticles.arabicTranslation(), TestArticles.arabicOriginal()));

        FeedPage page = FeedPage.single("ar", twice, null);

        assertThat(page.entries()).extracting(e -> e.article().id())
                .containsExactly(TestArticles.SEED_ID, "a1b2c3");
    }

    @Test
    void feedPage_rejectsEntryInAnotherLanguage() {
        assertThatThrownBy(() -> FeedPage.single("ar", List.of(FeedEntry.of(TestArticles.spanishTranslation())),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("es");
    }

    @Test
    void feedPage_updatedDefaultsToNewestEntryNeverTheClock() {
        assertThat(FeedPage.single("ar", TestArticles.entries(TestArticles.arabicSeries(3)), null).updated())
                .isEqualTo(TestArticles.PUBLISHED);
        assertThat(FeedPage.single("ar", List.of(), null).updated()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void texts_line_stripsBidiOverridesAndIsolatesButKeepsMarks() {
        assertThat(Texts.xmlLine("a\u202Eb\u202Dc\u2067d\u2069e\u200Ff")).isEqualTo("abcde\u200Ff");
        assertThat(Texts.xmlBody("a\u202Eb")).isEqualTo("a\u202Eb");
    }

    @Test
    void texts_dropCharactersXmlForbidsAndKeepCleanStringsAsIs() {
        String clean = "مرحبا 😀 world\n";
        assertThat(Texts.xmlBody(clean)).isSameAs(clean);
        assertThat(Texts.xmlBody("a\u0000b\u0001c\uFFFEd\uDC00e")).isEqualTo("abcde");
        assertThat(Texts.xmlBody(null)).isEmpty();
    }
}
