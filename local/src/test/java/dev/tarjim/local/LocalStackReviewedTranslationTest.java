package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.Apy;
import dev.tarjim.support.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Reviewed translations end to end, as an editor and a reader meet them: an English Markdown article is uploaded
 * with Debian's AWS CLI and machine-translated into Spanish by Apertium; an editor uploads a reviewed Spanish
 * translation (front matter {@code translation-of:}), which replaces the machine's on the page, in RSS, Atom, JSON
 * Feed and ninjs; then the source is re-uploaded with one paragraph edited, and only that paragraph is
 * machine-translated, the language {@code needs-review} with a dated note. Needs APy's English–Spanish pair.
 */
class LocalStackReviewedTranslationTest {
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SOURCE_KEY = "incoming/review/harbour.md";
    private static final String REVIEW_KEY = "incoming/review/harbour.es.md";

    private static final String SOURCE = """
            ---
            title: Harbour workers end their strike
            lang: en
            author: Harbour desk
            ---
            The harbour workers ended their strike on Monday after three weeks.

            ## What they won

            The union said that the new contract raises wages by six percent.

            Ships that waited outside the port began to unload in the afternoon.
            """;
    private static final String EDITED = SOURCE.replace("raises wages by six percent.",
            "raises wages by seven percent and adds two days of holiday.");
    private static final String REVIEW = """
            ---
            title: Los estibadores ponen fin a su huelga
            lang: es
            translation-of: %s
            reviewer: Ana García
            ---
            Los estibadores pusieron fin el lunes a una huelga de tres semanas.

            ## Lo que consiguieron

            El sindicato afirmó que el nuevo convenio sube los salarios un seis por ciento.

            Los barcos que aguardaban frente al puerto empezaron a descargar por la tarde.
            """.formatted(SOURCE_KEY);

    @TempDir
    static Path data;

    private static LocalStack stack;
    private static String partnerKey;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(AWS_CLI), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        assumeTrue(Apy.installed(), "Apertium APy with English–Spanish is not installed: no machine translation to review");
        stack = TestStacks.start(data, true, Map.of("TARGET_LANGUAGES", "es"));
        partnerKey = stack.partnerKeys().all().get(0).key();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void upload(String key, String text) throws Exception {
        Path file = Files.createTempFile(data, "upload", ".md");
        Files.writeString(file, text);
        aws("s3", "cp", file.toString(), "s3://tarjim-articles/" + key);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
    }

    private static void aws(String... args) throws Exception {
        AwsCli.run(stack.s3Endpoint(), args);
    }

    /** The editor's report of an upload, read with the AWS CLI. */
    private static JsonNode report(String key) throws Exception {
        Path file = Files.createTempFile(data, "report", ".json");
        aws("s3", "cp", "s3://tarjim-articles/reports/" + key + ".json", file.toString());
        return Json.mapper().readTree(Files.readString(file));
    }

