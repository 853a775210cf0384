package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.Block;
import dev.tarjim.article.BodyText;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The translator's memory behaviour, run once per {@link TranslationMemory} implementation. */
abstract class TranslatorContract {
    static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");
    static final List<String> TARGETS = List.of("es", "ca");

    private CountingEngine engine;
    private Translator translator;

    /** A fresh, empty memory. */
    abstract TranslationMemory newMemory();

    static List<Block> article(int paragraphs) {
        List<Block> body = new ArrayList<>();
        for (int i = 1; i <= paragraphs; i++) {
            body.add(Block.Paragraph.of("Paragraph " + i + ": the delegates of both parties met in Beijing and "
                    + "discussed item " + i + " of the agenda."));
        }
        return body;
    }

    /** Paragraphs of plain text. */
    static List<Block> paragraphs(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> (Block) Block.Paragraph.of(t)).toList();
    }

    /** The translated body as plain text, one string per block. */
    static List<String> texts(TranslationOutcome.Translated t) {
        return t.blocks().stream().map(BodyText::block).toList();
    }

    static String text(Block b) {
        return BodyText.block(b);
    }

    @BeforeEach
    void setUp() {
        engine = new CountingEngine(new PrefixEngine(Set.of("en>es", "en>ca", "en>fr")));
        translator = new Translator(engine, newMemory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void newArticle_callsEngineOncePerLanguageWithEverySegment() {
        List<Block> body = article(20);

        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", TARGETS, "Xi writes to Putin", body);

        assertThat(engine.calls()).extracting(CountingEngine.Call::targetLang).containsExactly("es", "ca");
        assertThat(engine.calls()).allSatisfy(c -> assertThat(c.segments()).hasSize(21));
        TranslationOutcome.Translated es = (TranslationOutcome.Translated) outcomes.get("es");
        assertThat(es.title()).isEqualTo("[es] Xi writes to Putin");
        assertThat(texts(es)).hasSize(20).first().isEqualTo("[es] " + text(body.get(0)));
        assertThat(es.engine()).isEqualTo("prefix");
        assertThat(es.engineVersion()).isEqualTo("1");
        assertThat(es.translatedAt()).isEqualTo(NOW);
        assertThat(es.segmentsFromMemory()).isZero();
        assertThat(es.segmentsTranslated()).isEqualTo(21);
        assertThat(es.status()).isEqualTo(TranslationStatus.TRANSLATED);
    }

    @Test
    void unchangedReupload_callsEngineZeroTimesAndGivesTheSameTranslation() {
        List<Block> body = article(20);
        Map<String, TranslationOutcome> first = translator.translateAll("en", TARGETS, "Xi writes to Putin", body);
        engine.reset();

        Map<String, TranslationOutcome> second = translator.translateAll("en", TARGETS, "Xi writes to Putin", body);

        assertThat(engine.calls()).isEmpty();
        assertThat(second).isEqualTo(first.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> withCounts((TranslationOutcome.Translated) e.getValue(), 21, 0))));
    }

    @Test
    void reuploadWithOneParagraphChanged_callsEngineOncePerLanguageForThatParagraph() {
        List<Block> body = article(20);
        translator.translateAll("en", TARGETS, "Xi writes to Putin", body);
        engine.reset();
        List<Block> edited = new ArrayList<>(body);
        edited.set(7, Block.Paragraph.of("Paragraph 8 now says something else entirely."));

        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", TARGETS, "Xi writes to Putin", edited);

        assertThat(engine.calls()).hasSize(2).allSatisfy(c -> assertThat(c.segments())
                .containsExactly("Paragraph 8 now says something else entirely."));
        TranslationOutcome.Translated ca = (TranslationOutcome.Translated) outcomes.get("ca");
        assertThat(texts(ca).get(7)).isEqualTo("[ca] Paragraph 8 now says something else entirely.");
        assertThat(texts(ca).get(8)).isEqualTo("[ca] " + text(body.get(8)));
        assertThat(ca.segmentsFromMemory()).isEqualTo(20);
        assertThat(ca.segmentsTranslated()).isEqualTo(1);
    }

    @Test
    void reuploadWithOnlyWhitespaceAndCompositionChanges_callsEngineZeroTimes() {
        List<Block> body = paragraphs("Café con leche.", "Two  spaces here.");
        translator.translate("en", "es", "Title", body);
        engine.reset();

        translator.translate("en", "es", " Title ", paragraphs("Cafe\u0301 con leche.", "Two spaces\nhere. "));

        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void newLanguageForAKnownArticle_callsEngineOnlyForThatLanguage() {
        List<Block> body = article(3);
        translator.translateAll("en", TARGETS, "Title", body);
        engine.reset();

        translator.translateAll("en", List.of("es", "ca", "fr"), "Title", body);

        assertThat(engine.calls()).extracting(CountingEngine.Call::targetLang).containsExactly("fr");
    }

    @Test
    void repeatedParagraphs_areSentOnce() {
        translator.translate("en", "es", "Title", paragraphs("Same.", "Other.", "Same."));

        assertThat(engine.calls()).singleElement().satisfies(c ->
                assertThat(c.segments()).containsExactly("Title", "Same.", "Other."));
    }

    @Test
    void unknownWords_areCountedOverTitleAndBodyIncludingRemembered() {
        translator.translate("en", "es", "A xyzzy title", paragraphs("One xyzzy.", "Two."));

        TranslationOutcome.Translated again = (TranslationOutcome.Translated) translator.translate("en", "es",
                "A xyzzy title", paragraphs("One xyzzy.", "Two.", "Three xyzzy xyzzy."));

        assertThat(again.unknownWords()).isEqualTo(4);
    }

    @Test
    void unsupportedPair_isAnOutcomeWithTheReasonAndNoEngineCall() {
        TranslationOutcome outcome = translator.translate("ar", "en", "عنوان", paragraphs("فقرة."));

        assertThat(outcome).isEqualTo(new TranslationOutcome.Unsupported("en", "prefix", "prefix: no ar→en pair"));
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void translateAll_neverTranslatesIntoTheSourceLanguage() {
        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", List.of("en", "es"), "T", paragraphs("P."));

        assertThat(outcomes).containsOnlyKeys("es");
    }

    @Test
    void engineUnavailable_isThrownAndEarlierLanguagesStayRemembered() {
        TranslationMemory memory = newMemory();
        TranslationEngine flaky = new PrefixEngine(Set.of("en>es", "en>ca")) {
            @Override
            public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
                if (targetLang.equals("ca")) {
                    throw new TranslationUnavailableException("throttled", null);
                }
                return super.translate(sourceLang, targetLang, segments);
            }
        };
        Translator failing = new Translator(flaky, memory, Clock.systemUTC());
        List<Block> body = article(2);

        assertThatThrownBy(() -> failing.translateAll("en", TARGETS, "T", body))
                .isInstanceOf(TranslationUnavailableException.class);

        CountingEngine counting = new CountingEngine(new PrefixEngine(Set.of("en>es", "en>ca")));
        new Translator(counting, memory, Clock.systemUTC()).translateAll("en", TARGETS, "T", body);
        assertThat(counting.calls()).extracting(CountingEngine.Call::targetLang).containsExactly("ca");
    }

    @Test
    void engineFailure_isAFailedOutcomeWithTheEngineMessage() {
        TranslationEngine refusing = new PrefixEngine(Set.of("en>es")) {
            @Override
            public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
                throw new TranslationFailedException("prefix refused: terminology missing", null);
            }
        };

        TranslationOutcome outcome = new Translator(refusing, newMemory(), Clock.systemUTC())
                .translate("en", "es", "T", paragraphs("P."));

        assertThat(outcome).isEqualTo(new TranslationOutcome.Failed("es", "prefix",
                "prefix refused: terminology missing"));
        assertThat(outcome.status()).isEqualTo(TranslationStatus.FAILED);
    }

    private static TranslationOutcome withCounts(TranslationOutcome.Translated t, int fromMemory, int translated) {
        return new TranslationOutcome.Translated(t.language(), t.title(), t.blocks(), t.engine(),
                t.engineVersion(), t.translatedAt(), t.unknownWords(), fromMemory, translated, t.markupFallbacks());
    }
}
