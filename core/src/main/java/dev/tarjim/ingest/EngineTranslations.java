package dev.tarjim.ingest;

import dev.tarjim.article.Summaries;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.LanguageStatus;
import dev.tarjim.store.StoredArticle;
import dev.tarjim.support.Metrics;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.translation.TranslationOutcome;
import dev.tarjim.translation.TranslationUnavailableException;
import dev.tarjim.translation.Translator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Translates with a real engine (through the translation memory) and stores each translation as its own item:
 * same article id, its own language, the source revision it translates, {@code machineTranslated} and the engine.
 */
public final class EngineTranslations implements Translations {
    private final Translator translator;
    private final DynamoArticleStore store;
    private final ChangeLog changeLog;
    private final Clock clock;

    public EngineTranslations(Translator translator, DynamoArticleStore store, ChangeLog changeLog, Clock clock) {
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
            outcome = translator.translate(original.language(), target, original.title(), original.paragraphs());
        } catch (TranslationUnavailableException e) {
            Metrics.count("ingest", "Translations", Map.of("Engine", engineName, "Status", "unavailable"));
            throw new TransientFailureException(e.getMessage(), e);
        }
        Metrics.millis("ingest", "EngineLatency", (System.nanoTime() - started) / 1_000_000,
                Map.of("Engine", engineName));
        Metrics.count("ingest", "Translations", Map.of("Engine", engineName, "Status", outcome.status()));
        Instant now = clock.instant();
        if (outcome instanceof TranslationOutcome.Translated t) {
            String engine = t.engine() + " " + t.engineVersion();
            String summary = Summaries.summaryOf(t.paragraphs().isEmpty() ? t.title() : t.paragraphs().get(0));
            StoredArticle translation = new StoredArticle(original.id(), target, original.language(), t.title(),
                    summary, t.paragraphs(), original.author(), original.tags(), original.published(), now,
                    original.revision(), original.sourceKey(), original.contentHash(), true, engine, false,
                    original.slug());
            if (store.putArticle(translation, sequencer)) {
                changeLog.append(target, original.id(), original.revision(), ChangeKind.UPSERT);
            }
            return new LanguageStatus(LanguageStatus.TRANSLATED, original.revision(), engine, null,
                    t.unknownWords(), now);
        }
        if (outcome instanceof TranslationOutcome.Unsupported u) {
            return new LanguageStatus(LanguageStatus.UNSUPPORTED, original.revision(), u.engine(), u.reason(), 0, now);
        }
        TranslationOutcome.Failed f = (TranslationOutcome.Failed) outcome;
        return new LanguageStatus(LanguageStatus.FAILED, original.revision(), f.engine(), f.reason(), 0, now);
    }
}
