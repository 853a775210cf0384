package dev.tarjim.ingest;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.Block;
import dev.tarjim.article.BodyText;
import dev.tarjim.article.Correction;
import dev.tarjim.article.Inline;
import dev.tarjim.article.Summaries;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationReview;
import dev.tarjim.support.Metrics;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.translation.BudgetExhaustedException;
import dev.tarjim.translation.TranslationOutcome;
import dev.tarjim.translation.TranslationUnavailableException;
import dev.tarjim.translation.Translator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates with a real engine (through the translation memory) and stores each translation as its own item:
 * same article id, its own language, the source revision it translates, {@code machineTranslated} and the engine.
 * The body keeps the original's structure (blocks, links, figures); the lead image's caption and alt text are
 * translated with it.
 */
public final class EngineTranslations implements Translations {
    private final Translator translator;
    private final ArticleRepository store;
    private final ChangeLog changeLog;
    private final Clock clock;

    public EngineTranslations(Translator translator, ArticleRepository store, ChangeLog changeLog, Clock clock) {
        this.translator = translator;
        this.store = store;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Override
    public LanguageStatus translate(StoredArticle original, String target, String sequencer) {
        Machine machine = machine(original, target);
        // An embargoed translation is logged when it is released.
        if (machine.text() != null && store.putArticle(machine.text(), sequencer) && machine.text().embargo() == null) {
            changeLog.append(target, original.id(), original.revision(), ChangeKind.UPSERT);
        }
        return machine.status();
    }

    /**
     * A machine translation, not stored yet.
     *
     * @param text   the translation, or {@code null} when there is none
     * @param status the language's status: {@code translated}, {@code unsupported} or {@code failed}
     */
    record Machine(StoredArticle text, LanguageStatus status) {
    }

    /**
     * Translates an original into one language without storing it.
     *
     * @throws TransientFailureException when the engine is unavailable for now
     */
    Machine machine(StoredArticle original, String target) {
        TranslationOutcome outcome;
        long started = System.nanoTime();
        String engineName = translator.engine().name();
        try {
            outcome = translator.translate(original.language(), target, original.title(), body(original));
        } catch (TranslationUnavailableException e) {
            Metrics.count("ingest", "Translations", Map.of("Engine", engineName, "Status", "unavailable"));
            throw new TransientFailureException(e.getMessage(), e);
        } catch (BudgetExhaustedException e) {
            Metrics.count("ingest", "Translations", Map.of("Engine", engineName, "Language", target,
                    "Status", TranslationStatus.DEFERRED.code()));
            return new Machine(null, new LanguageStatus(TranslationStatus.DEFERRED, original.revision(), engineName,
                    BudgetExhaustedException.REASON, 0, clock.instant()));
        }
        Metrics.millis("ingest", "EngineLatency", (System.nanoTime() - started) / 1_000_000,
                Map.of("Engine", engineName));
        Metrics.count("ingest", "Translations", Map.of("Engine", engineName, "Language", target,
                "Status", outcome.status().code()));
        Instant now = clock.instant();
        if (outcome instanceof TranslationOutcome.Translated t) {
            StoredArticle translation = translation(original, t, now);
            if (t.markupFallbacks() > 0) {
                Metrics.count("ingest", "MarkupFallbacks", Map.of("Engine", engineName));
            }
            // LanguageStatus has no field for warnings on a translated status yet: the metric counts them.
            Metrics.amount("ingest", "TranslatedCharacters", t.characters(),
                    Map.of("Engine", engineName, "Language", target));
            return new Machine(translation, new LanguageStatus(TranslationStatus.TRANSLATED, original.revision(),
                    translation.engine(), null, t.unknownWords(), now, t.characters()));
        }
        if (outcome instanceof TranslationOutcome.Unsupported u) {
            return new Machine(null, new LanguageStatus(TranslationStatus.UNSUPPORTED, original.revision(),
                    u.engine(), u.reason(), 0, now));
        }
        TranslationOutcome.Failed f = (TranslationOutcome.Failed) outcome;
        return new Machine(null, new LanguageStatus(TranslationStatus.FAILED, original.revision(), f.engine(),
                f.reason(), 0, now));
    }

    /**
     * Teaches the translation memory a reviewed translation (its title and blocks against the source's they were
     * made from), so that later machine runs reuse the reviewed pieces.
     *
     * @return how many pieces were learned
     * @throws TransientFailureException when the memory does not answer
     */
    int learn(String sourceLanguage, TranslationReview review) {
        try {
            return translator.learn(sourceLanguage, review.language(), review.sourceTitle(), review.sourceBlocks(),
                    review.title(), review.blocks());
        } catch (TranslationUnavailableException e) {
            throw new TransientFailureException(e.getMessage(), e);
        }
    }

    /**
     * The body to translate: the blocks, then the lead image (its caption and alt text are translated too), then one
     * paragraph per correction note.
     */
    static List<Block> body(StoredArticle original) {
        if (original.leadImage() == null && original.corrections().isEmpty()) {
            return original.blocks();
        }
        List<Block> blocks = new ArrayList<>(original.blocks());
        if (original.leadImage() != null) {
            blocks.add(original.leadImage());
        }
        for (Correction c : original.corrections()) {
            blocks.add(Block.Paragraph.of(c.text()));
        }
        return blocks;
    }

    /**
     * The stored translation: the translated title and blocks (and lead image), a summary from the translated first
     * paragraph, the original's metadata, {@code machineTranslated} and the engine.
     */
    static StoredArticle translation(StoredArticle original, TranslationOutcome.Translated t, Instant now) {
        List<Block> blocks = t.blocks();
        List<Correction> corrections = new ArrayList<>();
        int notes = original.corrections().size();
        for (int i = 0; i < notes; i++) {
            Correction c = original.corrections().get(i);
            corrections.add(new Correction(c.at(), c.revision(),
                    BodyText.block(blocks.get(blocks.size() - notes + i))));
        }
        blocks = blocks.subList(0, blocks.size() - notes);
        Block.Figure leadImage = null;
        if (original.leadImage() != null) {
            leadImage = (Block.Figure) blocks.get(blocks.size() - 1);
            blocks = blocks.subList(0, blocks.size() - 1);
        }
        String engine = t.engine() + " " + t.engineVersion();
        return new StoredArticle(original.id(), t.language(), original.language(), t.title(),
                summaryOf(blocks, t.title()), blocks, original.author(),
                original.tags(), original.published(), now, original.revision(), original.sourceKey(),
                original.contentHash(), true, engine, false, original.slug(), original.canonicalUrl(), leadImage,
                // An embargo that has passed is none: a translation finishing after the release goes live at once.
                original.embargo() != null && original.embargo().isAfter(now) ? original.embargo() : null,
                corrections);
    }

    /** The summary of a translated body: its first paragraph shortened, else the title. */
    static String summaryOf(List<Block> blocks, String title) {
        return Summaries.summaryOf(firstParagraph(blocks).orElse(title));
    }

    /** The first paragraph's text, else the first block with text (an article may open with a list). */
    private static Optional<String> firstParagraph(List<Block> blocks) {
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p && !Inline.plain(p.content()).isBlank()) {
                return Optional.of(BodyText.block(p));
            }
        }
        return blocks.stream().map(BodyText::block).filter(s -> !s.isBlank()).findFirst();
    }
}
