package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The partner API through the handler: cursors, conditional polls, language licences, withdrawals. */
class SyndicationApiTest {
    private static final String KEY_ALL = "partner-key-all-languages-0001";
    private static final String KEY_ES = "partner-key-spanish-only-00002";
    private static final String KEY_NONE = "partner-key-empty-licence-0003";
    private static final String KEY_UNKNOWN = "partner-key-never-registered-4";
    private static ApiStack stack;

    @BeforeAll
    static void start() {
        stack = new ApiStack(Map.of());
        stack.partners.register(KEY_ALL, "wire", List.of("*"));
        stack.partners.register(KEY_ES, "spanish-daily", List.of("es"));
        stack.partners.register(KEY_NONE, "lapsed", List.of());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode json(APIGatewayProxyResponseEvent r) throws Exception {
        return Json.mapper().readTree(r.getBody());
    }

    private static APIGatewayProxyResponseEvent changes(String lang, String cursor, String key, Map<String, String> h) {
        Map<String, String> q = new HashMap<>(Map.of("lang", lang, "limit", "2"));
        if (cursor != null) {
            q.put("cursor", cursor);
        }
        return stack.get("/syndication/v1/changes", q, h, key);
    }

    @Test
    void walkingTheCursor_yieldsEachChangeOnce_thenNothing_thenNewVersionsAndWithdrawals() throws Exception {
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        for (int i = 1; i <= 5; i++) {
            stack.put(String.format("b%015d", i), "en", "en", "Story " + i, t.plusSeconds(i), 1, List.of("Text " + i));
        }
        List<String> uris = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonNode page = json(changes("en", cursor, KEY_ALL, Map.of()));
            page.get("items").forEach(item -> uris.add(item.get("uri").asText() + "@" + item.get("version").asText()));
            cursor = page.get("next_cursor").asText();
            more = page.get("has_more").asBoolean();
        }
        assertThat(uris).hasSize(5).doesNotHaveDuplicates();

        APIGatewayProxyResponseEvent idle = changes("en", cursor, KEY_ALL, Map.of());
        assertThat(json(idle).get("items")).isEmpty();
        APIGatewayProxyResponseEvent idleAgain = changes("en", cursor, KEY_ALL,
                Map.of("If-None-Match", idle.getHeaders().get("ETag")));
        assertThat(idleAgain.getStatusCode()).isEqualTo(304);

        stack.put("b000000000000002", "en", "en", "Story 2, corrected", t.plusSeconds(2), 2, List.of("Text 2b"));
        stack.withdraw("b000000000000003", "en");
        JsonNode next = json(changes("en", cursor, KEY_ALL, Map.of()));
        assertThat(next.get("items")).hasSize(2);
        assertThat(next.at("/items/0/uri").asText()).isEqualTo(uris.get(1).split("@")[0]);
        assertThat(next.at("/items/0/version").asText()).isEqualTo("2");
        assertThat(next.at("/items/1/pubstatus").asText()).isEqualTo("canceled");
    }

    @Test
    void tamperedCursor_is400() throws Exception {
        String cursor = json(changes("en", null, KEY_ALL, Map.of())).get("next_cursor").asText();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        APIGatewayProxyResponseEvent r = changes("en", tampered, KEY_ALL, Map.of());
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isNotBlank();
        assertThat(changes("en", "garbage!", KEY_ALL, Map.of()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void keyLicensedForSpanish_isRefusedEnglish() {
        assertThat(changes("en", null, KEY_ES, Map.of()).getStatusCode()).isEqualTo(403);
        assertThat(changes("es", null, KEY_ES, Map.of()).getStatusCode()).isEqualTo(200);
        assertThat(stack.get("/syndication/v1/articles/b000000000000001", Map.of("lang", "en"), Map.of(), KEY_ES)
                .getStatusCode()).isEqualTo(403);
    }

    @Test
    void licences_denyByDefault_withOneBareAnswerWhateverTheReason() {
        // key x language: only an explicit licence (a listed language, or "*") reads.
        Map<String, Map<String, Integer>> expected = Map.of(
                KEY_ALL, Map.of("en", 200, "es", 200, "ar", 200),
                KEY_ES, Map.of("en", 403, "es", 200, "ar", 403),
                KEY_NONE, Map.of("en", 403, "es", 403, "ar", 403),
                KEY_UNKNOWN, Map.of("en", 403, "es", 403, "ar", 403));
        List<APIGatewayProxyResponseEvent> refusals = new ArrayList<>();
        expected.forEach((key, byLang) -> byLang.forEach((lang, status) -> {
            APIGatewayProxyResponseEvent r = changes(lang, null, key, Map.of());
            assertThat(r.getStatusCode()).as(key + " reading " + lang).isEqualTo(status);
            if (status == 403) {
                refusals.add(r);
            }
        }));
        refusals.add(changes("en", null, null, Map.of()));
        refusals.add(changes("en", null, "", Map.of()));
        refusals.add(stack.get("/syndication/v1/ninjs-schema.json", Map.of(), Map.of(), KEY_NONE));
        refusals.add(stack.get("/syndication/v1/articles/b000000000000001", Map.of("lang", "en"), Map.of(), KEY_ES));
        // No oracle: every refusal is the same bare 403, whether the key is unknown, unlicensed or for another language.
        for (APIGatewayProxyResponseEvent r : refusals) {
            assertThat(r.getStatusCode()).isEqualTo(403);
            assertThat(r.getBody()).isEmpty();
            assertThat(r.getHeaders()).isEqualTo(refusals.get(0).getHeaders());
        }
    }

    @Test
    void changesEtag_isQuotedOnce_andMatchesWeakAndListedForms() {
        String etag = changes("es", null, KEY_ALL, Map.of()).getHeaders().get("ETag");

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(changes("es", null, KEY_ALL, Map.of("If-None-Match", etag)).getStatusCode()).isEqualTo(304);
        assertThat(changes("es", null, KEY_ALL, Map.of("If-None-Match", "\"other\", W/" + etag)).getStatusCode())
                .isEqualTo(304);
        assertThat(changes("es", null, KEY_ALL, Map.of("If-None-Match", "\"other\"")).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void oneArticle_currentVersion_or404() throws Exception {
        stack.put("c000000000000001", "en", "en", "Single", Instant.parse("2026-11-22T10:00:00Z"), 1, List.of("One."));
        APIGatewayProxyResponseEvent r = stack.get("/syndication/v1/articles/c000000000000001", Map.of("lang", "en"),
                Map.of(), KEY_ALL);
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(json(r).get("pubstatus").asText()).isEqualTo("usable");
        assertThat(stack.get("/syndication/v1/articles/c000000000000009", Map.of("lang", "en"), Map.of(), KEY_ALL)
                .getStatusCode()).isEqualTo(404);
    }
}
