package dev.tarjim.ingest;

import dev.tarjim.article.ArticleState;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.store.Sequencers;
import dev.tarjim.support.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells the editor that an upload's event was given up: its retries ran out and it is held in the dead-letter queue
 * (Lambda's on-failure destination in AWS, {@code <data>/dlq/} locally) until it is redriven.
 *
 * <p>The article's state (and so its report and {@code /status}) becomes {@code failed} with the reason "gave up
 * after N tries, held in the dead-letter queue" and the last error; everything else it said (live revision, title,
 * languages) is kept, since it is still what readers see. The state keeps the sequencer of the last event applied in
 * full, so a redriven event is applied as new; when the event itself had written the state before failing, the
 * redriven event finds its own sequencer, and {@link IngestService} applies it again (see {@link #marked}).
 */
public final class DeadLetters {
    /** How every dead-letter reason starts: what {@link #marked} looks for. */
    static final String GAVE_UP = "gave up after ";
    private static final String HELD = "held in the dead-letter queue";
    /** Below every normalised S3 sequencer (a prefix of them all): no event of the upload was ever applied. */
    private static final String NOTHING_APPLIED = "0";

    private final ArticleStates states;
    private final ReportWriter reports;
    private final Duration leaseTtl;
    private final Duration leaseWait;
    private final Clock clock;
    private final Log log;

    /**
     * @param leaseTtl  the lease the marking holds (briefly: one read, one write)
     * @param leaseWait how long to wait for an ingest that holds the article
     */
    public DeadLetters(ArticleStates states, ReportWriter reports, Duration leaseTtl, Duration leaseWait, Clock clock,
            Log log) {
        this.states = states;
        this.reports = reports;
        this.leaseTtl = leaseTtl;
        this.leaseWait = leaseWait;
        this.clock = clock;
        this.log = log;
    }

    /** The editor's reason for an event given up after {@code attempts} tries. */
    public static String reason(int attempts) {
        return GAVE_UP + attempts + (attempts == 1 ? " try, " : " tries, ") + HELD;
    }

    /** Whether the state says that its upload's newest event is held in the dead-letter queue. */
    public static boolean marked(ArticleState state) {
        return state.status() == UploadStatus.FAILED && !state.errors().isEmpty()
                && state.errors().get(0).startsWith(GAVE_UP) && state.errors().get(0).endsWith(HELD);
    }

    /**
     * Marks the upload of a dead-lettered event {@code failed} and writes its report.
     *
     * @param attempts  how many times the event was tried (Lambda's {@code approximateInvokeCount})
     * @param lastError the last attempt's error, or {@code null} when unknown
     * @return the state written, or empty when a newer event of the upload was applied since (it stands)
     * @throws dev.tarjim.support.TransientFailureException when an ingest holds the article's lease (retry later)
     */
    public Optional<ArticleState> record(ObjectChange change, int attempts, String lastError) {
        String id = IngestService.articleId(change.key());
        String seq = Sequencers.normalize(change.sequencer());
        String lease = states.acquireLease(id, leaseTtl, leaseWait);
        try {
            Optional<ArticleState> current = states.state(id);
            if (current.isPresent() && current.get().sequencer().compareTo(seq) > 0) {
                log.info("dead letter superseded by a newer event", "articleId", id, "key", change.key());
                return Optional.empty();
            }
            List<String> errors = new ArrayList<>();
            errors.add(reason(attempts));
            if (lastError != null && !lastError.isBlank()) {
                errors.add("last error: " + lastError.strip());
            }
            Instant now = clock.instant();
            ArticleState c = current.orElse(null);
            // The sequencer of the last event applied, not this one's: the redriven event must not look applied.
            ArticleState failed = c == null
                    ? new ArticleState(id, change.key(), NOTHING_APPLIED, UploadStatus.FAILED, 0, null, null, null,
                            null, errors, null, null, now)
                    : new ArticleState(id, change.key(), c.sequencer(), UploadStatus.FAILED, c.revision(),
                            c.contentHash(), c.sourceLanguage(), c.title(), c.format(), errors, c.languages(),
                            c.targets(), now, c.warnings(), c.translationOf(), c.embargo(),
                            c.withdrawn() ? null : c.media());
            states.putState(failed, lease);
            reports.write(change.bucket(), change.key(), Report.of(failed));
            log.warn("dead-lettered", "articleId", id, "key", change.key(), "attempts", attempts,
                    "liveRevision", failed.revision());
            return Optional.of(failed);
        } finally {
            try {
                states.releaseLease(id, lease);
            } catch (RuntimeException e) {
                log.warn("lease not released; it expires by itself", "articleId", id, "error", e.toString());
            }
        }
    }

    /**
     * The state a redriven event resumes from when the event had written the state before it was given up: what the
     * state said before it was marked, as far as the state tells (an image, an embargoed or a stored revision).
     */
    static ArticleState revived(ArticleState marked, Instant now) {
        UploadStatus status = marked.media() != null ? UploadStatus.MEDIA
                : marked.embargo() != null ? UploadStatus.SCHEDULED : UploadStatus.STORED;
        return new ArticleState(marked.id(), marked.uploadKey(), marked.sequencer(), status, marked.revision(),
                marked.contentHash(), marked.sourceLanguage(), marked.title(), marked.format(), List.of(),
                marked.languages(), marked.targets(), now, marked.warnings(), marked.translationOf(), marked.embargo(),
                marked.media());
    }
}
