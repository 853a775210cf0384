package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationReview;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.DynamoTranslationReviews;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.testing.DynamoTable;
import dev.tarjim.translation.InMemoryTranslationMemory;
import dev.tarjim.translation.ShoutEngine;
import dev.tarjim.translation.Translator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A review wins over the machine and keeps its lineage when the source moves on (over dynalite: the reviews, the
 * texts and the change log are the real adapters; the engine upper-cases).
 */
class ReviewedTranslationsTest {
    private static final Instant REVIEWED_AT = Instant.parse("2026-11-30T16:20:00Z");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final List<Block> SOURCE_V1 = List.of(Block.Paragraph.of("The strike ended."),
            new Block.Heading(2, Inline.text("Wages")), Block.Paragraph.of("Wages rise by six percent."));
    private static final List<Block> REVIEWED = List.of(Block.Paragraph.of("Terminó la huelga."),
            new Block.Heading(2, Inline.text("Salarios")), Block.Paragraph.of("Los salarios suben un seis por ciento."));

    private static DynamoTable db;
    private DynamoArticleStore store;
    private ReviewedTranslations translations;
    private int article;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void wire() {
        String table = db.newTable();
        store = new DynamoArticleStore(db.dynamo, table, CLOCK);
        ChangeLog changeLog = new ChangeLog(db.dynamo, table, CLOCK, ChangeLog.Settings.defaults());
        EngineTranslations engine = new EngineTranslations(new Translator(new ShoutEngine(),
                new InMemoryTranslationMemory(), CLOCK), store, changeLog, CLOCK);
        translations = new ReviewedTranslations(engine, new DynamoTranslationReviews(db.dynamo, table), store,
                changeLog, CLOCK);
        article++;
    }

    private StoredArticle original(long revision, List<Block> blocks) {
        StoredArticle a = new StoredArticle("art" + article, "en", "en", "Strike over", "The strike ended.", blocks,
                "Desk", List.of(), REVIEWED_AT, CLOCK.instant(), revision, "incoming/strike.md", "h" + revision,
                false, null, false, null, null, null);
        store.putArticle(a, seq(revision));
        return a;
    }

    private static String seq(long revision) {
        return String.format("%020d", revision);
    }

    private LanguageStatus review(StoredArticle original, List<Block> reviewed) {
        return translations.review(original, new TranslationReview(original.id(), "es", "incoming/strike.es.md",
                "Ana", REVIEWED_AT, original.revision(), original.title(), original.blocks(), "Fin de la huelga",
                null, reviewed, null), seq(original.revision()));
    }

    private StoredArticle spanish() {
        return store.article("art" + article, "es").orElseThrow();
    }

    @Test
    void review_replacesTheMachineText_statusReviewedWithWhoAndWhen() {
        StoredArticle v1 = original(1, SOURCE_V1);
        translations.translate(v1, "es", seq(1));

        LanguageStatus status = review(v1, REVIEWED);

        assertThat(status.status()).isEqualTo(TranslationStatus.REVIEWED);
        assertThat(status.reviewer()).isEqualTo("Ana");
        assertThat(status.at()).isEqualTo(REVIEWED_AT);
        assertThat(spanish().blocks()).isEqualTo(REVIEWED);
        assertThat(spanish().title()).isEqualTo("Fin de la huelga");
        assertThat(spanish().machineTranslated()).isFalse();
        assertThat(spanish().review()).isEqualTo(new StoredArticle.Review("Ana", REVIEWED_AT, 1, List.of(), false));
        assertThat(spanish().revision()).isEqualTo(1);
    }

    @Test
    void newRevision_unchangedBlocksKeepReviewedText_changedBlockIsMachine_needsReview() {
        review(original(1, SOURCE_V1), REVIEWED);
        List<Block> edited = List.of(SOURCE_V1.get(0), SOURCE_V1.get(1),
                Block.Paragraph.of("Wages rise by seven percent."));

        LanguageStatus status = translations.translate(original(2, edited), "es", seq(2));

        assertThat(status.status()).isEqualTo(TranslationStatus.NEEDS_REVIEW);
        assertThat(status.changedBlocks()).containsExactly(2);
        assertThat(status.revision()).isEqualTo(2);
        assertThat(spanish().blocks()).containsExactly(REVIEWED.get(0), REVIEWED.get(1),
                Block.Paragraph.of("WAGES RISE BY SEVEN PERCENT."));
        assertThat(spanish().title()).as("the source title did not change").isEqualTo("Fin de la huelga");
        assertThat(spanish().revision()).isEqualTo(2);
        assertThat(spanish().review().machineBlocks()).containsExactly(2);
    }

    @Test
    void newRevision_reviewOfAnotherStructure_staysLiveWhole_wholeLanguageNeedsReview() {
        List<Block> joined = List.of(Block.Paragraph.of("Terminó la huelga y los salarios suben un seis por ciento."));
        review(original(1, SOURCE_V1), joined);
        List<Block> edited = List.of(SOURCE_V1.get(0), Block.Paragraph.of("A new paragraph."));

        LanguageStatus status = translations.translate(original(2, edited), "es", seq(2));

        assertThat(status.status()).isEqualTo(TranslationStatus.NEEDS_REVIEW);
        assertThat(status.changedBlocks()).isEmpty();
        assertThat(status.detail()).contains("does not match its source block for block");
        assertThat(spanish().blocks()).isEqualTo(joined);
        assertThat(spanish().revision()).as("the source revision the live text was made from").isEqualTo(1);
        assertThat(spanish().review().stale()).isTrue();
    }

    @Test
    void dropReview_revertsToTheMachine() {
        StoredArticle v1 = original(1, SOURCE_V1);
        review(v1, REVIEWED);

        LanguageStatus status = translations.dropReview(v1, "es", seq(1)).orElseThrow();

        assertThat(status.status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(spanish().machineTranslated()).isTrue();
        assertThat(spanish().review()).isNull();
        assertThat(translations.dropReview(v1, "es", seq(1))).isEmpty();
    }
}
