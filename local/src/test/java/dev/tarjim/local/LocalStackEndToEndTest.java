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
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as its users meet it: the real handlers in the local stack, uploads with Debian's AWS CLI, feeds and
 * pages and the partner API over real HTTP, and a restart of the whole stack between two partner polls.
 */
class LocalStackEndToEndTest {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private int dynamo;
    private int s3;
    private int apy;
    private int gateway;

    private LocalStack start(boolean withApy) {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("TRANSLATION_ENGINE", withApy ? "apertium" : "none");
        env.put("APERTIUM_URL", "http://127.0.0.1:" + apy);
        env.put("TARGET_LANGUAGES", "en,es,ca");
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        env.put("CURSOR_SECRET", "end-to-end-test-cursor-secret");
        env.put("FEED_SETTLE_SECONDS", "0");  // dynalite's indexes are synchronous
        env.put("FEED_VERSION_CACHE_MS", "0");  // feeds are read right after each upload
        return LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(withApy)
                .retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
    }

    private void aws(String... args) throws Exception {
        AwsCli.run(java.net.URI.create("http://127.0.0.1:" + s3), args);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void editorUploads_readersPoll_partnersWalkAcrossARestart() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        boolean withApy = Apy.installed();
        dynamo = Ports.free();
        s3 = Ports.free();
        apy = Ports.free();
        gateway = Ports.free();
        Path seed = ProjectPaths.root().resolve("samples/000_eb83513c9fa28be5.txt").normalize();
        Path md = data.resolve("letters.md");
        Files.writeString(md, "---\ntitle: The president sent a letter\nlang: en\nauthor: Staff\n---\n\n"
                + "The president sent a letter to the meeting.\n\nThe meeting was held on Thursday.\n");
        String key;
        String cursor;
        try (LocalStack stack = start(withApy)) {
            key = stack.partnerKeys().all().get(0).key();
            aws("s3", "cp", seed.toString(), "s3://tarjim-articles/incoming/");
            aws("s3", "cp", md.toString(), "s3://tarjim-articles/incoming/letters.md");
            assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();

            // The editor's report, as the editor reads it.
            Path report = data.resolve("report.json");
            aws("s3", "cp", "s3://tarjim-articles/reports/incoming/000_eb83513c9fa28be5.txt.json", report.toString());
            JsonNode seedReport = Json.mapper().readTree(Files.readString(report));
            assertThat(seedReport.get("status").asText()).isEqualTo("stored");
            String seedId = seedReport.get("articleId").asText();
            if (withApy) {
                assertThat(seedReport.at("/languages/en/status").asText()).isEqualTo("unsupported");
            }

            // Readers: a feed, then a conditional poll, the page, the index and the live status.
            HttpResponse<String> feed = get("/feeds/ar/atom.xml", Map.of());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains("tag:tarjim.dev,2026:article/" + seedId + "/ar");
            String etag = feed.headers().firstValue("ETag").orElseThrow();
            assertThat(get("/feeds/ar/atom.xml", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
            assertThat(Jsoup.parse(get("/articles/" + seedId + "/ar", Map.of()).body()).selectFirst("html")
                    .attr("dir")).isEqualTo("rtl");
            assertThat(get("/", Map.of()).body()).contains("/feeds/ar/rss.xml");
            assertThat(get("/articles/" + seedId + "/status", Map.of()).statusCode()).isEqualTo(401);
            String token = Files.readString(data.resolve("editor-token")).strip();
            JsonNode status = Json.mapper().readTree(get("/articles/" + seedId + "/status",
                    Map.of("Authorization", "Bearer " + token)).body());
            assertThat(status.get("revision").asLong()).isEqualTo(1);
            if (withApy) {
                assertThat(get("/feeds/es/rss.xml", Map.of()).body()).contains("presidente");
            }

            // Partners: no key is refused; with the key, walk every English change.
            assertThat(get("/syndication/v1/changes?lang=en", Map.of()).statusCode()).isEqualTo(403);
            JsonNode page = Json.mapper().readTree(
                    get("/syndication/v1/changes?lang=en", Map.of("x-api-key", key)).body());
            assertThat(page.get("items")).hasSize(1);
            assertThat(page.get("has_more").asBoolean()).isFalse();
            cursor = page.get("next_cursor").asText();
        }

        // A restart between two polls loses nothing: the data folder holds it all.
        try (LocalStack stack = start(withApy)) {
            JsonNode idle = Json.mapper().readTree(get("/syndication/v1/changes?lang=en&cursor=" + cursor,
                    Map.of("x-api-key", key)).body());
            assertThat(idle.get("items")).isEmpty();
            aws("s3", "rm", "s3://tarjim-articles/incoming/letters.md");
            assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
            JsonNode after = Json.mapper().readTree(get("/syndication/v1/changes?lang=en&cursor=" + cursor,
                    Map.of("x-api-key", key)).body());
            assertThat(after.get("items")).hasSize(1);
            assertThat(after.at("/items/0/pubstatus").asText()).isEqualTo("canceled");
        }
    }
}
