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
import dev.tarjim.article.Correction;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.store.Sequencers;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TranslationReview;
import dev.tarjim.media.ImageHeaders;
import dev.tarjim.media.ImageInfo;
import dev.tarjim.media.InvalidImageException;
import dev.tarjim.media.MediaItem;
import dev.tarjim.media.MediaLibrary;
import dev.tarjim.support.Hashes;
import dev.tarjim.support.Log;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.translation.TranslationBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    private final MediaLibrary media;
    private final String mediaBaseUrl;
    private final DeferredTranslations deferred;
    private final TranslationBudget budget;

    /**
     * Images larger than this are refused: they are served through the API function, whose response (base64, so
     * 4/3 of the bytes) must stay under Lambda's 6 MB limit.
     */
    public static final long MAX_MEDIA_BYTES = 4L * 1024 * 1024;

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
        /** An image was stored as media. */
        MEDIA,
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
        this.media = null;
        this.mediaBaseUrl = null;
    }

    private IngestService(IngestService s, MediaLibrary media, String mediaBaseUrl) {
        this.uploads = s.uploads;
        this.parser = s.parser;
        this.languages = s.languages;
        this.articles = s.articles;
        this.states = s.states;
        this.reports = s.reports;
        this.changeLog = s.changeLog;
        this.translations = s.translations;
        this.settings = s.settings;
        this.clock = s.clock;
        this.log = s.log;
        this.media = media;
        this.mediaBaseUrl = mediaBaseUrl;
        this.deferred = s.deferred;
        this.budget = s.budget;
    }

    /**
     * This service storing image uploads as media and resolving articles' relative images to them; without it,
     * images are refused.
     *
     * @param baseUrl the public base of media URLs ({@code PUBLIC_BASE_URL}), or null for site-relative URLs
     */
    public IngestService withMedia(MediaLibrary library, String baseUrl) {
        return new IngestService(this, library, baseUrl == null ? null : baseUrl.replaceAll("/+$", ""));
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
            if (cmp == 0 && DeadLetters.marked(current.get())
                    && (change.removed() || current.get().revision() == 0)) {
                // Redriven from the dead-letter queue after it had written its state: applied again in full.
                return change.removed() ? withdraw(id, change, seq, current.get(), lease)
                        : upload(id, change, seq, current.get(), lease);
            }
            if (cmp == 0) {
                // A duplicate, or Lambda's retry of this event after a failure that followed the state write: the
                // report write may be what failed, so it is written again from the saved state. A redriven dead
                // letter first takes back the status it had before it was given up.
                ArticleState dup = current.get();
                if (DeadLetters.marked(dup)) {
                    dup = DeadLetters.revived(dup, clock.instant());
                    states.putState(dup, lease);
                }
                reports.write(change.bucket(), change.key(), Report.of(dup));
                completeTranslations(dup, lease, change.bucket(), null);
                if (dup.media() != null && !dup.withdrawn() && media != null) {
                    // The retry of an image's event whose waiting articles were not all ingested again.
                    ingestWaitingArticles(change.key());
                }
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
        try {
            Optional<ImageInfo> image = ImageHeaders.probe(bytes);
            if (image.isPresent()) {
                return storeMedia(id, change, seq, current, lease, bytes, image.get());
            }
        } catch (InvalidImageException e) {
            return fail(id, change, seq, current, lease, e.getMessage());
        }
        if (ImageHeaders.namedAsImage(change.key())) {
            // Content decides what an upload is; a name that promises an image over other content is a mistake.
            return fail(id, change, seq, current, lease, "The file is named like an image but its content is not "
                    + "a PNG, JPEG, WebP or GIF image: upload the image itself, or rename the file");
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
        MediaReferences.Resolved images = MediaReferences.resolve(parsed, change.key(), this::mediaOf);
        if (!images.missing().isEmpty() && media != null) {
            // The wait is recorded before a second look: either that look sees an image stored meanwhile, or the
            // image's ingest (which stores the image, then reads the waits) sees the wait. No image is missed.
            for (String imageKey : images.missing()) {
                media.awaitImage(imageKey, new MediaLibrary.Waiting(id, change.bucket(), change.key()));
            }
            images = MediaReferences.resolve(parsed, change.key(), this::mediaOf);
        }
        if (images.article().blocks().isEmpty()) {
            return fail(id, change, seq, current, lease, "The article has nothing but images that are not uploaded: "
                    + String.join("; ", images.warnings()));
        }
        parsed = images.article();
        warnings.addAll(images.warnings());
        if (!images.mediaIds().isEmpty()) {
            // The images it shows are part of its content: a photo uploaded (or replaced) since makes a re-upload
            // of the same text a new revision that shows it.
            hash = Hashes.sha256Hex(hash + "\n" + String.join("\n", images.mediaIds()));
        }
        if (parsed.translationOf() != null) {
            return review(id, change, seq, current, lease, parsed, hash, warnings);
        }
        if (current != null && current.translationOf() != null && !current.withdrawn()) {
            // This key held a reviewed translation and now holds an article: the review no longer stands.
            dropReview(current.translationOf(), change.bucket());
        }
        List<String> targets = targets(parsed, language);
        if (current != null) {
            // A reviewed language stays a target, so that a new revision keeps (and merges) the review.
            current.languages().forEach((lang, st) -> {
                if ((st.status() == TranslationStatus.REVIEWED || st.status() == TranslationStatus.NEEDS_REVIEW)
                        && !lang.equals(language) && !targets.contains(lang)) {
                    targets.add(lang);
                }
            });
        }
        Instant now = clock.instant();
        if (current != null && current.revision() > 0 && !current.withdrawn() && hash.equals(current.contentHash())) {
            ArticleState unchanged = new ArticleState(id, change.key(), seq, UploadStatus.UNCHANGED,
                    current.revision(), hash, current.sourceLanguage(), current.title(), current.format(),
                    List.of(), current.languages(), current.targets(), now, current.warnings(), current.embargo());
            states.putState(unchanged, lease);
            reports.write(change.bucket(), change.key(), Report.of(unchanged));
            completeTranslations(unchanged, lease, change.bucket(), null);
            return Outcome.UNCHANGED;
        }
        long revision = current == null ? 1 : current.revision() + 1;
        Instant embargo = embargo(parsed.embargo(), current, now, warnings);
        Optional<StoredArticle> previous = articles.article(id, language);
        Instant published = parsed.published() != null ? parsed.published()
                : embargo != null ? embargo
                : previous.filter(p -> p.embargo() == null).map(StoredArticle::published).orElse(now);
        List<Correction> corrections = new ArrayList<>();
        if (parsed.correction() != null) {
            corrections.add(new Correction(now, revision, parsed.correction()));
        }
        previous.ifPresent(p -> corrections.addAll(p.corrections()));
        StoredArticle original = new StoredArticle(id, language, language, parsed.title(), parsed.summary(),
                parsed.blocks(), parsed.author(), parsed.tags(), published, now, revision, change.key(), hash,
                false, null, false, parsed.slug(), parsed.canonicalUrl(), parsed.leadImage(), embargo, corrections);
        if (!articles.putArticle(original, seq)) {
            return Outcome.SUPERSEDED;
        }
        // Logged after the article is written and before the state says so: a crash in between retries the event,
        // which may log the change twice (same uri and version) but never loses it. An embargoed article is logged
        // when it is released: partners must not learn of it before.
        if (embargo == null) {
            changeLog.append(language, id, revision, ChangeKind.UPSERT);
        }
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
        ArticleState stored = new ArticleState(id, change.key(), seq,
                embargo == null ? UploadStatus.STORED : UploadStatus.SCHEDULED, revision, hash, language,
                parsed.title(), parsed.format(), List.of(), languages, targets, now, warnings, embargo);
        if (current != null && current.media() != null && media != null) {
            // The key held an image before this article: its media is no longer what the key holds.
            media.withdraw(id);
        }
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
                    working.warnings(), working.embargo());
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

    /**
     * Applies an editor's reviewed translation (an upload whose metadata says {@code translation-of:}) to its
     * source article, under the source's lease: the review replaces that language's text and the source's report
     * says {@code reviewed}. The review's own upload gets a state (and report) of its own that points to the
     * source; it is written last, so a crash before it makes the retry apply the review again.
     */
    private Outcome review(String id, ObjectChange change, String seq, ArticleState current, String lease,
            ParsedArticle parsed, String hash, List<String> warnings) {
        if (parsed.declaredLanguage() == null) {
            return fail(id, change, seq, current, lease, "A reviewed translation (translation-of: "
                    + parsed.translationOf() + ") needs lang: with its language, e.g. lang: es");
        }
        String lang = parsed.declaredLanguage().toLowerCase(Locale.ROOT);
        String sourceId = sourceArticle(parsed.translationOf());
        String unknown = "translation-of: " + parsed.translationOf() + " names no stored article: give the source's"
                + " article id (its report's articleId) or its upload key, after the source was stored";
        if (sourceId == null || sourceId.equals(id)) {
            return fail(id, change, seq, current, lease, unknown);
        }
        if (current != null && current.translationOf() == null && current.revision() > 0 && !current.withdrawn()) {
            return fail(id, change, seq, current, lease, "This upload key holds a published article: upload the "
                    + "reviewed translation under a key of its own (or delete the article first)");
        }
        ArticleState.TranslationOf of = new ArticleState.TranslationOf(sourceId, lang);
        if (current != null && current.translationOf() != null && !current.withdrawn()
                && !current.translationOf().equals(of)) {
            // The same upload now reviews another article or language: the earlier review no longer stands.
            dropReview(current.translationOf(), change.bucket());
        }
        Instant now = clock.instant();
        String reviewer = parsed.reviewer() != null ? parsed.reviewer()
                : parsed.author() != null ? parsed.author() : change.key();
        String sourceLease = states.acquireLease(sourceId, settings.leaseTtl(), settings.leaseWait());
        String refusal = null;
        LanguageStatus status = null;
        try {
            ArticleState source = states.state(sourceId).orElse(null);
            if (source == null || source.revision() == 0 || source.translationOf() != null) {
                refusal = unknown;
            } else if (source.withdrawn()) {
                refusal = "translation-of: the source article " + sourceId + " is withdrawn";
            } else if (lang.equalsIgnoreCase(source.sourceLanguage())) {
                refusal = "lang: " + lang + " is the source article's own language: a reviewed translation must be"
                        + " in another language";
            } else {
                StoredArticle original = articles.article(sourceId, source.sourceLanguage()).orElseThrow(
                        () -> new TransientFailureException("original of " + sourceId + " not readable yet"));
                TranslationReview review = new TranslationReview(sourceId, lang, change.key(), reviewer, now,
                        original.revision(), original.title(), original.blocks(), parsed.title(), parsed.summary(),
                        parsed.blocks(), parsed.leadImage());
                try {
                    status = translations.review(original, review, source.sequencer());
                    updateLanguage(source, lang, status, sourceLease, change.bucket());
                } catch (UnsupportedOperationException e) {
                    refusal = "This deployment keeps no reviewed translations";
                } catch (IllegalArgumentException tooLarge) {
                    refusal = "The reviewed translation is too large to keep: " + tooLarge.getMessage();
                }
            }
        } finally {
            releaseQuietly(sourceId, sourceLease);
        }
        if (refusal != null) {
            return fail(id, change, seq, current, lease, refusal);
        }
        long revision = current == null ? 1 : current.revision() + 1;
        ArticleState mine = new ArticleState(id, change.key(), seq, UploadStatus.STORED, revision, hash, lang,
                parsed.title(), parsed.format(), List.of(), Map.of(lang, status), List.of(), now, warnings, of);
        states.putState(mine, lease);
        reports.write(change.bucket(), change.key(), Report.of(mine));
        log.info("reviewed", "articleId", sourceId, "language", lang, "status", status.status(), "upload", id);
        return Outcome.STORED;
    }

    /** The article a {@code translation-of:} names: an article id with a state, else an upload key's article. */
    private String sourceArticle(String translationOf) {
        String named = translationOf.strip();
        if (named.matches("[0-9a-f]{16}") && states.state(named).isPresent()) {
            return named;
        }
        for (String key : List.of(named, "incoming/" + named)) {
            String candidate = articleId(key);
            if (states.state(candidate).isPresent()) {
                return candidate;
            }
        }
        return null;
    }

    /** Saves one language's new status in the source's state (under its lease) and rewrites its report. */
    private void updateLanguage(ArticleState source, String lang, LanguageStatus status, String sourceLease,
            String bucket) {
        Map<String, LanguageStatus> langs = new LinkedHashMap<>(source.languages());
        langs.put(lang, status);
        List<String> targets = new ArrayList<>(source.targets());
        if (!targets.contains(lang)) {
            targets.add(lang);
        }
        ArticleState updated = new ArticleState(source.id(), source.uploadKey(), source.sequencer(), source.status(),
                source.revision(), source.contentHash(), source.sourceLanguage(), source.title(), source.format(),
                source.errors(), langs, targets, clock.instant(), source.warnings());
        states.putState(updated, sourceLease);
        reports.write(bucket, source.uploadKey(), Report.of(updated));
    }

    /** A reviewed translation's upload was deleted: its language goes back to the machine, under the source's lease. */
    private void dropReview(ArticleState.TranslationOf of, String bucket) {
        String sourceLease = states.acquireLease(of.articleId(), settings.leaseTtl(), settings.leaseWait());
        try {
            ArticleState source = states.state(of.articleId()).orElse(null);
            if (source == null || source.withdrawn() || source.revision() == 0) {
                return;
            }
            StoredArticle original = articles.article(source.id(), source.sourceLanguage()).orElseThrow(
                    () -> new TransientFailureException("original of " + source.id() + " not readable yet"));
            Optional<LanguageStatus> status = translations.dropReview(original, of.language(), source.sequencer());
            if (status.isPresent()) {
                updateLanguage(source, of.language(), status.get(), sourceLease, bucket);
                log.info("review dropped", "articleId", source.id(), "language", of.language(),
                        "status", status.get().status());
            }
        } finally {
            releaseQuietly(of.articleId(), sourceLease);
        }
    }

    private void releaseQuietly(String id, String lease) {
        try {
            states.releaseLease(id, lease);
        } catch (RuntimeException releaseFailed) {
            log.warn("lease not released; it expires by itself", "articleId", id, "error", releaseFailed.toString());
        }
    }

    private Outcome withdraw(String id, ObjectChange change, String seq, ArticleState current, String lease) {
        Instant now = clock.instant();
        if (current != null && current.translationOf() != null && !current.withdrawn()) {
            dropReview(current.translationOf(), change.bucket());
        }
        long revision = current == null ? 0 : current.revision();
        if (current != null && current.media() != null && media != null) {
            media.withdraw(id);
        }
        withdrawTexts(id, seq, revision, now, current);
        ArticleState withdrawn = current == null
                ? new ArticleState(id, change.key(), seq, UploadStatus.WITHDRAWN, 0, null, null, null, null,
                        List.of(), Map.of(), List.of(), now)
                : new ArticleState(id, change.key(), seq, UploadStatus.WITHDRAWN, current.revision(),
                        current.contentHash(), current.sourceLanguage(), current.title(), current.format(),
                        List.of(), current.languages(), current.targets(), now, current.warnings(),
                        current.translationOf());
        states.putState(withdrawn, lease);
        reports.write(change.bucket(), change.key(), Report.of(withdrawn));
        log.info("withdrawn", "articleId", id, "revision", withdrawn.revision());
        return Outcome.WITHDRAWN;
    }

    /**
     * Withdraws every language of the article (feeds, pages and partners learn of it). A scheduled article was never
     * public: partners must not learn of it by its withdrawal either.
     */
    private void withdrawTexts(String id, String seq, long revision, Instant now, ArticleState current) {
        boolean wasPublic = current == null || current.embargo() == null;
        for (String lang : articles.languages(id)) {
            if (articles.withdraw(id, lang, seq, now) && wasPublic) {
                changeLog.append(lang, id, revision, ChangeKind.WITHDRAW);
            }
        }
    }

    private Outcome fail(String id, ObjectChange change, String seq, ArticleState current, String lease,
            String reason) {
        Instant now = clock.instant();
        ArticleState failed = current == null
                ? new ArticleState(id, change.key(), seq, UploadStatus.FAILED, 0, null, null, null, null,
                        List.of(reason), Map.of(), List.of(), now)
                : new ArticleState(id, change.key(), seq, UploadStatus.FAILED, current.revision(),
                        current.contentHash(), current.sourceLanguage(), current.title(), current.format(),
                        List.of(reason), current.languages(), current.targets(), now, current.warnings(),
                        current.translationOf(), current.embargo(), current.withdrawn() ? null : current.media());
        states.putState(failed, lease);
        reports.write(change.bucket(), change.key(), Report.of(failed));
        log.info("refused", "articleId", id, "reason", reason, "liveRevision", failed.revision());
        return Outcome.FAILED;
    }

    /**
     * The embargo the new revision is stored under, or {@code null} to publish it now: a declared embargo rounded up
     * to whole seconds (never early), unless it has passed, or an earlier revision is already public (what readers
     * and partners have seen cannot be taken back by an embargo; withdraw it instead).
     */
    static Instant embargo(Instant declared, ArticleState current, Instant now, List<String> warnings) {
        if (declared == null) {
            return null;
        }
        Instant embargo = declared.truncatedTo(ChronoUnit.SECONDS);
        if (embargo.isBefore(declared)) {
            embargo = embargo.plusSeconds(1);
        }
        if (!embargo.isAfter(now)) {
            return null;
        }
        boolean alreadyPublic = current != null && current.revision() > 0 && !current.withdrawn()
                && current.embargo() == null;
        if (alreadyPublic) {
            warnings.add("embargo: " + embargo + " ignored: revision " + current.revision()
                    + " is already published (an embargo cannot take it back; delete the upload to withdraw it)");
            return null;
        }
        return embargo;
    }

    /**
     * Stores an image upload as media: bytes under {@code media/}, an item per version, the report with its URL and
     * size. A new version gets a new id (and URL); earlier versions stay served for the articles that show them.
     */
    private Outcome storeMedia(String id, ObjectChange change, String seq, ArticleState current, String lease,
            byte[] bytes, ImageInfo image) {
        if (media == null) {
            return fail(id, change, seq, current, lease, "This is an image, and this ingest stores no media: "
                    + "upload the article as plain text, Markdown, HTML or ninjs JSON");
        }
        if (bytes.length > MAX_MEDIA_BYTES) {
            return fail(id, change, seq, current, lease, String.format("The image is too large: %,d bytes; images "
                    + "may have at most %,d bytes. Export it smaller.", bytes.length, MAX_MEDIA_BYTES));
        }
        String hash = Hashes.sha256Hex(bytes);
        if (current != null && current.sourceLanguage() != null && !current.withdrawn()) {
            // The key held an article and now holds an image: the article is gone, as if its upload was deleted.
            withdrawTexts(id, seq, current.revision(), clock.instant(), current);
        }
        MediaItem item = MediaItem.of(id, hash, change.bucket(), change.key(), image, bytes.length, mediaBaseUrl);
        media.store(item, bytes);
        boolean same = current != null && hash.equals(current.contentHash()) && current.media() != null
                && !current.withdrawn();
        long revision = current == null ? 1 : same ? current.revision() : current.revision() + 1;
        ArticleState stored = new ArticleState(id, change.key(), seq, UploadStatus.MEDIA, revision, hash, null, null,
                image.type().extension(), List.of(), Map.of(), List.of(), clock.instant(), List.of(), item);
        states.putState(stored, lease);
        reports.write(change.bucket(), change.key(), Report.of(stored));
        log.info("media", "articleId", id, "mediaId", item.id(), "type", item.contentType(), "bytes", bytes.length,
                "width", image.width(), "height", image.height());
        ingestWaitingArticles(change.key());
        return Outcome.MEDIA;
    }

    /**
     * Ingests again every article that was stored without this image because it was not uploaded yet, so that it
     * shows the image without a new upload. Each runs under its own lease, as the revision it already is (same
     * sequencer): a newer upload of the article is never overwritten, and an article that no longer shows the
     * image is left alone. A failure fails the image's event, whose retry does this again.
     */
    private void ingestWaitingArticles(String imageKey) {
        for (MediaLibrary.Waiting waiting : media.waitingFor(imageKey)) {
            String lease = states.acquireLease(waiting.articleId(), settings.leaseTtl(), settings.leaseWait());
            try {
                Optional<ArticleState> current = states.state(waiting.articleId());
                if (current.isPresent() && !current.get().withdrawn() && current.get().media() == null
                        && waiting.uploadKey().equals(current.get().uploadKey())
                        && stillShows(waiting, imageKey)) {
                    ArticleState state = current.get();
                    log.info("image arrived; article ingested again", "articleId", waiting.articleId(),
                            "image", imageKey);
                    upload(waiting.articleId(), new ObjectChange(waiting.bucket(), waiting.uploadKey(), false,
                            state.sequencer(), 0), state.sequencer(), state, lease);
                }
                media.stopWaiting(imageKey, waiting.articleId());
            } finally {
                try {
                    states.releaseLease(waiting.articleId(), lease);
                } catch (RuntimeException releaseFailed) {
                    log.warn("lease not released; it expires by itself", "articleId", waiting.articleId(),
                            "error", releaseFailed.toString());
                }
            }
        }
    }

    /** Whether the article's upload (as it is now) still shows the image: a later revision may have dropped it. */
    private boolean stillShows(MediaLibrary.Waiting waiting, String imageKey) {
        try {
            Optional<byte[]> bytes = uploads.read(waiting.bucket(), waiting.uploadKey(), settings.maxUploadBytes());
            return bytes.isPresent() && ImageHeaders.probe(bytes.get()).isEmpty() && MediaReferences
                    .imageKeys(parser.parse(bytes.get(), waiting.uploadKey()), waiting.uploadKey()).contains(imageKey);
        } catch (UploadTooLargeException | UnsupportedUploadException | InvalidImageException e) {
            return false;
        }
    }

    /** The live media of an image upload, if that key holds one. */
    private Optional<MediaItem> mediaOf(String uploadKey) {
        if (media == null) {
            return Optional.empty();
        }
        return states.state(articleId(uploadKey)).filter(s -> !s.withdrawn() && s.media() != null)
                .map(ArticleState::media);
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
