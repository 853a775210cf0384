package dev.tarjim.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.syndication.NinjsWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Machine-translated" or "Reviewed translation" travels with the text in every output, the plain-text ones included:
 * JSON Feed's {@code content_text} and ninjs (its {@code ednote}), not only the HTML of pages and feeds.
 */
class TranslationDeclarationTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static StoredArticle reviewed() {
        StoredArticle mt = TestArticles.spanishTranslation();
        return new StoredArticle(mt.id(), mt.language(), mt.sourceLanguage(), mt.title(), mt.summary(), mt.blocks(),
                mt.author(), mt.tags(), mt.published(), mt.updated(), mt.revision(), mt.sourceKey(),
                mt.contentHash(), false, null, false, mt.slug(), null, null,
                new StoredArticle.Review("Ana García", Instant.parse("2026-11-30T16:20:00Z"), 1, List.of(), false));
    }

    private static JsonNode jsonFeedItem(StoredArticle a) throws Exception {
        return MAPPER.readTree(new JsonFeedRenderer(TestArticles.SETTINGS).render(new FeedPage("es",
                List.of(new FeedEntry(a, List.of("en"))), null, null, null))).at("/items/0");
    }

    @Test
    void jsonFeedText_reviewed_saysReviewedNotMachine() throws Exception {
        JsonNode item = jsonFeedItem(reviewed());

        assertThat(item.path("content_text").asText())
                .startsWith("Reviewed translation from English by Ana García.\n\nEl presidente envió una carta.")
                .doesNotContain("Machine-translated");
        assertThat(item.path("content_html").asText()).contains("Reviewed translation from English by Ana García.");
    }

    @Test
    void jsonFeedText_machine_saysMachineTranslatedByWhichEngine() throws Exception {
        assertThat(jsonFeedItem(TestArticles.spanishTranslation()).path("content_text").asText())
                .startsWith("Machine-translated from English by apertium 3.8.\n\n");
    }

    @Test
    void ninjs_reviewedAndMachine_sayWhichInTheEdnote() {
        NinjsWriter writer = new NinjsWriter(URI.create("https://news.example.org/"));

        assertThat(writer.toNinjs(reviewed()).path("ednote").asText())
                .isEqualTo("Reviewed translation from English by Ana García.");
        assertThat(writer.toNinjs(reviewed()).at("/tarjim/machinetranslated").asBoolean()).isFalse();
        assertThat(writer.toNinjs(TestArticles.spanishTranslation()).path("ednote").asText())
                .isEqualTo("Machine-translated from English by apertium 3.8.");
    }

    @Test
    void original_carriesNoDeclaration() throws Exception {
        StoredArticle original = TestArticles.arabicOriginal();
        JsonNode item = MAPPER.readTree(new JsonFeedRenderer(TestArticles.SETTINGS).render(new FeedPage("ar",
                List.of(new FeedEntry(original, List.of())), null, null, null))).at("/items/0");

        assertThat(item.path("content_text").asText()).doesNotContain("translat");
        assertThat(new NinjsWriter(URI.create("https://news.example.org/")).toNinjs(original).has("ednote")).isFalse();
    }
}
