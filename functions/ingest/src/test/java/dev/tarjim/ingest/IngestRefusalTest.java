package dev.tarjim.ingest;

import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.StoredArticle;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refused upload ends in a failed report with a readable reason, and the live revision stays as it was. */
class IngestRefusalTest {
    private static Stack stack;
    private static IngestHandler handler;

    @BeforeAll
    static void start() {
        stack = new Stack();
        handler = stack.handler(Map.of("MAX_UPLOAD_BYTES", "65536"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static Stream<Arguments> refused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) 'a');
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("truncated-image", png),
                Arguments.of("pdf", pdf),
                Arguments.of("zip", zip),
                Arguments.of("unknown-json", "{\"foo\": 1, \"bar\": [true]}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("invalid-utf8", new byte[] {'T', 'i', 't', 'l', 'e', '\n', '\n', (byte) 0xC3, (byte) 0x28,
                        'x', (byte) 0xFF, (byte) 0xFE, 'y'}),
                Arguments.of("oversized", big));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedUpload_isReportedAndLiveRevisionUntouched(String kind, byte[] bad) {
        String key = "incoming/refused-" + kind + ".txt";
        String id = IngestService.articleId(key);
        byte[] good = IngestEndToEndTest.markdown("Good article " + kind,
                "This paragraph is the good revision that must survive.").getBytes(StandardCharsets.UTF_8);
        stack.upload(key, good);
        handler.handleRequest(S3Events.put(Stack.BUCKET, key, good.length, S3Events.nextSequencer()),
                new TestContext());
        StoredArticle before = stack.store.article(id, "en").orElseThrow();

        stack.upload(key, bad);
        handler.handleRequest(S3Events.put(Stack.BUCKET, key, bad.length, S3Events.nextSequencer()),
                new TestContext());

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).asText()).hasSizeGreaterThan(15);
        assertThat(report.get("revision").asLong()).isEqualTo(1);
        assertThat(report.get("title").asText()).isEqualTo("Good article " + kind);
        assertThat(stack.store.article(id, "en").orElseThrow()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void firstUploadRefused_reportHasEveryField() {
        String key = "incoming/first-refused.txt";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        stack.upload(key, png);
        handler.handleRequest(S3Events.put(Stack.BUCKET, key, png.length, S3Events.nextSequencer()),
                new TestContext());
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("errors").get(0).asText()).contains("PNG");
        assertThat(report.has("sourceLanguage")).isTrue();
        assertThat(report.get("sourceLanguage").isNull()).isTrue();
        assertThat(report.has("title")).isTrue();
        assertThat(report.get("revision").asLong()).isZero();
        assertThat(report.get("articleId").asText()).isEqualTo(IngestService.articleId(key));
    }
}
