package dev.tarjim.ingest;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.article.TranslationStatus;
import dev.tarjim.article.ArticleParser;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.DeferredTranslations;
import dev.tarjim.article.LanguageResolver;
import dev.tarjim.article.ParsedArticle;
import dev.tarjim.article.UnsupportedUploadException;
import dev.tarjim.article.ArticleState;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.store.Sequencers;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Hashes;
import dev.tarjim.support.Log;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.translation.TranslationBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one S3 notification to the store: parse, detect the language, store the original, translate, report.
 *
 * <p>Events arrive at least once and in any order. Work on one article is serialised by a lease, and the event's
 * sequencer decides: an event older than the one already applied changes nothing, a duplicate only completes
 * what its first delivery left pending. A bad upload is a permanent failure: reported, event completed, the live
 * revision untouched. An infrastructure or engine failure is transient: thrown, so that Lambda retries.
 */
public final class IngestService {
    private final UploadSource uploads;
    private final ArticleParser parser;
    private final LanguageResolver languages;
    private final ArticleRepository articles;
    private final ArticleStates states;
    private final ReportWriter reports;
    private final ChangeLog changeLog;
    private final Translations translations;
    private final Settings settings;
    private final Clock clock;
    private final Log log;
    private final DeferredTranslations deferred;
    private final TranslationBudget budget;

    /**
     * Ingest settings.
     *
     * @param maxUploadBytes uploads above this size are refused unread
     * @param targets        default target languages (BCP 47)
     * @param leaseTtl       how long an article's lease holds before another event may take it over
     * @param leaseWait      how long an event waits for a busy article before giving up (and being retried)
     */
    public record Settings(long maxUploadBytes, List<String> targets, Duration leaseTtl, Duration leaseWait) {
        public Settings {
            targets = List.copyOf(targets);
        }
    }

    /** What one event did. */
    public enum Outcome {
        STORED, UNCHANGED, WITHDRAWN, FAILED,
        /** A newer event for the key was applied already: this one changed nothing. */
        SUPERSEDED,
        /** The same event was applied already; only pending translations were retried. */
        DUPLICATE
    }

    /**
     * The use case over its ports.
     *
     * @param articles the article texts (originals and translations)
     * @param states   the per-article states and leases
     */
    public IngestService(UploadSource uploads, ArticleParser parser, LanguageResolver languages,
            ArticleRepository articles, ArticleStates states, ReportWriter reports, ChangeLog changeLog,
            Translations translations, Settings settings, Clock clock, Log log) {
        this(uploads, parser, languages, articles, states, reports, changeLog, translations, settings, clock, log,
                DeferredTranslations.none(), TranslationBudget.unlimited());
    }

    /**
     * The use case with a daily translation budget.
     *
     * @param deferred where articles with languages deferred for want of budget are recorded until released
     * @param budget   the budget the translations spend (what {@link #releaseDeferred()} checks first)
     */
    public IngestService(UploadSource uploads, ArticleParser parser, LanguageResolver languages,
            ArticleRepository articles, ArticleStates states, ReportWriter reports, ChangeLog changeLog,
            Translations translations, Settings settings, Clock clock, Log log, DeferredTranslations deferred,
            TranslationBudget budget) {
        this.deferred = deferred;
        this.budget = budget;
        this.uploads = uploads;
        this.parser = parser;
        this.languages = languages;
        this.articles = articles;
        this.states = states;
        this.reports = reports;
        this.changeLog = changeLog;
        this.translations = translations;
        this.settings = settings;
        this.clock = clock;
        this.log = log;
    }

    /** The use case over the DynamoDB adapter of both ports. */
    public IngestService(UploadSource uploads, ArticleParser parser, LanguageResolver languages,
            DynamoArticleStore store, ReportWriter reports, ChangeLog changeLog, Translations translations,
            Settings settings, Clock clock, Log log) {
        this(uploads, parser, languages, store, store, reports, changeLog, translations, settings, clock, log);
    }

    /** The article id of an upload key: stable, URL-safe, derived from the key alone. */
    public static String articleId(String uploadKey) {
        return Hashes.sha256Prefix(uploadKey, 8);
    }

