package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.ArticleState;
import dev.tarjim.article.ContentParser;
import dev.tarjim.article.DeferredTranslations;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.store.DynamoDeferredTranslations;
import dev.tarjim.support.Log;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.testing.DynamoTable;
import dev.tarjim.translation.BudgetExhaustedException;
import dev.tarjim.translation.DynamoTranslationBudget;
import dev.tarjim.translation.InMemoryTranslationMemory;
import dev.tarjim.translation.ShoutEngine;
import dev.tarjim.translation.Translator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily budget through the ingest use case, on dynalite: what would cross the cap is deferred whole with its
 * reason and recorded, and the release translates it once budget returns (a new UTC day or a raised cap), always for
 * the live revision.
 */
class BudgetDeferralTest {
    private static final String BUCKET = "tarjim-articles";
    private static final String KEY = "incoming/budget.md";
    private static DynamoTable db;

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryTranslationMemory memory = new InMemoryTranslationMemory();
    private String table;
    private DynamoArticleStore store;
    private DeferredTranslations deferred;
    private long sequencer = 100;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void newTable() {
        table = db.newTable();
        store = new DynamoArticleStore(db.dynamo, table, clock);
        deferred = new DynamoDeferredTranslations(db.dynamo, table);
    }

    /** The service with a daily cap, as a (re)deployment with {@code TRANSLATION_DAILY_CHARACTERS=cap} builds it. */
    private IngestService service(long cap) {
        DynamoTranslationBudget budget = new DynamoTranslationBudget(db.dynamo, table, cap, clock);
        ChangeLog changeLog = new ChangeLog(db.dynamo, table, clock, ChangeLog.Settings.defaults());
        Translations translations = new EngineTranslations(new Translator(new ShoutEngine(), memory, clock, budget),
                store, changeLog, clock);
        return new IngestService((bucket, key, max) -> Optional.ofNullable(objects.get(key)),
                ContentParser.standard(), LanguageResolver.standard(), store, store,
                (bucket, key, report) -> reports.put(key, report), changeLog, translations,
                new IngestService.Settings(1 << 20, List.of("es", "ca"), Duration.ofSeconds(30), Duration.ofSeconds(5)),
                clock, Log.forFunction("budget-test"), deferred, budget);
    }

    private IngestService.Outcome upload(IngestService service, String title) {
        return upload(service, title, "The president sent a letter to the meeting of the two parties, which was held "
                + "by video link on Thursday.");
    }

    private IngestService.Outcome upload(IngestService service, String title, String paragraph) {
        String md = "---\ntitle: " + title + "\nlang: en\n---\n\n" + paragraph + "\n";
        objects.put(KEY, md.getBytes(StandardCharsets.UTF_8));
        return service.apply(new ObjectChange(BUCKET, KEY, false, String.format("%016X", sequencer++), md.length()));
    }

    private LanguageStatus language(String lang) {
        return reports.get(KEY).languages().get(lang);
    }

    private String id() {
        return IngestService.articleId(KEY);
    }

    @Test
    void capReached_laterLanguageIsDeferredWithTheReason_firstReportsItsCharacters() {
        upload(service(150), "The letter");

        assertThat(language("es").status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(language("es").characters()).isBetween(100L, 150L);
        assertThat(language("ca").status()).isEqualTo(TranslationStatus.DEFERRED);
        assertThat(language("ca").detail()).isEqualTo(BudgetExhaustedException.REASON);
        assertThat(language("ca").characters()).isZero();
        assertThat(reports.get(KEY).characters()).isEqualTo(language("es").characters());
        assertThat(store.article(id(), "ca")).isEmpty();
        assertThat(deferred.all()).containsExactly(new DeferredTranslations.Entry(id(), BUCKET, KEY));
    }

    @Test
    void release_sameDayWithoutBudget_keepsItDeferred_nextUtcDay_translatesAndForgetsIt() {
        IngestService service = service(150);
        upload(service, "The letter");

        assertThat(service.releaseDeferred()).isZero();
        assertThat(language("ca").status()).isEqualTo(TranslationStatus.DEFERRED);
        assertThat(deferred.all()).hasSize(1);

        clock.set(Instant.parse("2026-12-02T00:00:05Z"));
        assertThat(service.releaseDeferred()).isEqualTo(1);

        assertThat(language("ca").status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(language("ca").characters()).isPositive();
        assertThat(reports.get(KEY).characters())
                .isEqualTo(language("es").characters() + language("ca").characters());
        assertThat(store.article(id(), "ca")).map(StoredArticle::title).contains("THE LETTER");
        assertThat(deferred.all()).isEmpty();
    }

    @Test
    void raisedCap_releasesTheLiveRevisionOnly_neverAnOlderOne() {
        upload(service(150), "The letter");
        assertThat(language("ca").status()).isEqualTo(TranslationStatus.DEFERRED);
        // A new revision while the budget is spent: every language waits, now for revision 2.
        upload(service(150), "The second letter", "The president sent a second letter to the two parties on Friday.");
        assertThat(reports.get(KEY).revision()).isEqualTo(2);
        assertThat(language("es").status()).isEqualTo(TranslationStatus.DEFERRED);
        assertThat(language("ca").status()).isEqualTo(TranslationStatus.DEFERRED);

        assertThat(service(1_000).releaseDeferred()).isEqualTo(1);

        for (String lang : List.of("es", "ca")) {
            assertThat(language(lang).status()).isEqualTo(TranslationStatus.TRANSLATED);
            assertThat(language(lang).revision()).isEqualTo(2);
            StoredArticle translation = store.article(id(), lang).orElseThrow();
            assertThat(translation.revision()).isEqualTo(2);
            assertThat(translation.title()).isEqualTo("THE SECOND LETTER");
        }
        ArticleState state = store.state(id()).orElseThrow();
        assertThat(state.languages().get("ca").status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(deferred.all()).isEmpty();
    }

    @Test
    void release_ofAnArticleWithNothingDeferredAnyMore_forgetsIt() {
        upload(service(150), "The letter");
        objects.remove(KEY);
        service(150).apply(new ObjectChange(BUCKET, KEY, true, String.format("%016X", sequencer++), 0));

        clock.set(Instant.parse("2026-12-02T00:00:05Z"));
        assertThat(service(150).releaseDeferred()).isEqualTo(1);

        assertThat(deferred.all()).isEmpty();
        assertThat(store.article(id(), "ca")).isEmpty();
    }

    /** A clock the test moves (to the next UTC day). */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
