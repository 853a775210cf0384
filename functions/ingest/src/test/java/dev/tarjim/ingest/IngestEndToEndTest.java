package dev.tarjim.ingest;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.article.StoredArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed, uploaded through the real SDK to s3proxy, handled as AWS would deliver the event, stored in dynalite. */
class IngestEndToEndTest {
    private static final String SEED = "000_eb83513c9fa28be5.txt";
    private static Stack stack;
    private static IngestHandler handler;
    private static byte[] seed;

    @BeforeAll
    static void start() throws IOException {
        stack = new Stack();
        handler = stack.handler(Map.of());
        seed = Files.readAllBytes(ProjectPaths.root().resolve("samples").resolve(SEED).normalize());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private void put(String key, byte[] body) {
        stack.upload(key, body);
        handler.handleRequest(S3Events.put(Stack.BUCKET, key, body.length, S3Events.nextSequencer()),
                new TestContext());
    }

    private void delete(String key) {
        stack.remove(key);
        handler.handleRequest(S3Events.delete(Stack.BUCKET, key, S3Events.nextSequencer()), new TestContext());
    }

    @Test
    void seed_storedThenUnchangedThenWithdrawn() {
        String key = "incoming/" + SEED;
        String id = IngestService.articleId(key);

        put(key, seed);
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("articleId").asText()).isEqualTo(id);
        assertThat(report.get("sourceLanguage").asText()).isEqualTo("ar");
        assertThat(report.get("revision").asLong()).isEqualTo(1);
        assertThat(report.get("title").asText()).startsWith("شي وبوتين يرسلان خطابي تهنئة");
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("warnings")).isEmpty();

        StoredArticle stored = stack.store.article(id, "ar").orElseThrow();
        assertThat(stored.title()).isEqualTo(
                "شي وبوتين يرسلان خطابي تهنئة إلى الاجتماع الثامن لآلية الحوار الصينية-الروسية بين الحزبين الحاكمين");
        // Issue 3 says 11 paragraphs; the seed holds 10 (its lines 7 to 16, one paragraph per line).
        assertThat(stored.paragraphs()).hasSize(10);
        assertThat(stored.paragraphs().get(0)).startsWith("أرسل الرئيس الصيني");
        assertThat(stored.paragraphs().get(9)).endsWith("الشاملة.");
        assertThat(stored.paragraphs()).noneMatch(p -> p.contains("اترك رد") || p.contains("بريدك الإلكتروني"));
        assertThat(stored.sourceKey()).isEqualTo(key);
        assertThat(stored.contentHash()).hasSize(64);

        put(key, seed);
        assertThat(stack.report(key).get("status").asText()).isEqualTo("unchanged");
        assertThat(stack.report(key).get("revision").asLong()).isEqualTo(1);
        assertThat(stack.store.article(id, "ar").orElseThrow().updated()).isEqualTo(stored.updated());

        delete(key);
        assertThat(stack.report(key).get("status").asText()).isEqualTo("withdrawn");
        assertThat(stack.store.article(id, "ar").orElseThrow().withdrawn()).isTrue();
        assertThat(stack.store.state(id).orElseThrow().status()).isEqualTo(UploadStatus.WITHDRAWN);
    }

    @Test
    void changedContent_bumpsRevision_keepsIdAndPublished() {
        String key = "incoming/changed.md";
        String id = IngestService.articleId(key);
        put(key, markdown("First title", "The first paragraph of the story is here.").getBytes(StandardCharsets.UTF_8));
        StoredArticle first = stack.store.article(id, "en").orElseThrow();

        put(key, markdown("Second title", "The story changed in its first paragraph.").getBytes(StandardCharsets.UTF_8));
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("revision").asLong()).isEqualTo(2);
        StoredArticle second = stack.store.article(id, "en").orElseThrow();
        assertThat(second.title()).isEqualTo("Second title");
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.published()).isEqualTo(first.published());
    }

    @Test
    void arabicKeyWithSpaces_isDecodedAndReportedNextToIt() {
        String key = "incoming/أخبار الصين/شي وبوتين 2026.txt";
        put(key, seed);
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("uploadKey").asText()).isEqualTo(key);
    }

    @Test
    void untitledMarkdown_isStoredWithTheFirstSentenceAsTitle_andTheReportWarns() {
        String key = "incoming/untitled.md";
        String id = IngestService.articleId(key);
        put(key, ("The harbour reopened on Monday after three weeks of repairs. Ships queued at dawn.\n\n"
                + "Crews worked through the storm to finish the quay.\n").getBytes(StandardCharsets.UTF_8));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("title").asText())
                .isEqualTo("The harbour reopened on Monday after three weeks of repairs");
        assertThat(report.get("warnings")).hasSize(1);
        assertThat(report.get("warnings").get(0).asText()).startsWith("No title found");
        assertThat(stack.store.article(id, "en").orElseThrow().title())
                .isEqualTo("The harbour reopened on Monday after three weeks of repairs");
    }

    @Test
    void richMarkdown_isStoredAsBlocks_withLinksFiguresAndLeadImage() {
        String key = "incoming/rich.md";
        String id = IngestService.articleId(key);
        String md = """
                ---
                title: Harbour reopens
                lang: en
                canonical: https://news.example/harbour
                image: https://img.example/lead.jpg
                ---
                The harbour **reopened** on Monday, [the port said](https://port.example/notice).

                ## What changed

                - A new quay
                - Deeper berths

                > We are open again.
                > — Harbour master

                ![Cranes](https://img.example/cranes.jpg "Cranes back at work")
                """;
        put(key, md.getBytes(StandardCharsets.UTF_8));

        StoredArticle stored = stack.store.article(id, "en").orElseThrow();
        assertThat(stored.canonicalUrl()).isEqualTo("https://news.example/harbour");
        assertThat(stored.leadImage().src()).isEqualTo("https://img.example/lead.jpg");
        assertThat(stored.blocks()).extracting(b -> b.kind().name())
                .containsExactly("PARAGRAPH", "HEADING", "LIST", "QUOTE", "FIGURE");
        assertThat(dev.tarjim.article.BodyHtml.render(stored.blocks()))
                .contains("<strong>reopened</strong>", "href=\"https://port.example/notice\"", "<h2>What changed</h2>",
                        "<li>Deeper berths</li>", "src=\"https://img.example/cranes.jpg\"", "Cranes back at work");
    }

    static String markdown(String title, String paragraph) {
        return "---\ntitle: " + title + "\nlang: en\nauthor: Staff\ntags: [china, russia]\n---\n\n" + paragraph
                + "\n\nA second paragraph says more about the meeting of the two parties.\n";
    }
}