    /**
     * Applies one notification.
     *
     * @throws TransientFailureException (or an SDK exception) when a retry may succeed
     */
    public Outcome apply(ObjectChange change) {
        String id = articleId(change.key());
        String seq = Sequencers.normalize(change.sequencer());
        String lease = states.acquireLease(id, settings.leaseTtl(), settings.leaseWait());
        Outcome outcome;
        try {
            outcome = applyLeased(id, change, seq, lease);
        } catch (RuntimeException failed) {
            try {
                states.releaseLease(id, lease);
            } catch (RuntimeException releaseFailed) {
                failed.addSuppressed(releaseFailed);
            }
            throw failed;
        }
        try {
            states.releaseLease(id, lease);
        } catch (RuntimeException releaseFailed) {
            // The event's work is done: failing it now would only send Lambda's retries into this lease until it
            // expires (and then to the DLQ). Other events for the article wait for the lease's expiry instead.
            log.warn("lease not released; it expires by itself", "articleId", id, "error", releaseFailed.toString());
        }
        return outcome;
    }

    private Outcome applyLeased(String id, ObjectChange change, String seq, String lease) {
        Optional<ArticleState> current = states.state(id);
        if (current.isPresent()) {
            int cmp = current.get().sequencer().compareTo(seq);
            if (cmp > 0) {
                return Outcome.SUPERSEDED;
            }
            if (cmp == 0) {
                // A duplicate, or Lambda's retry of this event after a failure that followed the state write: the
                // report write may be what failed, so it is written again from the saved state.
                reports.write(change.bucket(), change.key(), Report.of(current.get()));
                completeTranslations(current.get(), lease, change.bucket(), null);
                return Outcome.DUPLICATE;
            }
        }
        return change.removed()
                ? withdraw(id, change, seq, current.orElse(null), lease)
                : upload(id, change, seq, current.orElse(null), lease);
    }

    private Outcome upload(String id, ObjectChange change, String seq, ArticleState current, String lease) {
        if (S3Reports.hasDotSegments(change.key())) {
            // S3 keeps such keys literally, but S3 emulators and sync tools resolve them to another object or path.
            return fail(id, change, seq, current, lease, "The file name has a '.' or '..' folder step, which other "
                    + "tools read as a different file: rename it without them");
        }
        byte[] bytes;
        try {
            Optional<byte[]> read = uploads.read(change.bucket(), change.key(), settings.maxUploadBytes());
            if (read.isEmpty()) {
                // Deleted since: its delete event (newer) will withdraw it; nothing to record for this one.
                return Outcome.SUPERSEDED;
            }
            bytes = read.get();
        } catch (UploadTooLargeException e) {
            return fail(id, change, seq, current, lease, e.getMessage());
        }
        ParsedArticle parsed;
        String language;
        List<String> warnings;
        try {
            parsed = parser.parse(bytes, change.key());
            language = languages.resolve(parsed);
            warnings = new ArrayList<>(parsed.warnings());
            languages.contradiction(parsed, language).ifPresent(warnings::add);
        } catch (UnsupportedUploadException e) {
            return fail(id, change, seq, current, lease, e.getMessage());
        }
        String hash = Hashes.sha256Hex(bytes);
        List<String> targets = targets(parsed, language);
        Instant now = clock.instant();
        if (current != null && current.revision() > 0 && !current.withdrawn() && hash.equals(current.contentHash())) {
            ArticleState unchanged = new ArticleState(id, change.key(), seq, UploadStatus.UNCHANGED,
                    current.revision(), hash, current.sourceLanguage(), current.title(), current.format(),
                    List.of(), current.languages(), current.targets(), now, current.warnings());
            states.putState(unchanged, lease);
            reports.write(change.bucket(), change.key(), Report.of(unchanged));
            completeTranslations(unchanged, lease, change.bucket(), null);
            return Outcome.UNCHANGED;
        }
        long revision = current == null ? 1 : current.revision() + 1;
        Instant published = parsed.published() != null ? parsed.published()
                : articles.article(id, language).map(StoredArticle::published).orElse(now);
        StoredArticle original = new StoredArticle(id, language, language, parsed.title(), parsed.summary(),
                parsed.blocks(), parsed.author(), parsed.tags(), published, now, revision, change.key(), hash,
                false, null, false, parsed.slug(), parsed.canonicalUrl(), parsed.leadImage());
        if (!articles.putArticle(original, seq)) {
            return Outcome.SUPERSEDED;
        }
        // Logged after the article is written and before the state says so: a crash in between retries the event,
        // which may log the change twice (same uri and version) but never loses it.
        changeLog.append(language, id, revision, ChangeKind.UPSERT);
        Map<String, LanguageStatus> languages = new LinkedHashMap<>();
        languages.put(language, new LanguageStatus(TranslationStatus.ORIGINAL, revision, null, null, 0, now));
        for (String target : targets) {
            languages.put(target, new LanguageStatus(TranslationStatus.PENDING, revision, null,
                    "waiting for translation", 0, now));
        }
        if (current != null) {
            // Languages of an earlier revision that are no longer targets stay visible, marked as such.
            current.languages().forEach((lang, st) -> {
                if (!languages.containsKey(lang)) {
                    languages.put(lang, new LanguageStatus(TranslationStatus.FAILED, st.revision(), st.engine(),
                            "no longer a target; kept from revision " + st.revision(), st.unknownWords(), st.at()));
                }
            });
        }
        ArticleState stored = new ArticleState(id, change.key(), seq, UploadStatus.STORED, revision, hash, language,
                parsed.title(), parsed.format(), List.of(), languages, targets, now, warnings);
        states.putState(stored, lease);
        reports.write(change.bucket(), change.key(), Report.of(stored));
        log.info("stored", "articleId", id, "revision", revision, "language", language,
                "blocks", parsed.blocks().size(), "format", parsed.format());
        completeTranslations(stored, lease, change.bucket(), original);
        return Outcome.STORED;
    }

