package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
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
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher's branding end to end, over HTTP: a stack configured with {@code SITE_NAME},
 * {@code SITE_NAME_BY_LANGUAGE} and {@code TAG_AUTHORITY} titles its Arabic feeds with the Arabic name and mints its
 * ids from that authority; redeployed with a new name and authority, the feeds carry the new name while the article
 * already published keeps its id through a new revision, and only a new article gets an id from the new authority.
 */
class LocalStackBrandingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FIRST = "شي وبوتين يرسلان خطابي تهنئة إلى الاجتماع الثامن لحوار الحزبين الحاكمين.\n\n"
            + "بعث الرئيس الصيني شي جين بينغ برسالة تهنئة إلى الاجتماع الثامن لآلية الحوار بين الحزبين.\n";
    private static final String FIRST_REVISED = FIRST
            + "\nوقال شي في رسالته إن العلاقات الصينية الروسية تمر بأفضل مراحلها في التاريخ.\n";
    private static final String SECOND = "افتتاح ميناء جديد في شنغهاي بعد سنوات من العمل المتواصل.\n\n"
            + "عاد العمال إلى الميناء يوم الجمعة بعد انتهاء الإضراب الطويل باتفاق بين الطرفين.\n";

    @TempDir
    Path data;

    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The stack as a deployment with this branding runs it (a restart on the same data is a redeployment). */
    private LocalStack start(String name, String arabicName, String authority) {
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        Map<String, String> branding = new HashMap<>(Map.of("TRANSLATION_ENGINE", "none", "TARGET_LANGUAGES", "",
                "SITE_NAME", name, "SITE_NAME_BY_LANGUAGE", "ar=" + arabicName,
                "SITE_URL", "https://globaltimes.example/", "TAG_AUTHORITY", authority));
        Map<String, String> env = FunctionEnv.of(dynamo, s3, apy, gateway, branding);
        return LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(false)
                .retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
    }

    @Test
    void branding_namesTheFeeds_andAPublishedIdSurvivesANewAuthority() throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        stack = start("Global Times", "غلوبال تايمز", "globaltimes.example,2025");

        String first = upload("first.txt", FIRST);
        Document atom = atom("ar");
        assertThat(atom.selectFirst("feed > title").text()).isEqualTo("غلوبال تايمز — العربية");
        assertThat(atom.selectFirst("feed > author > name").text()).isEqualTo("غلوبال تايمز");
        assertThat(atom.selectFirst("feed > author > uri").text()).isEqualTo("https://globaltimes.example/");
        assertThat(atom.selectFirst("feed > id").text()).isEqualTo("tag:globaltimes.example,2025:feed/ar");
        assertThat(atom.select("entry > id").eachText())
                .containsExactly("tag:globaltimes.example,2025:article/" + first + "/ar");
        assertThat(page(first).title()).endsWith(" — غلوبال تايمز");
        stack.close();

        stack = start("Global Times Daily", "غلوبال تايمز اليومية", "daily.globaltimes.example,2026-12");
        assertThat(upload("first.txt", FIRST_REVISED)).isEqualTo(first);
        String second = upload("second.txt", SECOND);

        atom = atom("ar");
        assertThat(atom.selectFirst("feed > title").text()).isEqualTo("غلوبال تايمز اليومية — العربية");
        assertThat(atom.selectFirst("feed > id").text()).isEqualTo("tag:globaltimes.example,2025:feed/ar");
        assertThat(atom.select("entry > id").eachText()).containsExactlyInAnyOrder(
                "tag:globaltimes.example,2025:article/" + first + "/ar",
                "tag:daily.globaltimes.example,2026-12:article/" + second + "/ar");
        assertThat(page(first).select("p").eachText()).anyMatch(p -> p.contains("بأفضل مراحلها"));

        Document rss = Jsoup.parse(get("/feeds/ar/rss.xml"), "", Parser.xmlParser());
        assertThat(rss.selectFirst("channel > title").text()).isEqualTo("غلوبال تايمز اليومية — العربية");
        assertThat(rss.select("item > guid").eachText()).containsExactlyInAnyOrder(
                "tag:globaltimes.example,2025:article/" + first + "/ar",
                "tag:daily.globaltimes.example,2026-12:article/" + second + "/ar");
        JsonNode json = Json.mapper().readTree(get("/feeds/ar/feed.json"));
        assertThat(json.path("title").asText()).isEqualTo("غلوبال تايمز اليومية — العربية");
        assertThat(List.of(json.at("/items/0/id").asText(), json.at("/items/1/id").asText()))
                .containsExactlyInAnyOrder("tag:globaltimes.example,2025:article/" + first + "/ar",
                        "tag:daily.globaltimes.example,2026-12:article/" + second + "/ar");
        assertThat(Jsoup.parse(get("/")).title()).isEqualTo("Global Times Daily");
    }

    @Test
    void badBranding_stopsTheStart_namingTheVariable() {
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("TAG_AUTHORITY", "globaltimes.example"),
                List.of("--data", data.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TAG_AUTHORITY")
                .hasMessageContaining("RFC 4151");
        assertThatThrownBy(() -> LocalConfig.fromEnvironment(Map.of("SITE_NAME_BY_LANGUAGE", "arabic"),
                List.of("--data", data.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SITE_NAME_BY_LANGUAGE");
    }

    /** Uploads an article with the AWS CLI, waits for the ingest, and returns its id from the report. */
    private String upload(String name, String text) throws Exception {
        Path file = data.resolve(name);
        Files.writeString(file, text);
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", file.toString(), "s3://tarjim-articles/incoming/" + name);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
        Path report = data.resolve(name + ".json");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", "s3://tarjim-articles/reports/incoming/" + name + ".json",
                report.toString());
        JsonNode r = Json.mapper().readTree(Files.readString(report));
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("stored");
        return r.path("articleId").asText();
    }

    private Document atom(String lang) throws Exception {
        return Jsoup.parse(get("/feeds/" + lang + "/atom.xml"), "", Parser.xmlParser());
    }

    private Document page(String id) throws Exception {
        return Jsoup.parse(get("/articles/" + id + "/ar"));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayEndpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }
}
