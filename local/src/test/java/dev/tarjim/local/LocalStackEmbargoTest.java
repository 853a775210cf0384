package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.ingest.IngestService;
import dev.tarjim.ingest.ReleaseHandler;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Scheduling and corrections end to end through the local stack: an article uploaded with Debian's AWS CLI under an
 * embargo a few seconds ahead is nowhere (page 404, not in the feed nor the partner change log, report
 * {@code scheduled}) until the local scheduler releases it, without a new upload; then a correction re-upload shows
 * its dated note on the page, in RSS, Atom and JSON Feed, and in the partners' ninjs {@code ednote}.
 */
class LocalStackEmbargoTest {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String KEY = "incoming/budget-embargo.md";

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static String partnerKey;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(AWS_CLI), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("BUCKET_NAME", LocalConfig.DEFAULT_BUCKET);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("TRANSLATION_ENGINE", "none");
        env.put("TARGET_LANGUAGES", "");
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        env.put("CURSOR_SECRET", "embargo-test-cursor-secret");
        env.put("FEED_SETTLE_SECONDS", "0");
        env.put("FEED_VERSION_CACHE_MS", "0");  // feeds are read right after each upload
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, Ports.free(), gateway).apy(false)
                .retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .releaseFunction(() -> new ReleaseHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        partnerKey = stack.partnerKeys().all().get(0).key();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void embargoed_isNowhereUntilTheSchedulerReleasesIt_thenACorrectionIsShownEverywhere() throws Exception {
        String id = IngestService.articleId(KEY);
        Instant embargo = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        upload(article("Budget approved", "embargo: " + embargo));

        JsonNode report = report();
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("scheduled");
        assertThat(report.get("embargo").asText()).isEqualTo(embargo.toString());
        assertThat(status("/articles/" + id + "/en", Map.of())).isEqualTo(404);
        assertThat(status("/syndication/v1/articles/" + id + "?lang=en", Map.of("x-api-key", partnerKey)))
                .isEqualTo(404);
        assertThat(feedUrls()).noneMatch(u -> u.contains(id));
        assertThat(partnerUris()).noneMatch(u -> u.contains(id));
        assertThat(Instant.now()).as("the checks above ran before the embargo").isBefore(embargo);

        // No new upload: the local scheduler releases it once the time has come.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"stored".equals(report().get("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        report = report();
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("stored");
        assertThat(report.get("embargo").isNull()).isTrue();
        assertThat(Instant.now()).isAfterOrEqualTo(embargo);
        assertThat(feedUrls()).anyMatch(u -> u.contains(id));
        assertThat(partnerUris()).contains("urn:tarjim:article:" + id + ":en");
        assertThat(status("/articles/" + id + "/en", Map.of())).isEqualTo(200);

        upload(article("Budget approved", "correction: \"An earlier version gave the wrong total.\""));
        assertThat(report().get("revision").asLong()).isEqualTo(2);

        Document page = Jsoup.parse(get("/articles/" + id + "/en", Map.of()));
        Element note = page.selectFirst("article .tarjim-correction");
        assertThat(note).isNotNull();
        assertThat(note.text()).contains("An earlier version gave the wrong total.");
        assertThat(note.selectFirst("time").attr("datetime")).startsWith(Instant.now().toString().substring(0, 10));

        Document rss = Jsoup.parse(get("/feeds/en/rss.xml", Map.of()), "", Parser.xmlParser());
        Element item = rss.select("item").stream().filter(i -> i.select("link").text().contains(id)).findFirst()
                .orElseThrow();
        assertThat(Jsoup.parseBodyFragment(item.selectFirst("content|encoded").text()).select(".tarjim-correction")
                .text()).contains("An earlier version gave the wrong total.");
        Document atom = Jsoup.parse(get("/feeds/en/atom.xml", Map.of()), "", Parser.xmlParser());
        Element entry = atom.select("entry").stream()
                .filter(e -> e.select("link[rel=alternate]").attr("href").contains(id)).findFirst().orElseThrow();
        assertThat(Jsoup.parseBodyFragment(entry.selectFirst("content[type=html]").text())
                .select(".tarjim-correction").text()).contains("An earlier version gave the wrong total.");
        assertThat(Instant.parse(entry.selectFirst("updated").text())).isAfter(embargo);
        JsonNode json = Json.mapper().readTree(get("/feeds/en/feed.json", Map.of()));
        JsonNode jsonItem = null;
        for (JsonNode i : json.get("items")) {
            if (i.get("url").asText().contains(id)) {
                jsonItem = i;
            }
        }
        assertThat(jsonItem).isNotNull();
        assertThat(Jsoup.parseBodyFragment(jsonItem.get("content_html").asText()).select(".tarjim-correction")
                .text()).contains("An earlier version gave the wrong total.");
        assertThat(jsonItem.get("content_text").asText()).contains("Correction (");

        JsonNode ninjs = Json.mapper().readTree(get("/syndication/v1/articles/" + id + "?lang=en",
                Map.of("x-api-key", partnerKey)));
        assertThat(ninjs.get("ednote").asText()).contains("An earlier version gave the wrong total.");
        assertThat(ninjs.get("version").asText()).isEqualTo("2");
    }

    // ------------------------------------------------------------------ helpers

    private static String article(String title, String extraFrontMatter) {
        return "---\ntitle: " + title + "\nlang: en\n" + extraFrontMatter + "\n---\n\n"
                + "The finance minister presented the budget on Tuesday.\n\nParliament approved it late at night.\n";
    }

    private static void upload(String markdown) throws Exception {
        Path file = Files.createTempFile(data, "article", ".md");
        Files.writeString(file, markdown);
        aws("s3", "cp", file.toString(), "s3://" + LocalConfig.DEFAULT_BUCKET + "/" + KEY);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
    }

    private static JsonNode report() throws Exception {
        Path file = Files.createTempFile(data, "report", ".json");
        aws("s3", "cp", "s3://" + LocalConfig.DEFAULT_BUCKET + "/reports/" + KEY + ".json", file.toString());
        return Json.mapper().readTree(Files.readString(file));
    }

    private static List<String> feedUrls() throws Exception {
        HttpResponse<String> r = send("/feeds/en/feed.json", Map.of());
        if (r.statusCode() == 404) {
            return List.of();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        Json.mapper().readTree(r.body()).get("items").forEach(i -> urls.add(i.get("url").asText()));
        return urls;
    }

    private static List<String> partnerUris() throws Exception {
        JsonNode page = Json.mapper().readTree(get("/syndication/v1/changes?lang=en", Map.of("x-api-key", partnerKey)));
        List<String> uris = new ArrayList<>();
        page.get("items").forEach(i -> uris.add(i.get("uri").asText()));
        return uris;
    }

    private static void aws(String... args) throws Exception {
        AwsCli.run(stack.s3Endpoint(), args);
    }

    private static HttpResponse<String> send(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayEndpoint() + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int status(String path, Map<String, String> headers) throws Exception {
        return send(path, headers).statusCode();
    }

    private static String get(String path, Map<String, String> headers) throws Exception {
        HttpResponse<String> r = send(path, headers);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
