package dev.tarjim.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.ContentParser;
import dev.tarjim.article.Correction;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.store.FeedIndex;
import dev.tarjim.support.Log;
import dev.tarjim.syndication.Change;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.translation.InMemoryTranslationMemory;
import dev.tarjim.translation.TranslatedSegment;
import dev.tarjim.translation.TranslationEngine;
import dev.tarjim.translation.Translator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The visibility rules of embargoes and the correction notes, over dynalite and the in-process S3 with a clock the
 * test moves: what is stored, what feeds, the partner change log and the report show before and after the release.
 */
class EmbargoTest {
    private static final Log LOG = Log.forFunction("embargo-test");
    private static Stack stack;
    private static ChangeLog changeLog;
    private static FeedIndex feeds;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private IngestService ingest;
    private EmbargoRelease release;

    @BeforeAll
    static void start() {
        stack = new Stack();
        changeLog = new ChangeLog(stack.dynamo, Stack.TABLE, Clock.systemUTC(), ChangeLog.Settings.defaults());
        feeds = new FeedIndex(stack.dynamo, Stack.TABLE, stack.store);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void wire() {
        Translations spanish = new EngineTranslations(new Translator(new BracketEngine(),
                new InMemoryTranslationMemory(), clock), stack.store, changeLog, clock);
        ingest = new IngestService(new S3Uploads(stack.objects), ContentParser.standard(), LanguageResolver.standard(),
                stack.store, new S3Reports(stack.objects), changeLog, spanish,
                new IngestService.Settings(1 << 20, List.of("es"), Duration.ofMinutes(2), Duration.ofSeconds(2)),
                clock, LOG);
        release = new EmbargoRelease(stack.store, stack.store, new S3Reports(stack.objects), changeLog, Stack.BUCKET,
                Duration.ofMinutes(2), Duration.ofSeconds(2), clock, LOG);
        // Entries the other tests left would be released by this test's runs: start each with none.
        clock.set("2100-01-01T00:00:00Z");
        release.releaseDue();
        clock.set("2026-12-01T10:00:00Z");
    }

    @Test
    void scheduled_isStoredAndTranslated_butInNoFeedLogOrAlternate_andTheReportSaysWhen() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Embargoed budget", "2026-12-01T12:00:00Z", null));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("scheduled");
        assertThat(report.get("embargo").asText()).isEqualTo("2026-12-01T12:00:00Z");
        assertThat(report.at("/languages/es/status").asText()).isEqualTo("translated");
        assertThat(stack.store.article(id, "en")).get().extracting(StoredArticle::visible).isEqualTo(false);
        assertThat(stack.store.article(id, "es")).get().extracting(StoredArticle::embargo)
                .isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(feedIds("en")).doesNotContain(id);
        assertThat(feedIds("es")).doesNotContain(id);
        assertThat(logged("en", id)).isEmpty();
        assertThat(logged("es", id)).isEmpty();
        assertThat(stack.store.liveLanguages(List.of(id))).containsEntry(id, List.of());

        clock.set("2026-12-01T11:59:59Z");
        assertThat(release.releaseDue()).isZero();
        assertThat(feedIds("en")).doesNotContain(id);
        assertThat(stack.report(key).get("status").asText()).isEqualTo("scheduled");
    }

    @Test
    void release_atTheEmbargo_feedsLogsAndReportsStored_once() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Embargoed budget", "2026-12-01T12:00:00Z", null));

        clock.set("2026-12-01T12:00:00Z");
        assertThat(release.releaseDue()).isEqualTo(1);