    private static String get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayEndpoint() + path));
        headers.forEach(b::header);
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** The Spanish article's paragraphs and note on its page, in RSS, Atom, JSON Feed and ninjs. */
    private record Outputs(List<String> pageParagraphs, String pageNote, List<String> feedContents, String ednote,
            String ninjsHtml, String ninjsVersion) {
    }

    private static Outputs spanish(String id) throws Exception {
        Document page = Jsoup.parse(get("/articles/" + id + "/es", Map.of()));
        Element article = page.selectFirst("main article");
        List<String> paragraphs = article.select("p:not(.byline):not(.tarjim-mt-note)").eachText();
        String note = article.select(".tarjim-mt-note").text();
        List<String> contents = new ArrayList<>();
        Document rss = Jsoup.parse(get("/feeds/es/rss.xml", Map.of()), "", Parser.xmlParser());
        contents.add(rss.select("item").stream().filter(i -> i.select("link").text().contains(id)).findFirst()
                .orElseThrow().selectFirst("content|encoded").text());
        Document atom = Jsoup.parse(get("/feeds/es/atom.xml", Map.of()), "", Parser.xmlParser());
        contents.add(atom.select("entry").stream().filter(e -> e.select("link[rel=alternate]").attr("href")
                .contains(id)).findFirst().orElseThrow().selectFirst("content[type=html]").text());
        JsonNode json = Json.mapper().readTree(get("/feeds/es/feed.json", Map.of()));
        for (JsonNode item : json.get("items")) {
            if (item.get("url").asText().contains(id)) {
                contents.add(item.get("content_html").asText());
            }
        }
        JsonNode ninjs = Json.mapper().readTree(get("/syndication/v1/articles/" + id + "?lang=es",
                Map.of("x-api-key", partnerKey)));
        String html = null;
        for (JsonNode body : ninjs.get("bodies")) {
            if (body.path("contenttype").asText().contains("html")) {
                html = body.get("value").asText();
            }
        }
        return new Outputs(paragraphs, note, contents, ninjs.path("ednote").asText(), html,
                ninjs.path("version").asText());
    }

    @Test
    void reviewedSpanish_replacesTheMachine_andSurvivesAOneParagraphSourceEditAsNeedsReview() throws Exception {
        upload(SOURCE_KEY, SOURCE);
        JsonNode source = report(SOURCE_KEY);
        assertThat(source.at("/languages/es/status").asText()).as(source.toString()).isEqualTo("translated");
        String id = source.get("articleId").asText();
        Outputs machine = spanish(id);
        assertThat(machine.pageNote()).startsWith("Machine-translated from English");

        upload(REVIEW_KEY, REVIEW);

        JsonNode own = report(REVIEW_KEY);
        assertThat(own.get("status").asText()).as(own.toString()).isEqualTo("stored");
        assertThat(own.at("/translationOf/articleId").asText()).isEqualTo(id);
        assertThat(own.at("/translationOf/language").asText()).isEqualTo("es");
        JsonNode reviewed = report(SOURCE_KEY);
        assertThat(reviewed.at("/languages/es/status").asText()).as(reviewed.toString()).isEqualTo("reviewed");
        assertThat(reviewed.at("/languages/es/reviewer").asText()).isEqualTo("Ana García");
        assertThat(reviewed.at("/languages/es/revision").asLong()).isEqualTo(1);
        assertThat(reviewed.at("/languages/es/at").asText()).isNotBlank();
        Outputs review = spanish(id);
        assertThat(review.pageParagraphs()).contains(
                "Los estibadores pusieron fin el lunes a una huelga de tres semanas.",
                "El sindicato afirmó que el nuevo convenio sube los salarios un seis por ciento.",
                "Los barcos que aguardaban frente al puerto empezaron a descargar por la tarde.");
        assertThat(review.pageNote()).startsWith("Reviewed translation from English by Ana García.")
                .doesNotContain("Machine-translated");
        assertThat(review.feedContents()).hasSize(3).allSatisfy(c -> assertThat(c)
                .contains("Reviewed translation from English by Ana García", "un seis por ciento")
                .doesNotContain("Machine-translated"));
        assertThat(review.ednote()).startsWith("Reviewed translation from English by Ana García.");
        assertThat(review.ninjsHtml()).contains("Lo que consiguieron");

        upload(SOURCE_KEY, EDITED);

        JsonNode edited = report(SOURCE_KEY);
        assertThat(edited.get("revision").asLong()).isEqualTo(2);
        assertThat(edited.at("/languages/es/status").asText()).as(edited.toString()).isEqualTo("needs-review");
        assertThat(edited.at("/languages/es/revision").asLong()).isEqualTo(2);
        assertThat(edited.at("/languages/es/changedBlocks")).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(edited.at("/languages/es/reviewer").asText()).isEqualTo("Ana García");
        Outputs merged = spanish(id);
        assertThat(merged.pageParagraphs()).contains(
                "Los estibadores pusieron fin el lunes a una huelga de tres semanas.",
                "Los barcos que aguardaban frente al puerto empezaron a descargar por la tarde.");
        assertThat(merged.pageParagraphs()).noneMatch(p -> p.contains("un seis por ciento"))
                .noneMatch(p -> p.contains("seven percent"))
                .anyMatch(p -> p.contains("siete") && p.contains("días"));
        assertThat(merged.pageNote()).contains("Reviewed translation from English by Ana García.",
                "Parts of this translation were machine-translated after the reviewed version of "
                        + LocalDate.now(ZoneOffset.UTC) + ".");
        assertThat(merged.ninjsVersion()).isEqualTo("2");
        assertThat(merged.ednote()).contains("Parts of this translation were machine-translated");
        assertThat(merged.feedContents()).allSatisfy(c -> assertThat(c).contains("Parts of this translation"));

        aws("s3", "rm", "s3://tarjim-articles/" + REVIEW_KEY);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();

        JsonNode reverted = report(SOURCE_KEY);
        assertThat(reverted.at("/languages/es/status").asText()).as(reverted.toString()).isEqualTo("translated");
        assertThat(spanish(id).pageNote()).startsWith("Machine-translated from English");
        assertThat(report(REVIEW_KEY).get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void reviewedUpload_withUnknownSourceOwnLanguageOrNoLang_failsClearly() throws Exception {
        upload("incoming/review/plain.md", SOURCE.replace("Harbour workers", "Dock workers"));
        String unknown = REVIEW.replace(SOURCE_KEY, "incoming/review/nothing-here.md");
        String english = REVIEW.replace("lang: es", "lang: en");
        String noLang = REVIEW.replace("lang: es\n", "");
        upload("incoming/review/unknown.es.md", unknown);
        upload("incoming/review/english.md", english.replace(SOURCE_KEY, "incoming/review/plain.md"));
        upload("incoming/review/nolang.md", noLang.replace(SOURCE_KEY, "incoming/review/plain.md"));

        assertFailed("incoming/review/unknown.es.md", "names no stored article");
        assertFailed("incoming/review/english.md", "the source article's own language");
        assertFailed("incoming/review/nolang.md", "needs lang:");
        assertThat(report("incoming/review/plain.md").at("/languages/es/status").asText()).isEqualTo("translated");
    }

    private static void assertFailed(String key, String reason) throws Exception {
        JsonNode r = report(key);
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("failed");
        assertThat(r.get("errors").get(0).asText()).contains(reason);
    }
}
