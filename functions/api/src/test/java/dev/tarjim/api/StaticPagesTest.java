package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds, front pages and sitemaps served like static files: each version rendered once, kept compressed in the table
 * for every instance, and served in the coding the client accepts. Over real dynalite and real proxy events.
 */
class StaticPagesTest {
    private static ApiStack stack;
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeAll
    static void start() {
        stack = new ApiStack(Map.of());
        Brotli4jLoader.ensureAvailability();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static APIGatewayProxyResponseEvent get(String path, Map<String, String> headers) {
        return stack.get(path, Map.of(), headers, null);
    }

    /** The page a response carries, decoded from its coding as a browser would. */
    private static String decoded(APIGatewayProxyResponseEvent r) throws Exception {
        String coding = r.getHeaders().get("Content-Encoding");
        if (coding == null) {
            assertThat(r.getIsBase64Encoded()).isFalse();
            return r.getBody();
        }
        assertThat(r.getIsBase64Encoded()).isTrue();
        byte[] bytes = Base64.getDecoder().decode(r.getBody());
        byte[] plain = switch (coding) {
            case "gzip" -> PageCache.gunzip(bytes);
            case "br" -> DirectDecompress.decompress(bytes).getDecompressedData();
            default -> throw new AssertionError("unexpected coding " + coding);
        };
        return new String(plain, StandardCharsets.UTF_8);
    }

    @Test
    void aFeedIsRenderedOnce_thenServedFromMemory_andByAnotherInstanceFromTheTable() throws Exception {
        stack.put("b000000000000001", "de", "de", "Erste Nachricht", T0, 1, List.of("Der erste Absatz."));
        long renders = stack.routes.pages().renders();
        APIGatewayProxyResponseEvent first = get("/feeds/de/atom.xml", Map.of());
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getBody()).contains("Erste Nachricht");
        assertThat(stack.routes.pages().renders()).isEqualTo(renders + 1);

        stack.requests.set(0);
        APIGatewayProxyResponseEvent again = get("/feeds/de/atom.xml", Map.of());
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().get("ETag")).isEqualTo(first.getHeaders().get("ETag"));
        assertThat(stack.routes.pages().renders()).isEqualTo(renders + 1);
        assertThat(stack.requests.get()).as("the version item alone").isEqualTo(1);

