package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.SitemapSchemas;
import dev.tarjim.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Search engines' view of the local stack, over real HTTP through the local gateway: articles uploaded to the local
 * S3 (an English one machine-translated into Spanish and Catalan by Apertium, an old one, a Chinese one,
 * an embargoed one and a deleted one) are found from {@code /robots.txt} through the sitemap index to every sitemap
 * it lists; each passes the sitemaps.org, Google News and XHTML schemas, lists every live translation as an
 * alternate, and never names the embargoed or withdrawn article.
 */
class LocalStackSitemapTest {
    private static final String BUCKET = "tarjim-articles";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static S3Client s3;
    private static String fresh;
    private static String old;
    private static String chinese;
    private static String embargoed;
    private static String withdrawn;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Apy.installed(), "Apertium APy with English–Spanish is not installed: no translations to link");
        stack = TestStacks.start(data, true, Map.of("TARGET_LANGUAGES", "es,ca"));
        s3 = LocalStackTest.s3(stack);

        fresh = stored("incoming/sitemap/fresh.md", article("Harbour strike ends", "lang: en"));
        old = stored("incoming/sitemap/old.md", article("Harbour opens", "lang: en\npublished: 2025-03-14T10:00:00Z"));
        chinese = stored("incoming/sitemap/zh.md", ("---\ntitle: 港口罢工结束\nlang: zh\n---\n\n"
                + "码头工人周一结束了为期三周的罢工，工会表示新合同将工资提高百分之六。\n").getBytes(StandardCharsets.UTF_8));
        JsonNode scheduled = upload("incoming/sitemap/embargoed.md", article("Budget approved",
                "lang: en\nembargo: " + Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(scheduled.get("status").asText()).as(scheduled.toString()).isEqualTo("scheduled");
        embargoed = scheduled.get("articleId").asText();
        withdrawn = stored("incoming/sitemap/deleted.md", article("Retracted story", "lang: en"));
        s3.deleteObject(b -> b.bucket(BUCKET).key("incoming/sitemap/deleted.md"));
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
        assertThat(report("incoming/sitemap/deleted.md").get("status").asText()).isEqualTo("withdrawn");
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void robotsLeadsToTheIndex_andEverySitemapItListsPassesTheSchemas_withoutEmbargoedOrWithdrawnArticles()
            throws Exception {
        HttpResponse<String> robots = get(stack.gatewayEndpoint() + "/robots.txt", Map.of());
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        String indexUrl = robots.body().lines().filter(l -> l.startsWith("Sitemap: ")).findFirst().orElseThrow()
                .substring("Sitemap: ".length());
        assertThat(indexUrl).isEqualTo(stack.gatewayEndpoint() + "/sitemap.xml");
        assertThat(robots.body()).contains("Disallow: /editor/", "Disallow: /syndication/");

        HttpResponse<String> index = get(indexUrl, Map.of());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).contains("application/xml; charset=utf-8");
        SitemapSchemas.validateIndex(index.body());
        List<String> sitemaps = xml(index.body()).select("sitemap > loc").eachText();
        String month = Instant.now().toString().substring(0, 7);
        String base = stack.gatewayEndpoint() + "/sitemaps/";
        assertThat(sitemaps).contains(base + "en/news.xml", base + "es/news.xml", base + "ca/news.xml",
                base + "zh/news.xml", base + "en/" + month + ".xml", base + "es/" + month + ".xml",
                base + "en/2025-03.xml", base + "es/2025-03.xml");

        List<String> pages = new ArrayList<>();
        for (String sitemap : sitemaps) {
            HttpResponse<String> r = get(sitemap, Map.of());
            assertThat(r.statusCode()).as(sitemap).isEqualTo(200);
            SitemapSchemas.validateUrlset(r.body());
            pages.addAll(xml(r.body()).select("url > loc").eachText());
        }
        assertThat(pages).contains(page(fresh, "en"), page(fresh, "es"), page(fresh, "ca"), page(old, "en"),
                page(old, "es"), page(chinese, "zh"));
        assertThat(pages).noneMatch(p -> p.contains(embargoed)).noneMatch(p -> p.contains(withdrawn));
        for (String p : new java.util.TreeSet<>(pages)) {
            assertThat(get(p, Map.of()).statusCode()).as(p).isEqualTo(200);
        }
    }

    @Test
    void articleSitemap_linksEveryLiveTranslation_andXDefaultToTheOriginal() throws Exception {
        String month = Instant.now().toString().substring(0, 7);
        HttpResponse<String> r = get(stack.gatewayEndpoint() + "/sitemaps/es/" + month + ".xml", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        SitemapSchemas.validateUrlset(r.body());
        Element url = xml(r.body()).select("url").stream()
                .filter(u -> u.selectFirst("loc").text().equals(page(fresh, "es"))).findFirst().orElseThrow();
        Map<String, String> alternates = new TreeMap<>();
        for (Element link : url.getElementsByTag("xhtml:link")) {
            assertThat(link.attr("rel")).isEqualTo("alternate");
            alternates.put(link.attr("hreflang"), link.attr("href"));
        }
        assertThat(alternates).containsExactly(Map.entry("ca", page(fresh, "ca")), Map.entry("en", page(fresh, "en")),
                Map.entry("es", page(fresh, "es")), Map.entry("x-default", page(fresh, "en")));
        assertThat(Instant.parse(url.selectFirst("lastmod").text())).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void newsSitemap_namesPublicationLanguageDateAndTitle_andChineseIsZhCn() throws Exception {
        HttpResponse<String> en = get(stack.gatewayEndpoint() + "/sitemaps/en/news.xml", Map.of());
        assertThat(en.statusCode()).isEqualTo(200);
        SitemapSchemas.validateUrlset(en.body());
        Document doc = xml(en.body());
        assertThat(doc.select("url > loc").eachText()).containsExactly(page(fresh, "en"));
        assertThat(doc.selectFirst("news|publication news|name").text()).isEqualTo("Tarjim");
        assertThat(doc.selectFirst("news|publication news|language").text()).isEqualTo("en");
        assertThat(doc.selectFirst("news|title").text()).isEqualTo("Harbour strike ends");
        assertThat(Instant.parse(doc.selectFirst("news|publication_date").text()))
                .isAfter(Instant.now().minus(1, ChronoUnit.HOURS));

        // The ingest stores Chinese as "zh" (primary subtags only): Google News wants zh-cn or zh-tw, never zh.
        HttpResponse<String> zh = get(stack.gatewayEndpoint() + "/sitemaps/zh/news.xml", Map.of());
        assertThat(zh.statusCode()).isEqualTo(200);
        SitemapSchemas.validateUrlset(zh.body());
        assertThat(xml(zh.body()).selectFirst("news|language").text()).isEqualTo("zh-cn");
        assertThat(xml(zh.body()).selectFirst("news|title").text()).isEqualTo("港口罢工结束");
    }

    @Test
    void aRepeatedPoll_withItsETag_is304_throughTheGateway() throws Exception {
        HttpResponse<String> first = get(stack.gatewayEndpoint() + "/sitemap.xml", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public, max-age=");
        HttpResponse<String> again = get(stack.gatewayEndpoint() + "/sitemap.xml", Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    private static String page(String id, String lang) {
        return stack.gatewayEndpoint() + "/articles/" + id + "/" + lang;
    }

    private static Document xml(String body) {
        return Jsoup.parse(body, "", Parser.xmlParser());
    }

    private static byte[] article(String title, String frontMatter) {
        return ("---\ntitle: " + title + "\n" + frontMatter + "\n---\n\nThe harbour workers ended their strike on "
                + "Monday after three weeks of talks with the port authority.\n\nThe union said that the new contract "
                + "raises wages by six percent.\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String stored(String key, byte[] body) throws Exception {
        JsonNode report = upload(key, body);
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("stored");
        return report.get("articleId").asText();
    }

    private static JsonNode upload(String key, byte[] body) throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
        return report(key);
    }

    private static JsonNode report(String key) throws Exception {
        return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/" + key + ".json"))
                .asByteArray());
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
