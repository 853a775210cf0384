package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.support.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's routes over dynalite: the page is public and empty, its data is for editors, ordered and filtered. */
class EditorDeskTest {
    private static ApiStack stack;

    @BeforeAll
    static void start() {
        stack = new ApiStack(Map.of());
        Instant t = Instant.parse("2026-11-20T08:00:00Z");
        stack.put("aaaaaaaaaaaaaaa1", "en", "en", "Oldest, fine", t, 1, List.of("One."));
        failed("fffffffffffffff1", "incoming/scan.pdf");
        stack.put("aaaaaaaaaaaaaaa2", "en", "en", "Newest, Spanish", t, 1, List.of("Two.", "Three."));
        stack.put("aaaaaaaaaaaaaaa2", "es", "en", "Más nuevo", t, 1, List.of("Dos.", "Tres."));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static void failed(String id, String key) {
        String lease = stack.store.acquireLease(id, Duration.ofMinutes(1), Duration.ofSeconds(5));
        stack.store.putState(new ArticleState(id, key, "0".repeat(40), UploadStatus.FAILED, 0, null, null, null,
                "none", List.of("This is a PDF document, not an article"), Map.of(), List.of(), Instant.now()), lease);
        stack.store.releaseLease(id, lease);
    }

    private static JsonNode json(APIGatewayProxyResponseEvent r) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return Json.mapper().readTree(r.getBody());
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("uploads").forEach(u -> ids.add(u.get("articleId").asText()));
        return ids;
    }

    @Test
    void page_isPublicWithoutData_andItsPolicyRunsOnlyItsOwnScript() {
        APIGatewayProxyResponseEvent page = stack.get("/editor/", Map.of(), Map.of(), null);
        APIGatewayProxyResponseEvent script = stack.get("/editor/app.js", Map.of(), Map.of(), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<script src=\"app.js\"").doesNotContain("Oldest", "aaaaaaaaaaaaaaa1");
        assertThat(page.getHeaders().get("Content-Security-Policy")).contains("default-src 'none'",
                "script-src 'self'", "connect-src 'self'", "form-action 'self'").doesNotContain("unsafe");
        assertThat(script.getHeaders().get("Content-Type")).startsWith("text/javascript");
        assertThat(stack.get("/editor", Map.of(), Map.of(), null).getHeaders().get("Location"))
                .isEqualTo("http://127.0.0.1:3000/editor/");
    }

    @Test
    void api_withoutAnEditor_is401_andSaysNothing() {
        for (String path : List.of("/editor/api/uploads", "/editor/api/uploads/aaaaaaaaaaaaaaa1",
                "/editor/api/review/aaaaaaaaaaaaaaa2/es", "/editor/api/upload-form")) {
            APIGatewayProxyResponseEvent r = stack.get(path, Map.of(), Map.of(), null);
            assertThat(r.getStatusCode()).as(path).isEqualTo(401);
            assertThat(r.getBody()).doesNotContain("Oldest", "incoming/");
        }
    }

    @Test
    void uploads_failuresFirst_thenNewestFirst_withLanguagesAndLinks() throws Exception {
        JsonNode list = json(stack.getAsEditor("/editor/api/uploads", "editor-sub"));

        assertThat(ids(list)).containsExactly("fffffffffffffff1", "aaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaa1");
        assertThat(list.get("editor").asText()).isEqualTo("editor-sub");
        JsonNode newest = list.get("uploads").get(1);
        assertThat(newest.get("attention").asBoolean()).isFalse();
        assertThat(newest.get("languages").get("es").get("status").asText()).isEqualTo("translated");
        assertThat(newest.get("pages").get("es").asText())
                .isEqualTo("http://127.0.0.1:3000/articles/aaaaaaaaaaaaaaa2/es");
        assertThat(newest.get("report").asText()).isEqualTo("/editor/api/uploads/aaaaaaaaaaaaaaa2");
        assertThat(list.get("uploads").get(0).get("attention").asBoolean()).isTrue();
        assertThat(list.get("languages").toString()).isEqualTo("[\"en\",\"es\"]");
    }

    @Test
    void uploads_filteredByStatusAndLanguage() throws Exception {
        assertThat(ids(json(stack.call("GET", "/editor/api/uploads", Map.of("status", "failed"), Map.of(), null,
                "e")))).containsExactly("fffffffffffffff1");
        assertThat(ids(json(stack.call("GET", "/editor/api/uploads", Map.of("lang", "es"), Map.of(), null,
                "e")))).containsExactly("aaaaaaaaaaaaaaa2");
        assertThat(ids(json(stack.call("GET", "/editor/api/uploads", Map.of("status", "original"), Map.of(), null,
                "e")))).containsExactly("aaaaaaaaaaaaaaa2", "aaaaaaaaaaaaaaa1");
        assertThat(ids(json(stack.call("GET", "/editor/api/uploads", Map.of("status", "original", "lang", "es"),
                Map.of(), null, "e")))).isEmpty();
        assertThat(ids(json(stack.call("GET", "/editor/api/uploads", Map.of("limit", "1"), Map.of(), null,
                "e")))).containsExactly("fffffffffffffff1");
    }

    @Test
    void review_putsTheTranslationsBlocksBesideTheSources() throws Exception {
        JsonNode review = json(stack.getAsEditor("/editor/api/review/aaaaaaaaaaaaaaa2/es", "e"));

        assertThat(review.get("key").asText()).isEqualTo("incoming/reviews/aaaaaaaaaaaaaaa2.es.md");
        assertThat(review.get("source").get("blocks").findValuesAsText("markdown")).containsExactly("Two.", "Three.");
        assertThat(review.get("translation").get("blocks").findValuesAsText("markdown"))
                .containsExactly("Dos.", "Tres.");
        assertThat(review.get("machine").asBoolean()).isTrue();
        assertThat(stack.getAsEditor("/editor/api/review/aaaaaaaaaaaaaaa2/en", "e").getStatusCode()).isEqualTo(404);
        assertThat(stack.getAsEditor("/editor/api/upload-form", "e").getStatusCode()).isEqualTo(503);
    }

    @Test
    void needsAttention_failedOrNeedsReviewLanguages() {
        LanguageStatus needsReview = new LanguageStatus(TranslationStatus.NEEDS_REVIEW, 2, null, null, 0, null);
        ArticleState s = new ArticleState("a", "k", "0", UploadStatus.STORED, 2, null, "en", "T", "md", List.of(),
                Map.of("es", needsReview), List.of(), Instant.now());
        assertThat(EditorDesk.needsAttention(s)).isTrue();
        assertThat(EditorDesk.matches(s, "needs-review", "es")).isTrue();
        assertThat(EditorDesk.matches(s, "needs-review", "fr")).isFalse();
        assertThat(EditorDesk.matches(s, "stored", null)).isTrue();
    }
}