        Routes other = stack.newRoutes();
        stack.requests.set(0);
        APIGatewayProxyResponseEvent elsewhere = stack.get(new ApiHandler(other), "/feeds/de/atom.xml", Map.of());
        assertThat(elsewhere.getBody()).isEqualTo(first.getBody());
        assertThat(other.pages().renders()).isZero();
        assertThat(other.pages().storeHits()).isEqualTo(1);
        assertThat(stack.requests.get()).as("the version item and the kept page").isEqualTo(2);
    }

    @Test
    void gzipAndBrotli_whenAsked_decodeToTheSamePage_eachWithItsOwnTag() throws Exception {
        stack.put("b000000000000002", "it", "it", "La prima notizia", T0, 1, List.of("Il primo paragrafo."));
        APIGatewayProxyResponseEvent plain = get("/feeds/it/rss.xml", Map.of());
        String tag = plain.getHeaders().get("ETag");
        assertThat(plain.getHeaders()).doesNotContainKey("Content-Encoding");
        assertThat(plain.getHeaders().get("Vary")).isEqualTo("Accept-Encoding");

        APIGatewayProxyResponseEvent gz = get("/feeds/it/rss.xml", Map.of("Accept-Encoding", "gzip"));
        assertThat(gz.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(decoded(gz)).isEqualTo(plain.getBody());
        assertThat(gz.getHeaders().get("ETag")).isEqualTo(tag.replaceAll("\"$", "-gzip\""));
        assertThat(gz.getHeaders().get("Content-Type")).isEqualTo(plain.getHeaders().get("Content-Type"));

        APIGatewayProxyResponseEvent br = get("/feeds/it/rss.xml", Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertThat(br.getHeaders().get("Content-Encoding")).isEqualTo("br");
        assertThat(decoded(br)).isEqualTo(plain.getBody());
        assertThat(br.getHeaders().get("ETag")).isEqualTo(tag.replaceAll("\"$", "-br\""));
        assertThat(Base64.getDecoder().decode(br.getBody()).length)
                .isLessThan(plain.getBody().getBytes(StandardCharsets.UTF_8).length);

        assertThat(get("/feeds/it/rss.xml", Map.of("Accept-Encoding", "br;q=0, gzip")).getHeaders()
                .get("Content-Encoding")).isEqualTo("gzip");
        assertThat(get("/feeds/it/rss.xml", Map.of("Accept-Encoding", "identity")).getHeaders())
                .doesNotContainKey("Content-Encoding");

        // Any coding's tag names the version: the 304 carries the tag of the copy the client holds.
        APIGatewayProxyResponseEvent notModified = get("/feeds/it/rss.xml",
                Map.of("Accept-Encoding", "gzip", "If-None-Match", br.getHeaders().get("ETag")));
        assertThat(notModified.getStatusCode()).isEqualTo(304);
        assertThat(notModified.getHeaders().get("ETag")).isEqualTo(br.getHeaders().get("ETag"));
        assertThat(notModified.getHeaders().get("Vary")).isEqualTo("Accept-Encoding");
    }

    @Test
    void aChange_isRenderedAgain_underANewTag() throws Exception {
        stack.put("b000000000000003", "nl", "nl", "Eerste bericht", T0, 1, List.of("De eerste alinea."));
        APIGatewayProxyResponseEvent before = get("/nl/", Map.of("Accept-Encoding", "gzip"));
        assertThat(decoded(before)).contains("Eerste bericht").doesNotContain("Tweede bericht");
        long renders = stack.routes.pages().renders();

        stack.put("b000000000000004", "nl", "nl", "Tweede bericht", T0.plusSeconds(60), 1, List.of("Nog een."));
        APIGatewayProxyResponseEvent after = get("/nl/", Map.of("Accept-Encoding", "gzip"));
        assertThat(decoded(after)).contains("Eerste bericht").contains("Tweede bericht");
        assertThat(after.getHeaders().get("ETag")).isNotEqualTo(before.getHeaders().get("ETag"));
        assertThat(stack.routes.pages().renders()).isEqualTo(renders + 1);
    }

    @Test
    void aTranslationGoingLive_changesTheFeedOfItsOriginal() throws Exception {
        stack.put("b000000000000005", "pt", "pt", "A primeira notícia", T0, 1, List.of("O primeiro parágrafo."));
        APIGatewayProxyResponseEvent alone = get("/feeds/pt/atom.xml", Map.of());
        assertThat(alone.getBody()).doesNotContain("hreflang=\"gl\"");

        stack.put("b000000000000005", "gl", "pt", "A primeira nova", T0, 1, List.of("O primeiro parágrafo."));
        APIGatewayProxyResponseEvent translated = get("/feeds/pt/atom.xml", Map.of());
        assertThat(translated.getHeaders().get("ETag")).isNotEqualTo(alone.getHeaders().get("ETag"));
        assertThat(translated.getBody()).contains("hreflang=\"gl\"");
    }

    @Test
    void sitemapsAreKeptRenderedToo() throws Exception {
        stack.put("b000000000000006", "sv", "sv", "Första nyheten", T0, 1, List.of("Första stycket."));
        APIGatewayProxyResponseEvent first = get("/sitemaps/sv/2026-11.xml", Map.of("Accept-Encoding", "br"));
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(decoded(first)).contains("/articles/b000000000000006/sv");
        long renders = stack.routes.pages().renders();
        APIGatewayProxyResponseEvent again = get("/sitemaps/sv/2026-11.xml", Map.of());
        assertThat(again.getBody()).isEqualTo(decoded(first));
        assertThat(stack.routes.pages().renders()).isEqualTo(renders);
    }
}
