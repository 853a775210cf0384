package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * WebSub over the local stack: a real HTTP listener is the hub ({@code WEBSUB_HUB}); uploads through the local S3
 * are ingested by the real handler, which publishes each changed feed to the hub once, as a form POST
 * ({@code hub.mode=publish}, {@code hub.url=<feed>}); a hub that fails is retried and never fails the ingest.
 */
class LocalStackWebSubTest {
    private static final String BUCKET = "tarjim-articles";

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static S3Client s3;
    private static HttpServer hub;
    private static String base;
    /** Every publish request the hub received: its decoded form fields. */
    private static final List<Map<String, String>> PUBLISHED = new ArrayList<>();
    /** How many of the next requests the hub answers with 503. */
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean form = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .startsWith("application/x-www-form-urlencoded");
            int status;
            if (FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                REFUSED.incrementAndGet();
                status = 503;
            } else if (!"POST".equals(exchange.getRequestMethod()) || !form) {
                status = 400;
            } else {
                synchronized (PUBLISHED) {
                    PUBLISHED.add(form(body));
                }
                status = 204;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hub.start();
        int dynamo = Ports.free();
        int s3Port = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        base = "http://127.0.0.1:" + gateway;
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3Port);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("TRANSLATION_ENGINE", "none");
        env.put("TARGET_LANGUAGES", "");
        env.put("PUBLIC_BASE_URL", base);
        env.put("CURSOR_SECRET", "websub-test-cursor-secret-0123456789");
        env.put("FEED_SETTLE_SECONDS", "0");
        env.put("FEED_VERSION_CACHE_MS", "0");  // feeds are read right after each upload
        env.put("WEBSUB_HUB", "http://127.0.0.1:" + hub.getAddress().getPort() + "/hub");
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3Port, apy, gateway).apy(false)
                .retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        s3 = LocalStackTest.s3(stack);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (hub != null) {
            hub.stop(0);
        }
    }

    @BeforeEach
    void clear() {
        synchronized (PUBLISHED) {
            PUBLISHED.clear();
        }
        FAILURES_LEFT.set(0);
        REFUSED.set(0);
    }

    @Test
    void newUpdatedAndWithdrawnArticles_publishEachChangedFeedOnce() throws Exception {
        List<String> english = List.of(base + "/feeds/en/rss.xml", base + "/feeds/en/atom.xml",
                base + "/feeds/en/feed.json");
        assertThat(upload("incoming/websub/one.md", markdown("One", "en")).get("status").asText()).isEqualTo("stored");
        assertThat(published()).containsExactlyInAnyOrderElementsOf(english);

        clear();
        upload("incoming/websub/one.md", markdown("One, updated", "en"));
        assertThat(published()).containsExactlyInAnyOrderElementsOf(english);

        clear();
        upload("incoming/websub/deux.md", markdown("Deux", "fr"));
        assertThat(published()).containsExactlyInAnyOrder(base + "/feeds/fr/rss.xml", base + "/feeds/fr/atom.xml",
                base + "/feeds/fr/feed.json");

        clear();
        s3.deleteObject(b -> b.bucket(BUCKET).key("incoming/websub/one.md"));
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(published()).containsExactlyInAnyOrderElementsOf(english);

        clear();
        upload("incoming/websub/deux.md", markdown("Deux", "fr"));
        assertThat(published()).as("an unchanged re-upload changes no feed").isEmpty();
    }

    @Test
    void everyFeed_advertisesTheHubAndItself() throws Exception {
        upload("incoming/websub/advertised.md", markdown("Advertised", "en"));
        String hubUrl = "http://127.0.0.1:" + hub.getAddress().getPort() + "/hub";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String file : List.of("rss.xml", "atom.xml", "feed.json")) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/feeds/en/" + file)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (file.endsWith(".json")) {
                JsonNode feed = Json.mapper().readTree(body);
                assertThat(feed.at("/hubs/0/url").asText()).isEqualTo(hubUrl);
                assertThat(feed.get("feed_url").asText()).isEqualTo(base + "/feeds/en/feed.json");
            } else {
                org.jsoup.nodes.Document xml = org.jsoup.Jsoup.parse(body, "", org.jsoup.parser.Parser.xmlParser());
                assertThat(xml.select("[rel=hub]").attr("href")).as(file).isEqualTo(hubUrl);
                assertThat(xml.select("[rel=self]").attr("href")).as(file).isEqualTo(base + "/feeds/en/" + file);
            }
        }
    }

    @Test
    void aHubThatFails_isRetried_andTheIngestStillSucceeds() throws Exception {
        FAILURES_LEFT.set(2);
        JsonNode report = upload("incoming/websub/retried.md", markdown("Retried", "en"));

        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(REFUSED.get()).isEqualTo(2);
        assertThat(published()).containsExactlyInAnyOrder(base + "/feeds/en/rss.xml", base + "/feeds/en/atom.xml",
                base + "/feeds/en/feed.json");
    }

    private static List<String> published() {
        synchronized (PUBLISHED) {
            assertThat(PUBLISHED).allSatisfy(f -> assertThat(f).containsEntry("hub.mode", "publish"));
            return PUBLISHED.stream().map(f -> f.get("hub.url")).toList();
        }
    }

    private static JsonNode upload(String key, byte[] body) throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("reports/" + key + ".json"))
                .asByteArray());
    }

    private static byte[] markdown(String title, String lang) {
        String body = "fr".equals(lang)
                ? "Les bateaux ont quitté le port avant le lever du soleil sur la vieille ville, et les pêcheurs ont "
                        + "compté leurs filets sur le quai."
                : "The boats left the harbour before the sun rose over the old town, and the fishermen counted their "
                        + "nets on the quay.";
        return ("---\ntitle: " + title + "\nlang: " + lang + "\n---\n\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
