package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translation memory learns an editor's reviewed pieces, so a later machine run reuses them. */
class TranslatorLearnTest {
    private static final String HREF = "https://example.org/report";

    private final CountingEngine engine = new CountingEngine(new ShoutEngine());
    private final Translator translator = new Translator(engine, new InMemoryTranslationMemory(),
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    private static Block linked(String before, String link, String after) {
        return new Block.Paragraph(List.of(new Inline.Text(before), new Inline.Link(HREF, null, Inline.text(link)),
                new Inline.Text(after)));
    }

    @Test
    void learn_reviewedPieces_areReusedByTheNextRunWithLinksFromTheSource() {
        List<Block> source = List.of(linked("Read the ", "report", "."), Block.Paragraph.of("It was late."));
        List<Block> reviewed = List.of(linked("Lea el ", "informe", "."), Block.Paragraph.of("Llegó tarde."));

        int learned = translator.learn("en", "es", "The leak", source, "La filtración", reviewed);
        TranslationOutcome.Translated t = (TranslationOutcome.Translated) translator.translate("en", "es", "The leak",
                List.of(source.get(0), source.get(1), Block.Paragraph.of("A new sentence.")));

        assertThat(learned).isEqualTo(3);
        assertThat(t.title()).isEqualTo("La filtración");
        assertThat(t.blocks()).containsExactly(reviewed.get(0), reviewed.get(1), Block.Paragraph.of("A NEW SENTENCE."));
        assertThat(engine.calls()).singleElement().satisfies(c -> assertThat(c.segments()).hasSize(1));
    }

    @Test
    void learn_blockOfAnotherKind_teachesNothingForIt() {
        List<Block> source = List.of(Block.Paragraph.of("It was late."));
        List<Block> reviewed = List.of(new Block.Heading(2, Inline.text("Llegó tarde.")));

        int learned = translator.learn("en", "es", "T", source, "T es", reviewed);

        assertThat(learned).isEqualTo(1);
        TranslationOutcome.Translated t = (TranslationOutcome.Translated) translator.translate("en", "es", "T", source);
        assertThat(t.blocks()).containsExactly(Block.Paragraph.of("IT WAS LATE."));
    }
}
