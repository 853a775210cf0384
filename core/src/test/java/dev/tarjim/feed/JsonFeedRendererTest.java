package dev.tarjim.feed;

import static dev.tarjim.feed.TestArticles.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class JsonFeedRendererTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonFeedRenderer renderer = new JsonFeedRenderer(SETTINGS);

    private JsonNode render(FeedPage page) throws Exception {
        return MAPPER.readTree(renderer.render(page));
    }

    private FeedPage spanishPage(String pageToken, String nextPageToken) {
        return new FeedPage("es", List.of(new FeedEntry(TestArticles.spanishTranslation(), List.of("en", "ar"))),
                null, pageToken, nextPageToken);
    }

    /** The rules of JSON Feed 1.1 that a reader relies on (https://jsonfeed.org/version/1.1). */
    static void assertValidJsonFeed11(JsonNode feed) {
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").isTextual()).isTrue();
        assertThat(feed.path("items").isArray()).isTrue();
        for (JsonNode item : feed.path("items")) {
            assertThat(item.path("id").isTextual()).as("item id is a string").isTrue();
            assertThat(item.has("content_html") || item.has("content_text")).as("item has content").isTrue();
            for (String date : List.of("date_published", "date_modified")) {
                if (item.has(date)) {
                    OffsetDateTime.parse(item.path(date).asText()); // RFC 3339, or this throws
                }
            }
            for (JsonNode author : item.path("authors")) {
                assertThat(author.has("name") || author.has("url")).isTrue();
            }
        }
    }

    @Test
    void render_isValidJsonFeed11WithFeedFields() throws Exception {
        JsonNode feed = render(spanishPage(null, null));

        assertValidJsonFeed11(feed);
        assertThat(feed.path("home_page_url").asText()).isEqualTo("http://127.0.0.1:3000/");
        assertThat(feed.path("feed_url").asText()).isEqualTo("http://127.0.0.1:3000/feeds/es/feed.json");
        assertThat(feed.path("language").asText()).isEqualTo("es");
        assertThat(feed.has("next_url")).isFalse();
    }

    @Test
    void render_item_carriesIdUrlContentDatesTagsAndLanguage() throws Exception {
        JsonNode item = render(spanishPage(null, null)).path("items").get(0);

        assertThat(item.path("id").asText()).isEqualTo("tag:tarjim.dev,2026:article/a1b2c3/es");
        assertThat(item.path("url").asText()).isEqualTo("http://127.0.0.1:3000/articles/a1b2c3/es");
        assertThat(item.path("title").asText()).isEqualTo("El presidente envió una carta");
        assertThat(item.path("summary").asText()).isEqualTo("El presidente envió una carta.");
        assertThat(item.path("date_published").asText()).isEqualTo("2026-02-27T10:00:00Z");
        assertThat(item.path("date_modified").asText()).isEqualTo("2026-02-28T11:00:00Z");
        assertThat(item.path("tags").get(0).asText()).isEqualTo("politics");
        assertThat(item.path("language").asText()).isEqualTo("es");
        assertThat(item.has("authors")).as("no byline, no authors").isFalse();
        assertThat(Jsoup.parseBodyFragment(item.path("content_html").asText()).select("p").eachText())
                .contains("El presidente envió una carta.", "Fue leída ayer.");
    }

    @Test
    void render_item_tarjimExtensionNamesSourceEngineRevisionAndAlternates() throws Exception {
        JsonNode extension = render(spanishPage(null, null)).path("items").get(0).path("_tarjim");

        assertThat(extension.path("source_language").asText()).isEqualTo("en");
        assertThat(extension.path("engine").asText()).isEqualTo("apertium 3.8");
        assertThat(extension.path("revision").asLong()).isEqualTo(1);
        assertThat(extension.path("machine_translated").asBoolean()).isTrue();
        assertThat(extension.path("alternates").findValuesAsText("lang")).containsExactly("en", "ar");
        assertThat(extension.path("alternates").get(1).path("url").asText())
                .isEqualTo("http://127.0.0.1:3000/articles/a1b2c3/ar");
    }

    @Test
    void render_original_extensionSaysNotMachineTranslated() throws Exception {
        JsonNode item = render(FeedPage.single("ar", List.of(FeedEntry.of(TestArticles.arabicOriginal())), null))
                .path("items").get(0);

        assertThat(item.path("_tarjim").path("machine_translated").asBoolean()).isFalse();
        assertThat(item.path("_tarjim").has("engine")).isFalse();
        assertThat(item.path("authors").get(0).path("name").asText()).isEqualTo("شؤون صينية");
        assertThat(Jsoup.parseBodyFragment(item.path("content_html").asText()).select(".tarjim-mt-note")).isEmpty();
    }

    @Test
    void render_olderPage_hasNextUrlAndSelfWithToken() throws Exception {
        JsonNode feed = render(spanishPage("2026-03-01T00:00:00Z#x", "2026-02-01T00:00:00Z#y"));

        assertValidJsonFeed11(feed);
        assertThat(feed.path("feed_url").asText())
                .isEqualTo("http://127.0.0.1:3000/feeds/es/feed.json?before=2026-03-01T00%3A00%3A00Z%23x");
        assertThat(feed.path("next_url").asText())
                .isEqualTo("http://127.0.0.1:3000/feeds/es/feed.json?before=2026-02-01T00%3A00%3A00Z%23y");
    }

    @Test
    void render_spanishPage_matchesGolden() throws Exception {
        String actual = renderer.render(spanishPage(null, "older"));
        java.nio.file.Path golden = java.nio.file.Path.of(System.getProperty("tarjim.root", ".."),
                "core/src/test/resources/feed/jsonfeed-es.json");
        if (Boolean.getBoolean("tarjim.updateGoldens")) {
            java.nio.file.Files.writeString(golden,
                    MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(actual)) + "\n");
        }

        assertThat(MAPPER.readTree(actual)).isEqualTo(MAPPER.readTree(java.nio.file.Files.readString(golden)));
    }

    @Test
    void render_emptyFeed_stillHasItemsArray() throws Exception {
        JsonNode feed = render(FeedPage.single("fr", List.of(), null));

        assertValidJsonFeed11(feed);
        assertThat(feed.path("items")).isEmpty();
    }
}
