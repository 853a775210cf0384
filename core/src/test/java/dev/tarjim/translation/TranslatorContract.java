package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    static List<String> article(int paragraphs) {
        List<String> body = new ArrayList<>();
        for (int i = 1; i <= paragraphs; i++) {
            body.add("Paragraph " + i + ": the delegates of both parties met in Beijing and discussed item " + i
                    + " of the agenda.");
        }
        return body;
    }

    @BeforeEach
    void setUp() {
        engine = new CountingEngine(new PrefixEngine(Set.of("en>es", "en>ca", "en>fr")));
        translator = new Translator(engine, newMemory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void newArticle_callsEngineOncePerLanguageWithEverySegment() {
        List<String> body = article(20);

        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", TARGETS, "Xi writes to Putin", body);

        assertThat(engine.calls()).extracting(CountingEngine.Call::targetLang).containsExactly("es", "ca");
        assertThat(engine.calls()).allSatisfy(c -> assertThat(c.segments()).hasSize(21));
        TranslationOutcome.Translated es = (TranslationOutcome.Translated) outcomes.get("es");
        assertThat(es.title()).isEqualTo("[es] Xi writes to Putin");
        assertThat(es.paragraphs()).hasSize(20).first().isEqualTo("[es] " + body.get(0));
        assertThat(es.engine()).isEqualTo("prefix");
        assertThat(es.engineVersion()).isEqualTo("1");
        assertThat(es.translatedAt()).isEqualTo(NOW);
        assertThat(es.segmentsFromMemory()).isZero();
        assertThat(es.segmentsTranslated()).isEqualTo(21);
        assertThat(es.status()).isEqualTo("translated");
    }

    @Test
    void unchangedReupload_callsEngineZeroTimesAndGivesTheSameTranslation() {
        List<String> body = article(20);
        Map<String, TranslationOutcome> first = translator.translateAll("en", TARGETS, "Xi writes to Putin", body);
        engine.reset();

        Map<String, TranslationOutcome> second = translator.translateAll("en", TARGETS, "Xi writes to Putin", body);

        assertThat(engine.calls()).isEmpty();
        assertThat(second).isEqualTo(first.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> withCounts((TranslationOutcome.Translated) e.getValue(), 21, 0))));
    }

    @Test
    void reuploadWithOneParagraphChanged_callsEngineOncePerLanguageForThatParagraph() {
        List<String> body = article(20);
        translator.translateAll("en", TARGETS, "Xi writes to Putin", body);
        engine.reset();
        List<String> edited = new ArrayList<>(body);
        edited.set(7, "Paragraph 8 now says something else entirely.");

        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", TARGETS, "Xi writes to Putin", edited);

        assertThat(engine.calls()).hasSize(2).allSatisfy(c -> assertThat(c.segments())
                .containsExactly("Paragraph 8 now says something else entirely."));
        TranslationOutcome.Translated ca = (TranslationOutcome.Translated) outcomes.get("ca");
        assertThat(ca.paragraphs().get(7)).isEqualTo("[ca] Paragraph 8 now says something else entirely.");
        assertThat(ca.paragraphs().get(8)).isEqualTo("[ca] " + body.get(8));
        assertThat(ca.segmentsFromMemory()).isEqualTo(20);
        assertThat(ca.segmentsTranslated()).isEqualTo(1);
    }

    @Test
    void reuploadWithOnlyWhitespaceAndCompositionChanges_callsEngineZeroTimes() {
        List<String> body = List.of("Café con leche.", "Two  spaces here.");
        translator.translate("en", "es", "Title", body);
        engine.reset();

        translator.translate("en", "es", " Title ", List.of("Cafe\u0301 con leche.", "Two spaces\nhere. "));

        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void newLanguageForAKnownArticle_callsEngineOnlyForThatLanguage() {
        List<String> body = article(3);
        translator.translateAll("en", TARGETS, "Title", body);
        engine.reset();

        translator.translateAll("en", List.of("es", "ca", "fr"), "Title", body);

        assertThat(engine.calls()).extracting(CountingEngine.Call::targetLang).containsExactly("fr");
    }

    @Test
    void repeatedParagraphs_areSentOnce() {
        translator.translate("en", "es", "Title", List.of("Same.", "Other.", "Same."));

        assertThat(engine.calls()).singleElement().satisfies(c ->
                assertThat(c.segments()).containsExactly("Title", "Same.", "Other."));
    }

    @Test
    void unknownWords_areCountedOverTitleAndBodyIncludingRemembered() {
        translator.translate("en", "es", "A xyzzy title", List.of("One xyzzy.", "Two."));

        TranslationOutcome.Translated again = (TranslationOutcome.Translated) translator.translate("en", "es",
                "A xyzzy title", List.of("One xyzzy.", "Two.", "Three xyzzy xyzzy."));

        assertThat(again.unknownWords()).isEqualTo(4);
    }

    @Test
    void unsupportedPair_isAnOutcomeWithTheReasonAndNoEngineCall() {
        TranslationOutcome outcome = translator.translate("ar", "en", "عنوان", List.of("فقرة."));

        assertThat(outcome).isEqualTo(new TranslationOutcome.Unsupported("en", "prefix", "prefix: no ar→en pair"));
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void translateAll_neverTranslatesIntoTheSourceLanguage() {
        Map<String, TranslationOutcome> outcomes = translator.translateAll("en", List.of("en", "es"), "T", List.of("P."));

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
        List<String> body = article(2);

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
                .translate("en", "es", "T", List.of("P."));

        assertThat(outcome).isEqualTo(new TranslationOutcome.Failed("es", "prefix",
                "prefix refused: terminology missing"));
        assertThat(outcome.status()).isEqualTo("failed");
    }

    private static TranslationOutcome withCounts(TranslationOutcome.Translated t, int fromMemory, int translated) {
        return new TranslationOutcome.Translated(t.language(), t.title(), t.paragraphs(), t.engine(),
                t.engineVersion(), t.translatedAt(), t.unknownWords(), fromMemory, translated);
    }
}
