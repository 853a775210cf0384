package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TagAuthority;
import dev.tarjim.syndication.NinjsWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * What feeds, pages and ninjs say of the publisher, and which ids they show: the site's name in each feed's
 * language, and each entry's id as it was minted (the configured authority only for entries minted under it).
 */
class SiteBrandingRenderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TagAuthority FIRST = TagAuthority.parse("globaltimes.example,2025");
    private static final TagAuthority NOW = TagAuthority.parse("globaltimes.example,2026");
    private static final SiteBranding BRANDING = new SiteBranding("Global Times",
            Map.of("ar", "غلوبال تايمز", "es", "Tiempos Globales"), "https://globaltimes.example/", NOW);
    private static final FeedSettings SETTINGS = new FeedSettings("https://feeds.globaltimes.example", BRANDING);

    /** The seed as stored before ids were kept, and a second Arabic article minted under the first authority. */
    private static FeedPage arabicPage() {
        StoredArticle legacy = TestArticles.arabicOriginal();
        StoredArticle minted = new StoredArticle("0123456789abcdef", "ar", "ar", "عنوان", "ملخص",
                List.of("فقرة."), null, List.of(), Instant.parse("2026-03-02T08:00:00Z"),
                Instant.parse("2026-03-02T08:00:00Z"), 1, "incoming/b.txt", "h", false, null, false, null)
                .withIdAuthority(FIRST);
        return new FeedPage("ar", List.of(new FeedEntry(minted, List.of()), new FeedEntry(legacy, List.of())), null,
                null, null, FIRST.feedUri("ar"));
    }

    @Test
    void rss_titleIsTheArabicName_andIdsAreTheMintedOnes() {
        Document rss = Jsoup.parse(new RssRenderer(SETTINGS).render(arabicPage()), "", Parser.xmlParser());

        assertThat(rss.selectFirst("channel > title").text()).isEqualTo("غلوبال تايمز — العربية");
        assertThat(rss.select("item > guid").eachText()).containsExactly(
                "tag:globaltimes.example,2025:article/0123456789abcdef/ar",
                "tag:tarjim.dev,2026:article/" + TestArticles.SEED_ID + "/ar");
        assertThat(rss.selectFirst("channel > generator").text()).isEqualTo("Tarjim");
    }

    @Test
    void atom_titleAuthorAndFeedId_comeFromTheBrandingAndTheStore() {
        Document atom = Jsoup.parse(new AtomRenderer(SETTINGS).render(arabicPage()), "", Parser.xmlParser());

        assertThat(atom.selectFirst("feed > title").text()).isEqualTo("غلوبال تايمز — العربية");
        assertThat(atom.selectFirst("feed > id").text()).isEqualTo("tag:globaltimes.example,2025:feed/ar");
        assertThat(atom.selectFirst("feed > author > name").text()).isEqualTo("غلوبال تايمز");
        assertThat(atom.selectFirst("feed > author > uri").text()).isEqualTo("https://globaltimes.example/");
        assertThat(atom.select("entry > id").eachText()).containsExactly(
                "tag:globaltimes.example,2025:article/0123456789abcdef/ar",
                "tag:tarjim.dev,2026:article/" + TestArticles.SEED_ID + "/ar");
    }

    @Test
    void atom_withoutAStoredFeedId_mintsFromTheConfiguredAuthority() {
        FeedPage page = arabicPage();
        FeedPage unminted = new FeedPage("ar", page.entries(), null, null, null);

        Document atom = Jsoup.parse(new AtomRenderer(SETTINGS).render(unminted), "", Parser.xmlParser());

        assertThat(atom.selectFirst("feed > id").text()).isEqualTo("tag:globaltimes.example,2026:feed/ar");
    }

    @Test
    void jsonFeed_titleAndPublisher_inTheFeedsLanguage() throws Exception {
        JsonNode feed = MAPPER.readTree(new JsonFeedRenderer(SETTINGS).render(new FeedPage("es",
                List.of(new FeedEntry(TestArticles.spanishTranslation(), List.of("en"))), null, null, null)));

        assertThat(feed.path("title").asText()).isEqualTo("Tiempos Globales — Español");
        assertThat(feed.at("/authors/0/name").asText()).isEqualTo("Tiempos Globales");
        assertThat(feed.at("/authors/0/url").asText()).isEqualTo("https://globaltimes.example/");
        assertThat(feed.at("/items/0/id").asText()).isEqualTo("tag:tarjim.dev,2026:article/a1b2c3/es");
        JsonFeedRendererTest.assertValidJsonFeed11(feed);
    }

    @Test
    void jsonFeed_languageWithoutItsOwnName_usesTheDefaultName() throws Exception {
        StoredArticle english = new StoredArticle("a1b2c3", "en", "en", "Letter", null, List.of("Text."), null,
                List.of(), Instant.EPOCH, Instant.EPOCH, 1, "incoming/l.md", "h", false, null, false, null);
        JsonNode feed = MAPPER.readTree(new JsonFeedRenderer(SETTINGS).render(new FeedPage("en",
                List.of(new FeedEntry(english, List.of())), null, null, null)));

        assertThat(feed.path("title").asText()).isEqualTo("Global Times — English");
    }

    @Test
    void page_titleAndHeader_nameTheSiteInThePagesLanguage() {
        Document page = Jsoup.parse(new PageRenderer(SETTINGS).article(new FeedEntry(TestArticles.arabicOriginal(),
                List.of())));

        assertThat(page.title()).endsWith(" — غلوبال تايمز");
        assertThat(page.selectFirst("header a").text()).isEqualTo("غلوبال تايمز");
    }

    @Test
    void page_jsonLd_namesThePublisherInThePagesLanguage_andTheOriginalOfATranslation() throws Exception {
        Document arabic = Jsoup.parse(new PageRenderer(SETTINGS).article(new FeedEntry(
                TestArticles.arabicTranslation().withIdAuthority(FIRST), List.of("en"))));
        JsonNode ld = MAPPER.readTree(arabic.selectFirst("script[type=application/ld+json]").data());

        assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.at("/publisher/@type").asText()).isEqualTo("Organization");
        assertThat(ld.at("/publisher/name").asText()).isEqualTo("غلوبال تايمز");
        assertThat(ld.at("/publisher/url").asText()).isEqualTo("https://globaltimes.example/");
        assertThat(ld.path("identifier").asText()).isEqualTo("tag:globaltimes.example,2025:article/a1b2c3/ar");
        assertThat(ld.path("inLanguage").asText()).isEqualTo("ar");
        assertThat(ld.path("headline").asText()).isEqualTo("الرئيس أرسل رسالة");
        assertThat(ld.at("/author/0/name").asText()).isEqualTo("Jane Doe");
        assertThat(ld.at("/translationOfWork/@id").asText())
                .isEqualTo("https://feeds.globaltimes.example/articles/a1b2c3/en#article");
    }

    @Test
    void ninjs_namesThePublisher_andKeepsEachTextsMintedUri() {
        NinjsWriter writer = new NinjsWriter(URI.create(SETTINGS.baseUrl()), BRANDING);
        StoredArticle spanish = TestArticles.spanishTranslation();

        JsonNode legacy = writer.toNinjs(spanish);
        JsonNode minted = writer.toNinjs(spanish.withIdAuthority(NOW));
        JsonNode mintedByDefault = writer.toNinjs(spanish.withIdAuthority(TagAuthority.LEGACY));

        assertThat(legacy.path("copyrightholder").asText()).isEqualTo("Tiempos Globales");
        assertThat(legacy.at("/infosources/0/name").asText()).isEqualTo("Tiempos Globales");
        assertThat(legacy.at("/infosources/0/uri").asText()).isEqualTo("https://globaltimes.example/");
        assertThat(legacy.path("uri").asText()).isEqualTo("urn:tarjim:article:a1b2c3:es");
        assertThat(mintedByDefault.path("uri").asText()).isEqualTo("urn:tarjim:article:a1b2c3:es");
        assertThat(minted.path("uri").asText()).isEqualTo("tag:globaltimes.example,2026:article/a1b2c3/es");
        assertThat(minted.at("/tarjim/sourceuri").asText()).isEqualTo("tag:globaltimes.example,2026:article/a1b2c3/en");
    }
}
