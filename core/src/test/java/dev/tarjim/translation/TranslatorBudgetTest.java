package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the translator pays from the daily budget: exactly what the engine receives, memory hits excluded. */
class TranslatorBudgetTest {
    private static final List<Block> BODY = List.of(
            new Block.Paragraph(List.of(new Inline.Text("Read the "),
                    new Inline.Link("https://example.org/report", null, Inline.text("report")),
                    new Inline.Text(" on café prices."))),
            new Block.Paragraph(Inline.text("The meeting was held on Thursday.")));

    /** A budget that grants up to a cap and records each reservation. */
    static final class RecordingBudget implements TranslationBudget {
        final List<Long> reserved = new ArrayList<>();
        long cap;

        RecordingBudget(long cap) {
            this.cap = cap;
        }

        @Override
        public synchronized boolean reserve(long characters) {
            long spent = reserved.stream().mapToLong(Long::longValue).sum();
            if (spent + characters > cap) {
                return false;
            }
            reserved.add(characters);
            return true;
        }

        @Override
        public synchronized boolean available() {
            return reserved.stream().mapToLong(Long::longValue).sum() < cap;
        }
    }

    private static long codePoints(List<CountingEngine.Call> calls) {
        return calls.stream().flatMap(c -> c.segments().stream())
                .mapToLong(s -> s.codePointCount(0, s.length())).sum();
    }

    @Test
    void translated_reportsTheCharactersTheEngineReceived_markupPlaceholdersIncluded() {
        CountingEngine engine = new CountingEngine(new ShoutEngine());
        RecordingBudget budget = new RecordingBudget(10_000);
        Translator translator = new Translator(engine, new InMemoryTranslationMemory(), Clock.systemUTC(), budget);

        TranslationOutcome.Translated es = (TranslationOutcome.Translated) translator.translate("en", "es",
                "Café prices", BODY);

        long sent = codePoints(engine.calls());
        assertThat(engine.calls().get(0).segments()).anySatisfy(s -> assertThat(s).contains("<").contains("report"));
        assertThat(es.characters()).isEqualTo(sent).isGreaterThan("Café pricesRead the report on café prices.".length());
        assertThat(budget.reserved).containsExactly(sent);
    }

    @Test
    void memoryHits_costNothing_onlyTheChangedPieceIsPaid() {
        CountingEngine engine = new CountingEngine(new ShoutEngine());
        RecordingBudget budget = new RecordingBudget(10_000);
        Translator translator = new Translator(engine, new InMemoryTranslationMemory(), Clock.systemUTC(), budget);
        translator.translate("en", "es", "Café prices", BODY);
        engine.reset();

        TranslationOutcome.Translated again = (TranslationOutcome.Translated) translator.translate("en", "es",
                "Café prices", BODY);
        List<Block> edited = List.of(BODY.get(0), new Block.Paragraph(Inline.text("It ended on Friday.")));
        TranslationOutcome.Translated changed = (TranslationOutcome.Translated) translator.translate("en", "es",
                "Café prices", edited);

        assertThat(again.characters()).isZero();
        assertThat(changed.characters()).isEqualTo("It ended on Friday.".length());
        assertThat(budget.reserved).hasSize(2).last().isEqualTo((long) "It ended on Friday.".length());
    }

    @Test
    void overTheBudget_theWholeLanguageIsRefused_andNothingReachesTheEngine() {
        CountingEngine engine = new CountingEngine(new ShoutEngine());
        RecordingBudget budget = new RecordingBudget(20);
        Translator translator = new Translator(engine, new InMemoryTranslationMemory(), Clock.systemUTC(), budget);

        assertThatThrownBy(() -> translator.translate("en", "es", "Café prices", BODY))
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessageStartingWith(BudgetExhaustedException.REASON);
        assertThat(engine.calls()).isEmpty();
        assertThat(budget.reserved).isEmpty();
    }
}
