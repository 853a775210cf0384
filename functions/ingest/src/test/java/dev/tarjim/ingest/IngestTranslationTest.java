package dev.tarjim.ingest;

import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.Block;
import dev.tarjim.article.BodyText;
import dev.tarjim.article.Inline;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.article.StoredArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Translation through the real Apertium engine (APy), as the local stack runs it. */
class IngestTranslationTest {
    private static Stack stack;
    private static Apy apy;
    private static IngestHandler handler;

    @BeforeAll
    static void start() {
        assumeTrue(Apy.installed(), "apertium-apy is not installed (.ci/run installs it)");
        stack = new Stack();
        apy = Apy.start(Ports.free());
        handler = stack.handler(Map.of("TRANSLATION_ENGINE", "apertium", "APERTIUM_URL", apy.endpoint().toString(),
                "TARGET_LANGUAGES", "es,ca,en"));
    }

    @AfterAll
    static void stop() {
        if (apy != null) {
            apy.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private void put(String key, byte[] body) {
        stack.upload(key, body);
        handler.handleRequest(S3Events.put(Stack.BUCKET, key, body.length, S3Events.nextSequencer()),
                new TestContext());
    }

    @Test
    void englishArticle_getsRealSpanishAndCatalan() {
        String key = "incoming/letters.md";
        String md = "---\ntitle: The president sent a letter\nlang: en\n---\n\n"
                + "The president sent a [letter](https://example.org/letter) to the meeting of the two parties.\n\n"
                + "The meeting was held by video link on Thursday.\n";
        put(key, md.getBytes(StandardCharsets.UTF_8));
        String id = IngestService.articleId(key);

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.at("/languages/en/status").asText()).isEqualTo("original");
        assertThat(report.at("/languages/es/status").asText()).isEqualTo("translated");
        assertThat(report.at("/languages/ca/status").asText()).isEqualTo("translated");
        assertThat(report.at("/languages/es/engine").asText()).startsWith("apertium");

        StoredArticle es = stack.store.article(id, "es").orElseThrow();
        assertThat(es.machineTranslated()).isTrue();
        assertThat(es.sourceLanguage()).isEqualTo("en");
        assertThat(es.revision()).isEqualTo(1);
        assertThat(es.title().toLowerCase()).contains("presidente");
        assertThat(es.blocks()).hasSize(2);
        assertThat(BodyText.block(es.blocks().get(1)).toLowerCase()).contains("jueves");
        StoredArticle ca = stack.store.article(id, "ca").orElseThrow();
        assertThat(ca.title().toLowerCase()).contains("president");
        assertThat(BodyText.block(ca.blocks().get(1)).toLowerCase()).contains("dijous");
        StoredArticle en = stack.store.article(id, "en").orElseThrow();
        for (StoredArticle translation : new StoredArticle[] {es, ca}) {
            assertThat(translation.blocks()).extracting(Block::kind)
                    .isEqualTo(en.blocks().stream().map(Block::kind).toList());
            assertThat(hrefs(translation.blocks())).isEqualTo(hrefs(en.blocks()));
        }
    }

    /** Every link's href in the body, in order. */
    private static List<String> hrefs(List<Block> blocks) {
        List<String> hrefs = new ArrayList<>();
        for (Block block : blocks) {
            block.texts().forEach(content -> collectHrefs(content, hrefs));
        }
        return hrefs;
    }

    private static void collectHrefs(List<Inline> content, List<String> hrefs) {
        for (Inline i : content) {
            if (i instanceof Inline.Link l) {
                hrefs.add(l.href());
                collectHrefs(l.children(), hrefs);
            } else if (i instanceof Inline.Emphasis e) {
                collectHrefs(e.children(), hrefs);
            } else if (i instanceof Inline.Strong s) {
                collectHrefs(s.children(), hrefs);
            }
        }
    }

    @Test
    void arabicSeed_isStoredWithEachTargetUnsupported() throws IOException {
        String key = "incoming/seed-translation.txt";
        put(key, Files.readAllBytes(ProjectPaths.root().resolve("samples/000_eb83513c9fa28be5.txt")
                .normalize()));
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.at("/languages/ar/status").asText()).isEqualTo("original");
        for (String lang : new String[] {"es", "ca", "en"}) {
            assertThat(report.at("/languages/" + lang + "/status").asText()).isEqualTo("unsupported");
            assertThat(report.at("/languages/" + lang + "/detail").asText()).isEqualTo("apertium: no ar→" + lang + " pair");
            assertThat(stack.store.article(IngestService.articleId(key), lang)).isEmpty();
        }
    }
}
