package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarjim.article.ArticleState;
import dev.tarjim.article.ContentParser;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.support.Log;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.testing.DynamoTable;
import dev.tarjim.translation.InMemoryTranslationMemory;
import dev.tarjim.translation.ShoutEngine;
import dev.tarjim.translation.TranslatedSegment;
import dev.tarjim.translation.TranslationBudget;
import dev.tarjim.translation.TranslationEngine;
import dev.tarjim.translation.TranslationUnavailableException;
import dev.tarjim.translation.Translator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event given up after its retries shows in the editor's report as {@code failed} ("gave up after N tries, held
 * in the dead-letter queue" and the last error), keeping what the report said of the live revision; redriven, the
 * same event settles the article.
 */
class DeadLettersTest {
    private static final String BUCKET = "tarjim-articles";
    private static final String KEY = "incoming/dead.md";
    private static DynamoTable db;

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final AtomicBoolean engineDown = new AtomicBoolean();
    private final AtomicBoolean s3Down = new AtomicBoolean();
    private DynamoArticleStore store;
    private IngestService service;
    private DeadLetters deadLetters;

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
        String table = db.newTable();
        Clock clock = Clock.systemUTC();
        store = new DynamoArticleStore(db.dynamo, table, clock);
        ChangeLog changeLog = new ChangeLog(db.dynamo, table, clock, ChangeLog.Settings.defaults());
        Translations translations = new EngineTranslations(new Translator(new FlakyEngine(),
                new InMemoryTranslationMemory(), clock, TranslationBudget.unlimited()), store, changeLog, clock);
        ReportWriter writer = (bucket, key, report) -> reports.put(key, report);
        service = new IngestService((bucket, key, max) -> {
            if (s3Down.get()) {
                throw new TransientFailureException("S3 did not answer");
            }
            return Optional.ofNullable(objects.get(key));
        }, ContentParser.standard(), LanguageResolver.standard(), store, store, writer, changeLog, translations,
                new IngestService.Settings(1 << 20, List.of("es"), Duration.ofSeconds(30), Duration.ofSeconds(1)),
                clock, Log.forFunction("dead-letter-test"));
        deadLetters = new DeadLetters(store, writer, Duration.ofSeconds(30), Duration.ofSeconds(1), clock,
                Log.forFunction("dead-letter-test"));
    }

    private ObjectChange put(String title, String sequencer) {
        String md = "---\ntitle: " + title + "\nlang: en\n---\n\nThe minister opened the new bridge on Monday.\n";
        objects.put(KEY, md.getBytes(StandardCharsets.UTF_8));
        return new ObjectChange(BUCKET, KEY, false, sequencer, md.length());
    }

    private ArticleState state() {
        return store.state(IngestService.articleId(KEY)).orElseThrow();
    }

    @Test
    void engineDown_givenUp_reportsFailedWithTheTriesAndLastError_keepingTheStoredRevision() {
        ObjectChange change = put("The bridge", "0A");
        engineDown.set(true);
        assertThatThrownBy(() -> service.apply(change)).isInstanceOf(TransientFailureException.class);

        deadLetters.record(change, 3, "TranslationUnavailableException: APy did not answer");

        Report report = reports.get(KEY);
        assertThat(report.status()).isEqualTo(UploadStatus.FAILED);
        assertThat(report.errors()).containsExactly("gave up after 3 tries, held in the dead-letter queue",
                "last error: TranslationUnavailableException: APy did not answer");
        assertThat(report.title()).isEqualTo("The bridge");
        assertThat(report.revision()).isEqualTo(1);
        assertThat(report.languages().get("es").status()).isEqualTo(TranslationStatus.PENDING);
        assertThat(Report.of(state())).isEqualTo(report);
    }

    @Test
    void redriven_afterItHadStored_settlesAsStoredAndTranslates() {
        ObjectChange change = put("The bridge", "0A");
        engineDown.set(true);
        assertThatThrownBy(() -> service.apply(change)).isInstanceOf(TransientFailureException.class);
        deadLetters.record(change, 3, "engine down");

        engineDown.set(false);
        service.apply(change);

        Report report = reports.get(KEY);
        assertThat(report.status()).isEqualTo(UploadStatus.STORED);
        assertThat(report.errors()).isEmpty();
        assertThat(report.revision()).isEqualTo(1);
        assertThat(report.languages().get("es").status()).isEqualTo(TranslationStatus.TRANSLATED);
        assertThat(state().status()).isEqualTo(UploadStatus.STORED);
    }

    @Test
    void givenUpBeforeAnythingWasApplied_failedAtRevisionZero_redrivenStoresRevisionOne() {
        ObjectChange change = put("Never read", "0B");
        s3Down.set(true);
        assertThatThrownBy(() -> service.apply(change)).isInstanceOf(TransientFailureException.class);

        deadLetters.record(change, 3, null);
        assertThat(reports.get(KEY).status()).isEqualTo(UploadStatus.FAILED);
        assertThat(reports.get(KEY).revision()).isZero();
        assertThat(reports.get(KEY).errors()).containsExactly("gave up after 3 tries, held in the dead-letter queue");

        s3Down.set(false);
        assertThat(service.apply(change)).isEqualTo(IngestService.Outcome.STORED);
        assertThat(reports.get(KEY).status()).isEqualTo(UploadStatus.STORED);
        assertThat(reports.get(KEY).revision()).isEqualTo(1);
        assertThat(reports.get(KEY).title()).isEqualTo("Never read");
    }

    @Test
    void givenUpRevisionOverALiveOne_keepsTheLiveOne_redrivenStoresTheNewOne() {
        service.apply(put("First", "0A"));
        ObjectChange second = put("Second", "0C");
        s3Down.set(true);
        assertThatThrownBy(() -> service.apply(second)).isInstanceOf(TransientFailureException.class);
        deadLetters.record(second, 3, "S3 did not answer");

        assertThat(reports.get(KEY).status()).isEqualTo(UploadStatus.FAILED);
        assertThat(reports.get(KEY).title()).isEqualTo("First");
        assertThat(reports.get(KEY).languages().get("es").status()).isEqualTo(TranslationStatus.TRANSLATED);

        s3Down.set(false);
        assertThat(service.apply(second)).isEqualTo(IngestService.Outcome.STORED);
        assertThat(reports.get(KEY).title()).isEqualTo("Second");
        assertThat(reports.get(KEY).revision()).isEqualTo(2);
    }

    @Test
    void deadLetterOfAnOlderEvent_afterANewerOneWasApplied_changesNothing() {
        ObjectChange older = put("Older", "0A");
        service.apply(put("Newer", "0F"));
        Report before = reports.get(KEY);

        assertThat(deadLetters.record(older, 3, "late")).isEmpty();

        assertThat(reports.get(KEY)).isEqualTo(before);
        assertThat(state().status()).isEqualTo(UploadStatus.STORED);
    }

    /** Upper-cases like {@link ShoutEngine}, or does not answer while the test says it is down. */
    private final class FlakyEngine implements TranslationEngine {
        private final ShoutEngine shout = new ShoutEngine();

        @Override
        public String name() {
            return shout.name();
        }

        @Override
        public String version() {
            return shout.version();
        }

        @Override
        public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
            return shout.unsupportedReason(sourceLang, targetLang);
        }

        @Override
        public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
            if (engineDown.get()) {
                throw new TranslationUnavailableException("APy did not answer", null);
            }
            return shout.translate(sourceLang, targetLang, segments);
        }
    }
}
