package dev.tarjim.ingest;

import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.Block;
import dev.tarjim.article.BodyText;
import dev.tarjim.article.Inline;
import dev.tarjim.article.Summaries;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
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
            return new LanguageStatus(TranslationStatus.DEFERRED, original.revision(), engineName,
                    BudgetExhaustedException.REASON, 0, clock.instant());
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
            if (store.putArticle(translation, sequencer)) {
                changeLog.append(target, original.id(), original.revision(), ChangeKind.UPSERT);
            }
            // LanguageStatus has no field for warnings on a translated status yet: the metric counts them.
            Metrics.amount("ingest", "TranslatedCharacters", t.characters(),
                    Map.of("Engine", engineName, "Language", target));
            return new LanguageStatus(TranslationStatus.TRANSLATED, original.revision(), translation.engine(), null,
                    t.unknownWords(), now, t.characters());
        }
        if (outcome instanceof TranslationOutcome.Unsupported u) {
            return new LanguageStatus(TranslationStatus.UNSUPPORTED, original.revision(), u.engine(), u.reason(), 0, now);
        }
        TranslationOutcome.Failed f = (TranslationOutcome.Failed) outcome;
        return new LanguageStatus(TranslationStatus.FAILED, original.revision(), f.engine(), f.reason(), 0, now);
    }

    /** The body to translate: the blocks, then the lead image (its caption and alt text are translated too). */
    static List<Block> body(StoredArticle original) {
        if (original.leadImage() == null) {
            return original.blocks();
        }
        List<Block> blocks = new ArrayList<>(original.blocks());
        blocks.add(original.leadImage());
        return blocks;
    }

    /**
     * The stored translation: the translated title and blocks (and lead image), a summary from the translated first
     * paragraph, the original's metadata, {@code machineTranslated} and the engine.
     */
    static StoredArticle translation(StoredArticle original, TranslationOutcome.Translated t, Instant now) {
        List<Block> blocks = t.blocks();
        Block.Figure leadImage = null;
        if (original.leadImage() != null) {
            leadImage = (Block.Figure) blocks.get(blocks.size() - 1);
            blocks = blocks.subList(0, blocks.size() - 1);
        }
        String engine = t.engine() + " " + t.engineVersion();
        return new StoredArticle(original.id(), t.language(), original.language(), t.title(),
                Summaries.summaryOf(firstParagraph(blocks).orElse(t.title())), blocks, original.author(),
                original.tags(), original.published(), now, original.revision(), original.sourceKey(),
                original.contentHash(), true, engine, false, original.slug(), original.canonicalUrl(), leadImage);
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
