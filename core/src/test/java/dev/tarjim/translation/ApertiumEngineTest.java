package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Ports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class ApertiumEngineTest {

    /** Against the real APy, started from the test; skipped where APy is not installed (CI installs it). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AgainstApy {
        private Apy apy;
        private ApertiumEngine engine;

        @BeforeAll
        void start() {
            assumeTrue(Apy.installed(), "apertium-apy is not installed");
            apy = Apy.start(Ports.free());
            engine = new ApertiumEngine(apy.endpoint());
        }

        @AfterAll
        void stop() {
            if (apy != null) {
                apy.close();
            }
        }

        @Test
        void translate_englishToSpanish_producesSpanish() {
            List<TranslatedSegment> result = engine.translate("en", "es", List.of("The president sent a letter."));

            assertThat(result).singleElement().satisfies(s -> {
                assertThat(s.text()).contains("presidente").contains("carta");
                assertThat(s.unknownWords()).isZero();
            });
        }

        @Test
        void translate_nonsenseWords_keepsThemWithoutMarksAndCountsThem() {
            List<TranslatedSegment> result = engine.translate("en", "es",
                    List.of("The president sent the blorfzak to the zwingleberries."));

            assertThat(result).singleElement().satisfies(s -> {
                assertThat(s.text()).contains("blorfzak").contains("zwingleberries").doesNotContain("*");
                assertThat(s.unknownWords()).isEqualTo(2);
            });
        }

        @Test
        void translate_paragraphs_oneToOneInOrderEmptyStaysEmpty() {
            List<TranslatedSegment> result = engine.translate("en", "ca",
                    List.of("The president sent a letter.", "", "The meeting was held in Beijing."));

            assertThat(result).hasSize(3);
            assertThat(result.get(0).text()).contains("president");
            assertThat(result.get(1).text()).isEmpty();
            assertThat(result.get(2).text()).contains("Pequín");
        }

        @Test
        void manySegments_goInBatches_andComeBackExactlyAsOneByOne() {
            List<String> segments = new java.util.ArrayList<>();
            for (int i = 1; i <= 70; i++) {
                segments.add(i % 10 == 0 ? "" : i % 3 == 0
                        ? "The <a href=\"https://example.com/a?b=1&amp;c=" + i + "\">port</a> reopened after storm " + i
                                + ", said Blorfzak."
                        : i % 3 == 1 ? "Prices rose " + i + "% in <em>two</em> weeks"
                        : "The harbour workers ended their strike on Monday.");
            }
            long before = engine.requests();
            List<TranslatedSegment> batched = engine.translate("en", "es", segments);
            long sent = engine.requests() - before;
            assertThat(sent).as("requests for 63 non-empty segments").isLessThanOrEqualTo(2);

            assertThat(batched).hasSize(segments.size());
            for (int i = 0; i < segments.size(); i++) {
                TranslatedSegment alone = engine.translate("en", "es", List.of(segments.get(i))).get(0);
                assertThat(batched.get(i)).as("segment %d: %s", i, segments.get(i)).isEqualTo(alone);
            }
            assertThat(batched.get(2).text()).contains("<a href=\"https://example.com/a?b=1&amp;c=3\">")
                    .contains("Blorfzak").doesNotContain("*");
            assertThat(batched.get(2).unknownWords()).isEqualTo(1);
        }

        @Test
        void translator_paragraphWithLinkEmphasisAndCode_keepsTheLinkAroundTheSpanishWords() {
            String href = "https://example.org/letter?id=7&lang=en";
            Block paragraph = new Block.Paragraph(List.of(new Inline.Text("The "),
                    new Inline.Link(href, "The letter", Inline.text("president")), new Inline.Text(" sent a "),
                    new Inline.Emphasis(Inline.text("long letter")), new Inline.Text(" about "),
                    new Inline.Code("git push"), new Inline.Text(" yesterday & today.")));
            CountingEngine counting = new CountingEngine(engine);

            TranslationOutcome.Translated es = (TranslationOutcome.Translated) new Translator(counting,
                    new InMemoryTranslationMemory(), Clock.systemUTC()).translate("en", "es", "The letter",
                    List.of(paragraph));

            assertThat(es.markupFallbacks()).isZero();
            List<Inline> content = ((Block.Paragraph) es.blocks().get(0)).content();
            assertThat(content).filteredOn(i -> i instanceof Inline.Link).singleElement().satisfies(i -> {
                Inline.Link link = (Inline.Link) i;
                assertThat(link.href()).isEqualTo(href);
                assertThat(link.title()).isEqualTo("The letter");
                assertThat(Inline.plain(link.children())).isEqualTo("presidente");
            });
            assertThat(content).filteredOn(i -> i instanceof Inline.Emphasis).singleElement()
                    .satisfies(i -> assertThat(Inline.plain(((Inline.Emphasis) i).children())).contains("larga"));
            assertThat(content).contains(new Inline.Code("git push"));
            assertThat(Inline.plain(content)).contains("ayer", "&").doesNotContain("&amp;");
            assertThat(counting.calls()).singleElement().satisfies(c -> assertThat(c.segments())
                    .noneMatch(s -> s.contains("example.org") || s.contains("git push")));
        }

        @Test
        void translate_htmlSegment_keepsTagsAndEntitiesAndDropsMarksInside() {
            List<TranslatedSegment> result = engine.translate("en", "ca", List.of(
                    "Read <a id=\"l1\">this</a> &amp; <strong>blorfzak</strong> &lt;now&gt;."));

            assertThat(result).singleElement().satisfies(s -> {
                assertThat(s.text()).contains("<a id=\"l1\">", "</a>", "<strong>blorfzak</strong>", "&amp;",
                        "&lt;");
                assertThat(s.unknownWords()).isEqualTo(1);
            });
        }

        @Test
        void arabicToEnglish_isUnsupportedWithThePairInBcp47() {
            assertThat(engine.unsupportedReason("ar", "en")).contains("apertium: no ar→en pair");
            assertThat(engine.unsupportedReason("en", "es")).isEmpty();
            assertThatThrownBy(() -> engine.translate("ar", "en", List.of("مرحبا")))
                    .isInstanceOf(UnsupportedLanguagePairException.class)
                    .hasMessage("apertium: no ar→en pair");
        }

        @Test
        void listPairs_mapsApertiumCodesToBcp47() {
            assertThat(engine.listPairs()).contains(Map.entry("en", "es"), Map.entry("es", "en"),
                    Map.entry("en", "ca"), Map.entry("ca", "en"), Map.entry("es", "en-US"));
            assertThat(engine.version("en", "es")).isEqualTo("apertium-apy eng-spa");
        }
    }

    @Test
    void unmark_dropsMarksBeforeWordsAndCountsThem_sparingAddresses() {
        TranslatedSegment s = ApertiumEngine.unmark("El *blorfzak #ir a @casa, escribe a ana@example.com #1");

        assertThat(s.text()).isEqualTo("El blorfzak ir a casa, escribe a ana@example.com 1");
        assertThat(s.unknownWords()).isEqualTo(4);
    }

    @Test
    void paragraphs_ofABatchAnswer_orNullWhenItIsNotParagraphsOnly() {
        assertThat(ApertiumEngine.paragraphs("<p>Uno.</p><p>El <a href=\"x\">dos</a></p>\n<p></p>"))
                .containsExactly("Uno.", "El <a href=\"x\">dos</a>", "");
        assertThat(ApertiumEngine.paragraphs("<p>Uno.</p> suelto <p>Dos.</p>")).isNull();
        assertThat(ApertiumEngine.paragraphs("<p>Uno.</p><p>Dos.")).isNull();
        assertThat(ApertiumEngine.paragraphs("Uno.")).isNull();
    }

    @Test
    void unmark_sparesNumericCharacterReferences() {
        TranslatedSegment s = ApertiumEngine.unmark("l&#39;*informe &#x27;x");

        assertThat(s.text()).isEqualTo("l&#39;informe &#x27;x");
        assertThat(s.unknownWords()).isEqualTo(1);
    }

    @Test
    void translate_nobodyListening_throwsTranslationUnavailable() {
        ApertiumEngine engine = new ApertiumEngine(URI.create("http://127.0.0.1:" + Ports.free()));

        assertThatThrownBy(() -> engine.translate("en", "es", List.of("Hello.")))
                .isInstanceOf(TranslationUnavailableException.class);
    }

    @Test
    void translate_serverError_throwsTranslationUnavailable() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/listPairs", exchange -> {
            byte[] body = "{\"responseData\": [{\"sourceLanguage\": \"eng\", \"targetLanguage\": \"spa\"}]}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/translate", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            ApertiumEngine engine = new ApertiumEngine(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

            assertThatThrownBy(() -> engine.translate("en", "es", List.of("Hello.")))
                    .isInstanceOf(TranslationUnavailableException.class)
                    .hasMessageContaining("503");
        } finally {
            server.stop(0);
        }
    }
}
