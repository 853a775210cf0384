package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rich articles end to end, as their users meet them: a Markdown article and an HTML page with a subhead, a link,
 * bold text, a list, a quote, a photo with caption (and a table) are uploaded with Debian's AWS CLI, ingested and
 * translated by the real handlers (Apertium for Spanish), and every output is read over HTTP: the page, RSS, Atom,
 * JSON Feed and the partners' ninjs, in English and in Spanish. The tests assert the elements, not snapshots.
 */
class LocalStackRichArticleTest {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static String partnerKey;
    private static boolean spanish;
    private static String markdownId;
    private static String htmlId;

    @BeforeAll
    static void uploadBoth() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        spanish = Apy.installed();
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("TRANSLATION_ENGINE", spanish ? "apertium" : "none");
        env.put("APERTIUM_URL", "http://127.0.0.1:" + apy);
        env.put("TARGET_LANGUAGES", "es");
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        env.put("CURSOR_SECRET", "rich-article-test-cursor-secret");
        env.put("FEED_SETTLE_SECONDS", "0");
        env.put("FEED_VERSION_CACHE_MS", "0");  // feeds are read right after each upload
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(spanish)
                .retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        partnerKey = stack.partnerKeys().all().get(0).key();
        Path samples = ProjectPaths.root().resolve("samples");
        aws("s3", "cp", samples.resolve("rich-en.md").toString(), "s3://tarjim-articles/incoming/rich-en.md");
        aws("s3", "cp", samples.resolve("rich-en.html").toString(), "s3://tarjim-articles/incoming/rich-en.html");
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
        markdownId = storedId("incoming/rich-en.md");
        htmlId = storedId("incoming/rich-en.html");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void aws(String... args) throws Exception {
        AwsCli.run(stack.s3Endpoint(), args);
    }

    /** Reads the editor's report with the AWS CLI; the upload must be stored (and translated when APy runs). */
    private static String storedId(String key) throws Exception {
        Path report = data.resolve(key.replace('/', '_') + ".json");
        aws("s3", "cp", "s3://tarjim-articles/reports/" + key + ".json", report.toString());
        JsonNode r = Json.mapper().readTree(Files.readString(report));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("stored");
        if (spanish) {
            assertThat(r.at("/languages/es/status").asText()).as(r.toString()).isEqualTo("translated");
        }
        return r.get("articleId").asText();
    }

