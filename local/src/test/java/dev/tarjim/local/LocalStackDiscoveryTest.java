package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Discovery over the local stack, as readers and search engines meet it: the seed (Arabic) and an English article
 * are uploaded with the AWS CLI and ingested by the real handler (Spanish by Apertium where APy is installed); the
 * front pages, the language negotiation of {@code /}, the article pages with their JSON-LD lineage and the bilingual
 * view are read over HTTP through the local gateway, and every page passes the Nu Html Checker.
 */
class LocalStackDiscoveryTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static S3Client s3;
    private static boolean withApy;
    private static String seedId;
    private static String englishId;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        withApy = Apy.installed();
        stack = TestStacks.start(data, withApy, Map.of("TARGET_LANGUAGES", "en,es"));
        s3 = LocalStackTest.s3(stack);
        Path samples = ProjectPaths.root().resolve("samples");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", samples.resolve("000_eb83513c9fa28be5.txt").toString(),
                "s3://tarjim-articles/incoming/");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", samples.resolve("rich-en.md").toString(),
                "s3://tarjim-articles/incoming/rich-en.md");
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
        seedId = report("incoming/000_eb83513c9fa28be5.txt").get("articleId").asText();
        JsonNode english = report("incoming/rich-en.md");
        assertThat(english.get("status").asText()).as(english.toString()).isEqualTo("stored");
        englishId = english.get("articleId").asText();
        if (withApy) {
            assertThat(english.at("/languages/es/status").asText()).as(english.toString()).isEqualTo("translated");
        }
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
    void frontPages_listTheArticlesOfTheirLanguage_rightToLeftInArabic_andPassTheNuChecker() throws Exception {
        Document ar = page("/ar/");
        assertThat(ar.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(ar.select(".front h2 a").eachAttr("href")).contains(base() + "/articles/" + seedId + "/ar");
        Document en = page("/en/");
        assertThat(en.select(".front h2 a").eachText()).contains("The port reopened after the storm");
        assertThat(en.select("head link[rel=alternate][hreflang]:not([type])").eachAttr("hreflang"))
                .contains("ar", "en");
        assertThat(en.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo(base() + "/feeds/en/atom.xml");
        if (withApy) {
            Document es = page("/es/");
            Element item = es.selectFirst(".front > li");
            assertThat(item.selectFirst("h2 a").attr("href")).isEqualTo(base() + "/articles/" + englishId + "/es");
            assertThat(item.selectFirst(".byline").text()).contains("Traducción automática del inglés");
        }
        assertThat(get("/xx/", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void home_sendsABrowserToItsLanguage_andGivesOtherClientsThePlainPage() throws Exception {
        HttpResponse<String> arabic = get("/", Map.of("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5"));
        assertThat(arabic.statusCode()).isEqualTo(302);
        assertThat(arabic.headers().firstValue("Location")).contains(base() + "/ar/");
        assertThat(arabic.headers().firstValue("Vary")).contains("Accept-Language");
        HttpResponse<String> german = get("/", Map.of("Accept-Language", "de-DE, en;q=0.3"));
        assertThat(german.headers().firstValue("Location")).contains(base() + "/en/");

        HttpResponse<String> plain = get("/", Map.of());
        assertThat(plain.statusCode()).isEqualTo(200);
        Document index = Jsoup.parse(plain.body());
        assertThat(index.select("#lang-ar strong").text()).isEqualTo("العربية");
        assertThat(index.select("#lang-ar a[href=" + base() + "/ar/]")).hasSize(1);
        assertThat(NuChecker.errors(plain.body())).isEmpty();
    }

    @Test
    void articlePages_carryTheirLineageInJsonLd_andPassTheNuChecker() throws Exception {
        Document original = page("/articles/" + englishId + "/en");
        JsonNode ld = jsonLd(original);
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("inLanguage").asText()).isEqualTo("en");
        assertThat(ld.get("headline").asText()).isEqualTo("The port reopened after the storm");
        assertThat(original.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(original.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo(base() + "/articles/" + englishId + "/en");
        page("/articles/" + seedId + "/ar");
        if (withApy) {
            assertThat(ld.get("workTranslation").findValuesAsText("url"))
                    .contains(base() + "/articles/" + englishId + "/es");
            Document spanish = page("/articles/" + englishId + "/es");
            JsonNode es = jsonLd(spanish);
            assertThat(es.get("translationOfWork").get("@id").asText())
                    .isEqualTo(base() + "/articles/" + englishId + "/en#article");
            assertThat(es.get("translator").get("name").asText()).startsWith("apertium");
            assertThat(spanish.selectFirst(".beside-link a").attr("href"))
                    .isEqualTo(base() + "/articles/" + englishId + "/es?beside=en");
        }
    }

    @Test
    void bilingualView_showsBothLanguagesSideBySide_andPassesTheNuChecker() throws Exception {
        assumeTrue(withApy, "a bilingual view needs a translation: APy (apertium-apy) is not installed");
        Document view = page("/articles/" + englishId + "/es?beside=en");
        List<Element> titles = view.select("main.beside > .row").get(0).select("> .column");
        assertThat(titles).extracting(e -> e.attr("lang")).containsExactly("es", "en");
        assertThat(titles.get(1).selectFirst("h1").text()).isEqualTo("The port reopened after the storm");
        assertThat(view.select("img[src=https://images.example.com/port-dawn.jpg]")).hasSize(1);
        assertThat(get("/articles/" + englishId + "/en?beside=fr", Map.of()).statusCode()).isEqualTo(404);
    }

    /** GETs a page, asserts 200 and that the Nu Html Checker finds no error in it, and parses it. */
    @Test
    void feedsFrontPagesAndSitemaps_comeCompressed_whenTheClientAsks() throws Exception {
        for (String path : List.of("/feeds/en/atom.xml", "/feeds/ar/rss.xml", "/feeds/en/feed.json", "/en/",
                "/sitemap.xml")) {
            HttpResponse<String> plain = get(path, Map.of());
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(plain.headers().firstValue("Vary")).as(path).contains("Accept-Encoding");
            for (String coding : List.of("gzip", "br")) {
                HttpResponse<byte[]> packed = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Accept-Encoding", coding).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(packed.headers().firstValue("Content-Encoding")).as(path).contains(coding);
                byte[] decoded = coding.equals("gzip")
                        ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed.body()))
                                .readAllBytes()
                        : com.aayushatharva.brotli4j.decoder.DirectDecompress.decompress(packed.body())
                                .getDecompressedData();
                assertThat(new String(decoded, StandardCharsets.UTF_8)).as(path + " in " + coding)
                        .isEqualTo(plain.body());
                assertThat(packed.body().length).as(path).isLessThan(decoded.length);
                assertThat(packed.headers().firstValue("ETag").orElseThrow()).endsWith("-" + coding + "\"");
            }
            // curl, as feed readers built on libcurl ask: every coding it knows, decoded by itself.
            Process curl = new ProcessBuilder("curl", "-sS", "--compressed", base() + path)
                    .redirectErrorStream(true).start();
            String fetched = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor()).isZero();
            assertThat(fetched).as(path + " through curl --compressed").isEqualTo(plain.body());
        }
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> response = get(path, Map.of());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        List<String> errors = new ArrayList<>(NuChecker.errors(response.body()));
        assertThat(errors).as("Nu Html Checker errors in %s", path).isEmpty();
        return Jsoup.parse(response.body());
    }

    private static JsonNode jsonLd(Document page) throws Exception {
        assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
        return Json.mapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String base() {
        return stack.gatewayEndpoint().toString().replaceAll("/+$", "");
    }

    private static JsonNode report(String key) throws Exception {
        return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket("tarjim-articles").key("reports/" + key
                + ".json")).asByteArray());
    }
}