    /**
     * Translates every target that is not yet settled for the live revision, saving the state after each one so
     * the editor sees progress. A transient engine failure leaves the language {@code pending} and is rethrown
     * once the other languages had their chance.
     *
     * @param written the original when this event has just written it, else {@code null} (it is read)
     */
    private ArticleState completeTranslations(ArticleState state, String lease, String bucket,
            StoredArticle written) {
        if (state.withdrawn() || state.revision() == 0) {
            return state;
        }
        List<String> todo = new ArrayList<>();
        for (String target : state.targets()) {
            LanguageStatus st = state.languages().get(target);
            if (st == null || !st.settled(state.revision())) {
                todo.add(target);
            }
        }
        if (todo.isEmpty()) {
            return state;
        }
        // The original this event just wrote is at hand; a duplicate or unchanged upload reads the live one.
        StoredArticle original = written != null ? written : articles.article(state.id(), state.sourceLanguage())
                .orElseThrow(() -> new TransientFailureException("original of " + state.id() + " not readable yet"));
        ArticleState working = state;
        TransientFailureException unavailable = null;
        for (String target : todo) {
            LanguageStatus result;
            try {
                result = translations.translate(original, target, state.sequencer());
            } catch (TransientFailureException e) {
                unavailable = e;
                result = new LanguageStatus(TranslationStatus.PENDING, state.revision(), null,
                        "translation engine unavailable, will retry: " + e.getMessage(), 0, clock.instant());
            }
            Map<String, LanguageStatus> languages = new LinkedHashMap<>(working.languages());
            languages.put(target, result);
            working = new ArticleState(working.id(), working.uploadKey(), working.sequencer(), working.status(),
                    working.revision(), working.contentHash(), working.sourceLanguage(), working.title(),
                    working.format(), working.errors(), languages, working.targets(), clock.instant(),
                    working.warnings());
            states.putState(working, lease);
            log.info("translation", "articleId", state.id(), "language", target, "status", result.status(),
                    "engine", result.engine());
        }
        reports.write(bucket, working.uploadKey(), Report.of(working));
        if (hasDeferred(working)) {
            // Recorded after the state says deferred: a crash in between leaves no record, but the state keeps the
            // language unsettled, so the event's retry (or any later event for the article) records it again.
            deferred.add(new DeferredTranslations.Entry(working.id(), bucket, working.uploadKey()));
        }
        if (unavailable != null) {
            throw unavailable;
        }
        return working;
    }