    private static String get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayEndpoint() + path));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static List<String> languages() {
        return spanish ? List.of("en", "es") : List.of("en");
    }

    /** The elements the Markdown sample holds, wherever its body is rendered as HTML. */
    private static void markdownBody(Element body, String lang) {
        assertThat(body.select("h2")).hasSize(1);
        assertThat(body.select("a[href=https://example.com/statements/port]")).hasSize(1);
        assertThat(body.select("strong")).hasSize(1);
        assertThat(body.select("ul > li")).hasSize(3);
        assertThat(body.select("ul > li em")).hasSize(1);
        assertThat(body.select("blockquote")).hasSize(1);
        Element img = body.selectFirst("figure img[src=https://images.example.com/port-dawn.jpg]");
        assertThat(img).isNotNull();
        assertThat(img.attr("alt")).isNotBlank();
        assertThat(body.select("figure figcaption").text()).isNotBlank();
        assertThat(body.select("table tr")).hasSize(3);
        // The alt text is an attribute, never a paragraph of the body.
        assertThat(body.select("p").eachText()).noneMatch(t -> t.equals(img.attr("alt")));
        if (lang.equals("es")) {
            assertThat(body.text()).doesNotContain("The workers said").containsIgnoringCase("puerto");
        } else {
            assertThat(body.select("h2").text()).isEqualTo("What the workers said");
            assertThat(body.select("figure figcaption").text()).contains("Ships wait in the port at dawn.");
        }
    }

    /** The elements of the HTML sample's article, and none of the site's chrome. */
    private static void htmlBody(Element body, String lang) {
        assertThat(body.select("h2")).hasSize(1);
        assertThat(body.select("a[href=https://news.example.com/statements/bridge]")).hasSize(1);
        assertThat(body.select("strong")).hasSize(1);
        assertThat(body.select("ul > li")).hasSize(2);
        assertThat(body.select("blockquote")).hasSize(1);
        assertThat(body.select("figure img[src=https://news.example.com/img/bridge.jpg]")).hasSize(1);
        assertThat(body.select("figure figcaption").text()).isNotBlank();
        assertThat(body.text()).doesNotContain("Leave a reply", "All rights reserved", "Another story", "Business");
        if (lang.equals("en")) {
            assertThat(body.select("figure figcaption").text()).contains("The bridge at night", "Photo");
        }
    }

    @Test
    void articlePages_carryTheStructure_inEveryLanguage() throws Exception {
        for (String lang : languages()) {
            Document md = Jsoup.parse(get("/articles/" + markdownId + "/" + lang, Map.of()));
            markdownBody(md.selectFirst("main article"), lang);
            assertThat(md.selectFirst("html").attr("lang")).isEqualTo(lang);
            Document html = Jsoup.parse(get("/articles/" + htmlId + "/" + lang, Map.of()));
            htmlBody(html.selectFirst("main article"), lang);
            assertThat(html.select("figure img").attr("width")).isEqualTo("1200");
            assertThat(html.select("figure img").attr("height")).isEqualTo("800");
        }
    }

    @Test
    void rssAtomAndJsonFeed_carryTheStructure_andTheLeadImage() throws Exception {
        for (String lang : languages()) {
            Document rss = Jsoup.parse(get("/feeds/" + lang + "/rss.xml", Map.of()), "", Parser.xmlParser());
            Document atom = Jsoup.parse(get("/feeds/" + lang + "/atom.xml", Map.of()), "", Parser.xmlParser());
            JsonNode json = Json.mapper().readTree(get("/feeds/" + lang + "/feed.json", Map.of()));
            for (String id : List.of(markdownId, htmlId)) {
                Element item = rss.select("item").stream().filter(i -> i.select("link").text().contains(id))
                        .findFirst().orElseThrow();
                Element entry = atom.select("entry").stream()
                        .filter(e -> e.select("link[rel=alternate]").attr("href").contains(id)).findFirst().orElseThrow();
                JsonNode jsonItem = null;
                for (JsonNode i : json.get("items")) {
                    if (i.get("url").asText().contains(id)) {
                        jsonItem = i;
                    }
                }
                assertThat(jsonItem).isNotNull();
                List<Element> bodies = List.of(
                        Jsoup.parseBodyFragment(item.selectFirst("content|encoded").text()).body(),
                        Jsoup.parseBodyFragment(entry.selectFirst("content[type=html]").text()).body(),
                        Jsoup.parseBodyFragment(jsonItem.get("content_html").asText()).body());
                for (Element body : bodies) {
                    if (id.equals(markdownId)) {
                        markdownBody(body, lang);
                    } else {
                        htmlBody(body, lang);
                    }
                }
                // A plain summary beside the HTML, and the lead image where each format puts it.
                assertThat(item.selectFirst("description").text()).doesNotContain("<");
                assertThat(jsonItem.get("content_text").asText()).doesNotContain("<a ");
                String image = id.equals(markdownId) ? "https://images.example.com/port-dawn.jpg"
                        : "https://news.example.com/img/bridge.jpg";
                assertThat(item.select("media|content").attr("url")).isEqualTo(image);
                assertThat(entry.select("link[rel=enclosure]").attr("href")).isEqualTo(image);
                assertThat(jsonItem.get("image").asText()).isEqualTo(image);
            }
        }
    }

    @Test
    void partnersNinjs_carriesTheHtmlBody_andAPicturePerFigure() throws Exception {
        for (String lang : languages()) {
            JsonNode item = Json.mapper().readTree(get("/syndication/v1/articles/" + markdownId + "?lang=" + lang,
                    Map.of("x-api-key", partnerKey)));
            String html = null;
            for (JsonNode body : item.get("bodies")) {
                if (body.path("contenttype").asText().contains("html")) {
                    html = body.get("value").asText();
                }
            }
            assertThat(html).as(item.toString()).isNotNull();
            markdownBody(Jsoup.parseBodyFragment(html).body(), lang);
            List<String> pictures = new ArrayList<>();
            item.get("associations").forEach(a -> {
                if (a.path("type").asText().equals("picture")) {
                    pictures.add(a.toString());
                }
            });
            assertThat(pictures).singleElement().asString().contains("https://images.example.com/port-dawn.jpg");
        }
    }
}
