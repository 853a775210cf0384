package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.translation.InMemoryTranslationMemory;
import dev.tarjim.translation.ShoutEngine;
import dev.tarjim.translation.TranslationEngine;
import dev.tarjim.translation.TranslationOutcome;
import dev.tarjim.translation.Translator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored translation EngineTranslations builds from the translator's outcome. */
class EngineTranslationsTest {
    private static final Instant PUBLISHED = Instant.parse("2025-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");
    private static final String HREF = "https://example.org/report";
    private static final Block.Figure LEAD = new Block.Figure("https://img.example.org/lead.jpg", "A crowd",
            Inline.text("The square at noon"), "Photo: AP", 1200, 800);

    private static final TranslationEngine SHOUT = new ShoutEngine();

    private static StoredArticle original(Block.Figure leadImage) {
        List<Block> blocks = List.of(new Block.Heading(2, Inline.text("Background")),
                new Block.Paragraph(List.of(new Inline.Text("Read the "),
                        new Inline.Link(HREF, null, Inline.text("report")), new Inline.Text("."))),
                new Block.ListBlock(true, List.of(Inline.text("one"), Inline.text("two"))));
        return new StoredArticle("a1", "en", "en", "The leak", "Read the report.", blocks, "Ana", List.of("politics"),
                PUBLISHED, PUBLISHED, 3, "incoming/leak.md", "abc", false, null, false, "the-leak",
                "https://news.example.org/leak", leadImage);
    }

    private static StoredArticle translate(StoredArticle original) {
        TranslationOutcome.Translated t = (TranslationOutcome.Translated) new Translator(SHOUT,
                new InMemoryTranslationMemory(), Clock.fixed(NOW, ZoneOffset.UTC))
                .translate("en", "es", original.title(), EngineTranslations.body(original));
        return EngineTranslations.translation(original, t, NOW);
    }

    @Test
    void translation_keepsTheBlocksAndLinksAndTranslatesTheLeadImageCaptionAndAlt() {
        StoredArticle es = translate(original(LEAD));

        assertThat(es.language()).isEqualTo("es");
        assertThat(es.sourceLanguage()).isEqualTo("en");
        assertThat(es.title()).isEqualTo("THE LEAK");
        assertThat(es.blocks()).containsExactly(new Block.Heading(2, Inline.text("BACKGROUND")),
                new Block.Paragraph(List.of(new Inline.Text("READ THE "),
                        new Inline.Link(HREF, null, Inline.text("REPORT")), new Inline.Text("."))),
                new Block.ListBlock(true, List.of(Inline.text("ONE"), Inline.text("TWO"))));
        assertThat(es.leadImage()).isEqualTo(new Block.Figure("https://img.example.org/lead.jpg", "A CROWD",
                Inline.text("THE SQUARE AT NOON"), "Photo: AP", 1200, 800));
        assertThat(es.summary()).isEqualTo("READ THE REPORT.");
        assertThat(es.machineTranslated()).isTrue();
        assertThat(es.engine()).isEqualTo("shout 1");
        assertThat(es.canonicalUrl()).isEqualTo("https://news.example.org/leak");
        assertThat(es.revision()).isEqualTo(3);
        assertThat(es.updated()).isEqualTo(NOW);
        assertThat(es.published()).isEqualTo(PUBLISHED);
        assertThat(es.slug()).isEqualTo("the-leak");
        assertThat(es.tags()).containsExactly("politics");
    }

    @Test
    void translation_withoutLeadImage_hasNoneAndKeepsEveryBlock() {
        StoredArticle es = translate(original(null));

        assertThat(es.leadImage()).isNull();
        assertThat(es.blocks()).hasSize(3);
    }

    @Test
    void translation_articleOpeningWithAList_takesTheSummaryFromTheFirstParagraph() {
        StoredArticle original = new StoredArticle("a2", "en", "en", "Title", "x", List.of(
                new Block.ListBlock(false, List.of(Inline.text("item"))), Block.Paragraph.of("First words.")),
                null, List.of(), PUBLISHED, PUBLISHED, 1, "k", "h", false, null, false, null, null, null);

        assertThat(translate(original).summary()).isEqualTo("FIRST WORDS.");
    }
}