    private static boolean hasDeferred(ArticleState state) {
        return state.languages().values().stream().anyMatch(st -> st.status() == TranslationStatus.DEFERRED);
    }

    /**
     * Translates what was deferred for want of budget, if any budget is left today: each waiting article under its
     * lease, its live revision only (the state says which languages wait; a newer revision has replaced an older
     * one's deferred languages, and the sequencer fences every write). An article is forgotten once nothing of it
     * is deferred any more (or it was withdrawn). A busy article, or an engine failure, leaves it for the next run.
     *
     * @return the articles released (nothing of them deferred any more)
     */
    public int releaseDeferred() {
        if (!budget.available()) {
            return 0;
        }
        int released = 0;
        for (DeferredTranslations.Entry entry : deferred.all()) {
            if (!budget.available()) {
                break;
            }
            String lease;
            try {
                lease = states.acquireLease(entry.articleId(), settings.leaseTtl(), Duration.ZERO);
            } catch (TransientFailureException busy) {
                continue;
            }
            try {
                Optional<ArticleState> state = states.state(entry.articleId());
                ArticleState after = state.isEmpty() ? null
                        : completeTranslations(state.get(), lease, entry.bucket(), null);
                if (after == null || after.withdrawn() || !hasDeferred(after)) {
                    deferred.remove(entry.articleId());
                    released++;
                    log.info("deferred translations released", "articleId", entry.articleId());
                }
            } catch (RuntimeException e) {
                log.warn("deferred translations not released; next run", "articleId", entry.articleId(),
                        "error", e.toString());
            } finally {
                try {
                    states.releaseLease(entry.articleId(), lease);
                } catch (RuntimeException e) {
                    log.warn("lease not released; it expires by itself", "articleId", entry.articleId(),
                            "error", e.toString());
                }
            }
        }
        return released;
    }

    private Outcome withdraw(String id, ObjectChange change, String seq, ArticleState current, String lease) {
        Instant now = clock.instant();
        long revision = current == null ? 0 : current.revision();
        for (String lang : articles.languages(id)) {
            if (articles.withdraw(id, lang, seq, now)) {
                changeLog.append(lang, id, revision, ChangeKind.WITHDRAW);
            }
        }
        ArticleState withdrawn = current == null
                ? new ArticleState(id, change.key(), seq, UploadStatus.WITHDRAWN, 0, null, null, null, null,
                        List.of(), Map.of(), List.of(), now)
                : new ArticleState(id, change.key(), seq, UploadStatus.WITHDRAWN, current.revision(),
                        current.contentHash(), current.sourceLanguage(), current.title(), current.format(),
                        List.of(), current.languages(), current.targets(), now, current.warnings());
        states.putState(withdrawn, lease);
        reports.write(change.bucket(), change.key(), Report.of(withdrawn));
        log.info("withdrawn", "articleId", id, "revision", withdrawn.revision());
        return Outcome.WITHDRAWN;
    }

    private Outcome fail(String id, ObjectChange change, String seq, ArticleState current, String lease,
            String reason) {
        Instant now = clock.instant();
        ArticleState failed = current == null
                ? new ArticleState(id, change.key(), seq, UploadStatus.FAILED, 0, null, null, null, null,
                        List.of(reason), Map.of(), List.of(), now)
                : new ArticleState(id, change.key(), seq, UploadStatus.FAILED, current.revision(),
                        current.contentHash(), current.sourceLanguage(), current.title(), current.format(),
                        List.of(reason), current.languages(), current.targets(), now, current.warnings());
        states.putState(failed, lease);
        reports.write(change.bucket(), change.key(), Report.of(failed));
        log.info("refused", "articleId", id, "reason", reason, "liveRevision", failed.revision());
        return Outcome.FAILED;
    }

    private List<String> targets(ParsedArticle parsed, String language) {
        List<String> wanted = parsed.targets() != null ? parsed.targets() : settings.targets();
        List<String> out = new ArrayList<>();
        for (String t : wanted) {
            String lang = t.trim().toLowerCase(Locale.ROOT);
            if (!lang.isEmpty() && !lang.equals(language) && !out.contains(lang)) {
                out.add(lang);
            }
        }
        return out;
    }
}