        assertThat(feedIds("en")).contains(id);
        assertThat(feedIds("es")).contains(id);
        assertThat(logged("en", id)).extracting(Change::kind).containsExactly(ChangeKind.UPSERT);
        assertThat(logged("es", id)).extracting(Change::kind).containsExactly(ChangeKind.UPSERT);
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("embargo").isNull()).isTrue();
        assertThat(stack.store.liveLanguages(List.of(id))).containsEntry(id, List.of("en", "es"));
        // Published at the embargo, not at the upload: the entry is new in the feed when it appears.
        assertThat(stack.store.article(id, "en").orElseThrow().published())
                .isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));

        clock.set("2026-12-01T12:05:00Z");
        assertThat(release.releaseDue()).isZero();
        assertThat(release.release(id)).isFalse();
        assertThat(logged("en", id)).hasSize(1);
    }

    @Test
    void reupload_movingTheEmbargoLater_keepsItHiddenUntilTheNewTime() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("First time", "2026-12-01T12:00:00Z", null));
        upload(key, article("Moved", "2026-12-01T14:00:00Z", null));

        clock.set("2026-12-01T13:00:00Z");
        assertThat(release.releaseDue()).isZero();
        assertThat(feedIds("en")).doesNotContain(id);
        assertThat(logged("en", id)).isEmpty();
        assertThat(stack.report(key).get("embargo").asText()).isEqualTo("2026-12-01T14:00:00Z");

        clock.set("2026-12-01T14:00:01Z");
        assertThat(release.releaseDue()).isEqualTo(1);
        assertThat(feedIds("en")).contains(id);
        assertThat(stack.store.article(id, "en").orElseThrow().title()).isEqualTo("Moved");
    }

    @Test
    void reupload_withoutEmbargo_publishesAtOnce_andTheOldTimeReleasesNoOldText() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Scheduled text", "2026-12-01T12:00:00Z", null));
        upload(key, article("Published now", null, null));

        assertThat(stack.report(key).get("status").asText()).isEqualTo("stored");
        assertThat(feedIds("en")).contains(id);
        assertThat(logged("en", id)).hasSize(1);

        clock.set("2026-12-01T12:00:01Z");
        assertThat(release.releaseDue()).isZero();
        assertThat(stack.store.article(id, "en").orElseThrow().title()).isEqualTo("Published now");
        assertThat(logged("en", id)).hasSize(1);
    }

    @Test
    void pastEmbargo_publishesNow() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Late embargo", "2026-12-01T09:00:00Z", null));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("embargo").isNull()).isTrue();
        assertThat(feedIds("en")).contains(id);
        assertThat(logged("en", id)).hasSize(1);
    }

    @Test
    void embargo_onAnAlreadyPublishedArticle_isIgnoredWithAWarning() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Out already", null, null));
        upload(key, article("Out already, edited", "2026-12-01T12:00:00Z", null));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("warnings").toString()).contains("already published");
        assertThat(feedIds("en")).contains(id);
        assertThat(stack.store.article(id, "en").orElseThrow().title()).isEqualTo("Out already, edited");
    }

    @Test
    void withdrawnBeforeItsTime_isNeverReleased_norLogged() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Pulled", "2026-12-01T12:00:00Z", null));
        stack.remove(key);
        ingest.apply(new ObjectChange(Stack.BUCKET, key, true, S3Events.nextSequencer(), 0));

        clock.set("2026-12-01T12:00:01Z");
        assertThat(release.releaseDue()).isZero();
        assertThat(feedIds("en")).doesNotContain(id);
        assertThat(logged("en", id)).as("partners never learn of it, not even by its withdrawal").isEmpty();
        assertThat(stack.report(key).get("status").asText()).isEqualTo("withdrawn");
    }

    @Test
    void failedReupload_ofAScheduledArticle_keepsItsEmbargo_andTheReleaseStillComes() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Scheduled", "2026-12-01T12:00:00Z", null));
        upload(key, "---\ntitle: Broken\nembargo: not a date\n---\n\nText.\n");

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("embargo").asText()).isEqualTo("2026-12-01T12:00:00Z");
        clock.set("2026-12-01T12:00:00Z");
        assertThat(release.releaseDue()).isEqualTo(1);
        assertThat(feedIds("en")).contains(id);
        assertThat(stack.store.article(id, "en").orElseThrow().title()).isEqualTo("Scheduled");
    }

    @Test
    void corrections_areKeptNewestFirst_translated_andMoveTheUpdatedTime() {
        String key = uniqueKey();
        String id = IngestService.articleId(key);
        upload(key, article("Rates", null, null));
        clock.set("2026-12-02T08:00:00Z");
        upload(key, article("Rates", null, "The rate is 4%, not 5%."));
        clock.set("2026-12-03T08:00:00Z");
        upload(key, article("Rates", null, "The minister is Ana Ruiz."));

        StoredArticle en = stack.store.article(id, "en").orElseThrow();
        assertThat(en.corrections()).extracting(Correction::text)
                .containsExactly("The minister is Ana Ruiz.", "The rate is 4%, not 5%.");
        assertThat(en.corrections()).extracting(Correction::revision).containsExactly(3L, 2L);
        assertThat(en.corrections().get(0).at()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        assertThat(en.updated()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        StoredArticle es = stack.store.article(id, "es").orElseThrow();
        assertThat(es.corrections()).extracting(Correction::text)
                .containsExactly("[es] The minister is Ana Ruiz.", "[es] The rate is 4%, not 5%.");
        assertThat(es.blocks()).hasSameSizeAs(en.blocks());
        assertThat(logged("en", id)).extracting(Change::revision).containsExactly(1L, 2L, 3L);
    }

    // ------------------------------------------------------------------ helpers

    private static String uniqueKey() {
        return "incoming/" + UUID.randomUUID() + ".md";
    }

    private static String article(String title, String embargo, String correction) {
        return "---\ntitle: " + title + "\nlang: en\n"
                + (embargo == null ? "" : "embargo: " + embargo + "\n")
                + (correction == null ? "" : "correction: \"" + correction + "\"\n")
                + "---\n\nThe finance minister presented the budget on Tuesday.\n\nIt was approved late at night.\n";
    }

    private void upload(String key, String markdown) {
        byte[] body = markdown.getBytes(StandardCharsets.UTF_8);
        stack.upload(key, body);
        ingest.apply(new ObjectChange(Stack.BUCKET, key, false, S3Events.nextSequencer(), body.length));
    }

    private static List<String> feedIds(String lang) {
        return feeds.page(lang, null, 500).articles().stream().map(StoredArticle::id).toList();
    }

    private static List<Change> logged(String lang, String id) {
        return changeLog.changes(lang, null, 1000).changes().stream().filter(c -> c.articleId().equals(id)).toList();
    }

    /** "Translates" by prefixing the target code: a test can see which language each text went to. */
    private static final class BracketEngine implements TranslationEngine {
        @Override
        public String name() {
            return "bracket";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public Optional<String> unsupportedReason(String sourceLang, String targetLang) {
            return Optional.empty();
        }

        @Override
        public List<TranslatedSegment> translate(String sourceLang, String targetLang, List<String> segments) {
            return segments.stream().map(s -> new TranslatedSegment(s.isEmpty() ? s : "[" + targetLang + "] " + s, 0))
                    .toList();
        }
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(String instant) {
            now = Instant.parse(instant);
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
