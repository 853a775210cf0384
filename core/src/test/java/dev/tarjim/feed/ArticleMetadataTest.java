package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The JSON-LD and OpenGraph of article pages, read back from the rendered page as a search engine would. */
class ArticleMetadataTest {
    private static final String BASE = "http://127.0.0.1:3000/articles/" + TestArticles.RICH_ID + "/";
    private final PageRenderer pages = new PageRenderer(SETTINGS);

    @Test
    void original_isANewsArticleListingItsTranslations() throws Exception {
        Document page = Jsoup.parse(pages.article(new FeedEntry(TestArticles.richEnglish(), List.of("ar", "es"))));
        JsonNode ld = jsonLd(page);

        assertThat(ld.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("@id").asText()).isEqualTo(BASE + "en#article");
        assertThat(ld.get("url").asText()).isEqualTo(BASE + "en");
        assertThat(ld.get("headline").asText()).isEqualTo("Leaders meet for a historic summit");
        assertThat(ld.get("inLanguage").asText()).isEqualTo("en");
        assertThat(ld.get("datePublished").asText()).isEqualTo("2026-03-01T08:30:00Z");
        assertThat(ld.get("dateModified").asText()).isEqualTo("2026-03-01T09:15:00Z");
        assertThat(ld.get("image").get(0).asText()).isEqualTo(TestArticles.LEAD_SRC);
        assertThat(ld.get("author").get(0).get("name").asText()).isEqualTo("Jane Doe");
        assertThat(ld.get("publisher").get("@type").asText()).isEqualTo("Organization");
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("Tarjim");
        assertThat(ld.has("translationOfWork")).isFalse();
        assertThat(ld.get("workTranslation").findValuesAsText("@id"))
                .containsExactly(BASE + "ar#article", BASE + "es#article");
        assertThat(ld.get("workTranslation").findValuesAsText("inLanguage")).containsExactly("ar", "es");

        assertThat(og(page, "og:type")).isEqualTo("article");
        assertThat(og(page, "og:url")).isEqualTo(BASE + "en");
        assertThat(og(page, "og:locale")).isEqualTo("en_US");
        assertThat(page.select("meta[property=og:locale:alternate]").eachAttr("content"))
                .containsExactly("ar_AR", "es_ES");
        assertThat(og(page, "og:image")).isEqualTo(TestArticles.LEAD_SRC);
        assertThat(og(page, "og:image:width")).isEqualTo("1600");
        assertThat(page.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo(BASE + "en");
    }

    @Test
    void machineTranslation_pointsToItsOriginal_andNamesTheEngineAsTranslator() throws Exception {
        JsonNode ld = jsonLd(Jsoup.parse(pages.article(
                new FeedEntry(TestArticles.richSpanishTranslation(), List.of("en")))));

        assertThat(ld.get("inLanguage").asText()).isEqualTo("es");
        assertThat(ld.get("translationOfWork").get("@id").asText()).isEqualTo(BASE + "en#article");
        assertThat(ld.get("translationOfWork").get("inLanguage").asText()).isEqualTo("en");
        assertThat(ld.get("translator").get("@type").asText()).isEqualTo("Organization");
        assertThat(ld.get("translator").get("name").asText()).isEqualTo("apertium 3.8");
        assertThat(ld.has("workTranslation")).isFalse();
    }

    @Test
    void reviewedTranslation_namesTheReviewingEditor() throws Exception {
        StoredArticle es = TestArticles.richSpanishTranslation();
        StoredArticle reviewed = new StoredArticle(es.id(), es.language(), es.sourceLanguage(), es.title(),
                es.summary(), es.blocks(), es.author(), es.tags(), es.published(), es.updated(), es.revision(),
                es.sourceKey(), es.contentHash(), false, null, false, es.slug(), es.canonicalUrl(), es.leadImage(),
                new StoredArticle.Review("Ana García", es.updated(), 1, List.of(), false), null, List.of());

        JsonNode ld = jsonLd(Jsoup.parse(pages.article(new FeedEntry(reviewed, List.of("en")))));

        assertThat(ld.get("translator").get("@type").asText()).isEqualTo("Person");
        assertThat(ld.get("translator").get("name").asText()).isEqualTo("Ana García");
    }

    @Test
    void hostileText_cannotCloseTheScriptElement() throws Exception {
        StoredArticle hostile = TestArticles.hostile("en");
        String html = pages.article(new FeedEntry(hostile, List.of()));
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).hasSize(1);
        String data = page.selectFirst("script").data();
        assertThat(data).doesNotContain("<");
        assertThat(Json.mapper().readTree(data).get("headline").asText()).isEqualTo(EntryHtml.title(hostile));
    }

    private static JsonNode jsonLd(Document page) throws Exception {
        assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
        return Json.mapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
    }

    private static String og(Document page, String property) {
        return page.selectFirst("meta[property=" + property + "]").attr("content");
    }
}
