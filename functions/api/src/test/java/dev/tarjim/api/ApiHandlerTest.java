package dev.tarjim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import dev.tarjim.support.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API handler over real dynalite, called with real API Gateway proxy events. */
class ApiHandlerTest {
    private static ApiStack stack;
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeAll
    static void start() {
        stack = new ApiStack(Map.of("FEED_PAGE_SIZE", "2"));
        stack.put("a000000000000001", "ar", "ar", "الخبر الأول", T0, 1, List.of("فقرة أولى.", "فقرة ثانية."));
        stack.put("a000000000000002", "ar", "ar", "الخبر الثاني", T0.plusSeconds(60), 1, List.of("نص الخبر الثاني."));
        stack.put("a000000000000003", "ar", "ar", "الخبر الثالث", T0.plusSeconds(120), 1, List.of("نص الخبر الثالث."));
        stack.put("a000000000000004", "ar", "ar", "خبر سحب", T0.plusSeconds(180), 1, List.of("سيسحب."));
        stack.withdraw("a000000000000004", "ar");
        stack.put("e000000000000001", "en", "en", "The president sent a letter", T0, 1,
                List.of("The president sent a letter."));
        stack.put("e000000000000001", "es", "en", "El presidente envió una carta", T0, 1,
                List.of("El presidente envió una carta."));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static APIGatewayProxyResponseEvent get(String path) {
        return stack.get(path, Map.of(), Map.of(), null);
    }

    @Test
    void atomFeed_pagesThroughEveryLiveEntryOnce_newestFirst() throws Exception {
        List<String> ids = new ArrayList<>();
        String url = "/feeds/ar/atom.xml";
        Map<String, String> query = Map.of();
        for (int pages = 0; url != null; pages++) {
            APIGatewayProxyResponseEvent r = stack.get(url, query, Map.of(), null);
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(r.getHeaders().get("Content-Type")).startsWith("application/atom+xml");
            assertThat(r.getBody()).contains("xml:lang=\"ar\"");
            Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.getBody()));
            assertThat(feed.getEntries().size()).isLessThanOrEqualTo(2);
            for (Entry e : feed.getEntries()) {
                ids.add(e.getId());
            }
            Link next = feed.getOtherLinks().stream().filter(l -> "next".equals(l.getRel())).findFirst().orElse(null);
            url = null;
            if (next != null) {
                java.net.URI u = java.net.URI.create(next.getHref());
                url = u.getPath();
                String before = java.net.URLDecoder.decode(u.getRawQuery().substring("before=".length()),
                        java.nio.charset.StandardCharsets.UTF_8);
                query = Map.of("before", before);
            }
            assertThat(pages).isLessThan(5);
        }
        assertThat(ids).containsExactly(
                "tag:tarjim.dev,2026:article/a000000000000003/ar",
                "tag:tarjim.dev,2026:article/a000000000000002/ar",
                "tag:tarjim.dev,2026:article/a000000000000001/ar");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }

    @Test
    void conditionalGet_answers304_fromOneSmallRead() {
        APIGatewayProxyResponseEvent first = get("/feeds/ar/rss.xml");
        String etag = first.getHeaders().get("ETag");
        String lastModified = first.getHeaders().get("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(first.getHeaders().get("Cache-Control")).contains("max-age=");

        stack.requests.set(0);
        APIGatewayProxyResponseEvent again = stack.get("/feeds/ar/rss.xml", Map.of(), Map.of("If-None-Match", etag), null);
        assertThat(again.getStatusCode()).isEqualTo(304);
        assertThat(again.getBody()).isEmpty();
        assertThat(stack.requests.get()).isEqualTo(1);

        stack.requests.set(0);
        APIGatewayProxyResponseEvent since = stack.get("/feeds/ar/rss.xml", Map.of(),
                Map.of("If-Modified-Since", lastModified), null);
        assertThat(since.getStatusCode()).isEqualTo(304);
        assertThat(stack.requests.get()).isEqualTo(1);

        APIGatewayProxyResponseEvent stale = stack.get("/feeds/ar/rss.xml", Map.of(),
                Map.of("If-None-Match", "\"ar-rss-v0\""), null);
        assertThat(stale.getStatusCode()).isEqualTo(200);
    }

    @Test
    void fullFeed_readsAlternatesInOneBatch_notPerEntry() {
        stack.requests.set(0);
        APIGatewayProxyResponseEvent r = stack.get("/feeds/ar/atom.xml", Map.of(), Map.of("If-None-Match", "\"x\""), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        // Rendered: the version item, the kept page (none yet, or an older version), one feed-index query (and its
        // one-item look-ahead), one batch of states, keeping the page. Already rendered: the version item alone.
        assertThat(stack.requests.get()).isLessThanOrEqualTo(6);
    }

    @Test
    void feedJustChanged_isServedWithoutValidators_untilTheIndexHasSettled() {
        stack.put("f000000000000001", "fr", "fr", "Le président a envoyé une lettre", Instant.now(), 1,
                List.of("Le président a envoyé une lettre."));
        APIGatewayProxyResponseEvent r = get("/feeds/fr/rss.xml");
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).doesNotContainKeys("ETag", "Last-Modified");
        assertThat(r.getHeaders().get("Cache-Control")).isEqualTo("no-cache");
        assertThat(stack.get("/feeds/fr/rss.xml", Map.of(), Map.of("If-None-Match", "*"), null).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void rssFeed_ofTranslation_linksAlternates() throws Exception {
        APIGatewayProxyResponseEvent r = get("/feeds/es/rss.xml");
        assertThat(r.getStatusCode()).isEqualTo(200);
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(r.getBody()));
        assertThat(channel.getLanguage()).isEqualTo("es");
        assertThat(channel.getItems()).hasSize(1);
        assertThat(r.getBody()).contains("hreflang=\"en\"").contains("apertium");
    }

    @Test
    void jsonFeed_isVersion11_withTarjimExtension() throws Exception {
        APIGatewayProxyResponseEvent r = get("/feeds/es/feed.json");
        JsonNode feed = Json.mapper().readTree(r.getBody());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("items")).hasSize(1);
        assertThat(feed.at("/items/0/_tarjim/source_language").asText()).isEqualTo("en");
    }

    @Test
    void articlePage_isRightToLeft_andWithdrawnIsGone() {
        APIGatewayProxyResponseEvent r = get("/articles/a000000000000001/ar");
        assertThat(r.getStatusCode()).isEqualTo(200);
        Document page = Jsoup.parse(r.getBody());
        assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ar");
        assertThat(get("/articles/a000000000000004/ar").getStatusCode()).isEqualTo(410);
    }

    @Test
    void indexPage_autodiscoversEveryFeed() {
        Document page = Jsoup.parse(get("/").getBody());
        Set<String> types = new HashSet<>();
        page.select("link[rel=alternate]").forEach(l -> types.add(l.attr("type")));
        assertThat(types).contains("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(page.select("link[rel=alternate][href$=/feeds/ar/atom.xml]")).hasSize(1);
    }

    @Test
    void errors_areJson_withTheirStatus() throws Exception {
        APIGatewayProxyResponseEvent unknownLang = get("/feeds/xx/rss.xml");
        assertThat(unknownLang.getStatusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(unknownLang.getBody()).get("error").asText()).contains("xx");
        assertThat(get("/nowhere").getStatusCode()).isEqualTo(404);
        assertThat(get("/feeds/ar/feed.txt").getStatusCode()).isEqualTo(404);
        APIGatewayProxyResponseEvent post = stack.call("POST", "/feeds/ar/rss.xml", Map.of(), Map.of(), null);
        assertThat(post.getStatusCode()).isEqualTo(405);
        assertThat(post.getHeaders().get("Allow")).contains("GET");
    }

    @Test
    void status_withoutEditorClaims_is401_withNothingOfTheReport() throws Exception {
        APIGatewayProxyResponseEvent anonymous = get("/articles/a000000000000001/status");

        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(anonymous.getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.getBody()).doesNotContain("incoming/", "uploadKey", "الخبر");
        APIGatewayProxyResponseEvent editor = stack.getAsEditor("/articles/a000000000000001/status", "editor-1");
        assertThat(editor.getStatusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(editor.getBody()).get("uploadKey").asText())
                .isEqualTo("incoming/a000000000000001.md");
    }

    @Test
    void lastModified_isAnImfFixdate_andEveryHttpDateFormIsRead() {
        APIGatewayProxyResponseEvent first = get("/feeds/ar/rss.xml");
        String lastModified = first.getHeaders().get("Last-Modified");

        // Two-digit day, GMT: RFC 9110's IMF-fixdate (RFC_1123_DATE_TIME would write "Thu, 1 ...").
        assertThat(lastModified).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4}"
                + " \\d{2}:\\d{2}:\\d{2} GMT");
        Instant modified = java.time.ZonedDateTime.parse(lastModified,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        String rfc850 = java.time.format.DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
                java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC).format(modified);
        String asctime = java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
                java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC).format(modified);
        for (String since : List.of(lastModified, rfc850, asctime)) {
            assertThat(stack.get("/feeds/ar/rss.xml", Map.of(), Map.of("If-Modified-Since", since), null)
                    .getStatusCode()).as(since).isEqualTo(304);
        }
        String before = HttpDates.format(modified.minusSeconds(1));
        assertThat(stack.get("/feeds/ar/rss.xml", Map.of(), Map.of("If-Modified-Since", before), null)
                .getStatusCode()).isEqualTo(200);
    }

    @Test
    void everyResponse_isNosniff_andPagesHaveAStrictCsp_matchingTheirStylesheet() throws Exception {
        for (String path : List.of("/feeds/ar/rss.xml", "/feeds/ar/feed.json", "/nowhere", "/",
                "/articles/a000000000000001/ar", "/articles/a000000000000001/status")) {
            assertThat(get(path).getHeaders().get("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        APIGatewayProxyResponseEvent page = get("/articles/a000000000000001/ar");
        String csp = page.getHeaders().get("Content-Security-Policy");
        assertThat(csp).startsWith("default-src 'none'").doesNotContain("unsafe-inline", "script-src");
        Document html = Jsoup.parse(page.getBody());
        // Structured data only: a JSON-LD block is never executed, and the policy allows no script anyway.
        assertThat(html.select("script").eachAttr("type")).containsOnly("application/ld+json");
        String style = html.selectFirst("style").data();
        String hash = java.util.Base64.getEncoder().encodeToString(
                dev.tarjim.support.Hashes.sha256(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "'");
        assertThat(get("/feeds/ar/rss.xml").getHeaders()).doesNotContainKey("Content-Security-Policy");
    }

    @Test
    void forgedHost_neverReachesLinks() {
        Map<String, String> forged = Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "http");
        for (String path : List.of("/feeds/ar/atom.xml", "/feeds/ar/rss.xml", "/", "/articles/a000000000000001/ar")) {
            APIGatewayProxyResponseEvent r = stack.get(path, Map.of(), forged, null);
            assertThat(r.getBody()).as(path).doesNotContain("evil.example").contains("http://127.0.0.1:3000/");
        }
    }

    @Test
    void withoutPublicBaseUrl_linksComeFromTheRequestContextDomain_notTheHostHeader() {
        try (ApiStack bare = new ApiStack(Map.of("PUBLIC_BASE_URL", ""))) {
            bare.put("a000000000000001", "ar", "ar", "الخبر الأول", T0, 1, List.of("فقرة أولى."));

            APIGatewayProxyResponseEvent r = bare.get("/feeds/ar/atom.xml", Map.of(),
                    Map.of("Host", "evil.example"), null);

            assertThat(r.getBody()).doesNotContain("evil.example")
                    .contains("https://abcdef1234.execute-api.us-east-1.amazonaws.com/prod/articles/");
        }
    }
}
