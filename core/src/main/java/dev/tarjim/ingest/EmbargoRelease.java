package dev.tarjim.ingest;

import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.UploadStatus;
import dev.tarjim.support.Log;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Releases embargoed articles whose time has come: each of their texts joins its feed, partners get them in the
 * change log, and the report says {@code stored}. Run on a schedule (in AWS every minute by EventBridge Scheduler,
 * locally every second by the local stack); one run releases every due article, so a missed run only delays.
 *
 * <p>Safe to repeat and to race: an article is released under its lease (the one ingest events take), from its
 * state, which a newer upload replaces. A due-list entry whose embargo was moved or removed by a re-upload is
 * dropped; a text is only released when its own embargo has passed, so no release ever publishes a newer upload
 * early, and a release never rewrites text, so it cannot bring back an older revision. The state is written last:
 * a run that crashed half-way is completed by the next one (its change-log entries may repeat, never go missing).
 */
public final class EmbargoRelease {
    private static final int BATCH = 100;
    private final ArticleRepository articles;
    private final ArticleStates states;
    private final ReportWriter reports;
    private final ChangeLog changeLog;
    private final String bucket;
    private final Duration leaseTtl;
    private final Duration leaseWait;
    private final Clock clock;
    private final Log log;

    /**
     * @param bucket the upload bucket, where reports are written
     */
    public EmbargoRelease(ArticleRepository articles, ArticleStates states, ReportWriter reports, ChangeLog changeLog,
            String bucket, Duration leaseTtl, Duration leaseWait, Clock clock, Log log) {
        this.articles = articles;
        this.states = states;
        this.reports = reports;
        this.changeLog = changeLog;
        this.bucket = bucket;
        this.leaseTtl = leaseTtl;
        this.leaseWait = leaseWait;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Releases every article whose embargo is due.
     *
     * @return how many articles were released
     * @throws TransientFailureException when an article could not be released now (it stays due for the next run)
     */
    public int releaseDue() {
        int released = 0;
        TransientFailureException retry = null;
        List<String> due;
        do {
            due = articles.dueEmbargoes(clock.instant(), BATCH);
            int cleared = 0;
            for (String entry : due) {
                String id = entry.substring(entry.indexOf('#') + 1);
                try {
                    if (release(id)) {
                        released++;
                    }
                    articles.clearDue(entry);
                    cleared++;
                } catch (TransientFailureException busy) {
                    retry = busy;
                }
            }
            if (cleared == 0) {
                break;
            }
        } while (due.size() == BATCH);
        if (retry != null) {
            throw retry;
        }
        return released;
    }

    /**
     * Releases one article if its live revision's embargo has passed.
     *
     * @return whether it was released by this call
     */
    public boolean release(String id) {
        String lease = states.acquireLease(id, leaseTtl, leaseWait);
        try {
            return releaseLeased(id, lease);
        } finally {
            states.releaseLease(id, lease);
        }
    }

    private boolean releaseLeased(String id, String lease) {
        Optional<ArticleState> found = states.state(id);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().embargo() == null || found.get().embargo().isAfter(now)) {
            // Released already, withdrawn, or moved by a re-upload (whose own entry is due later): nothing to do.
            return false;
        }
        ArticleState state = found.get();
        for (String lang : articles.languages(id)) {
            articles.release(id, lang, now);
            Optional<StoredArticle> text = articles.article(id, lang);
            if (text.isPresent() && text.get().visible()) {
                // Also for a text released by an earlier run that crashed before the state below was written.
                changeLog.append(lang, id, text.get().revision(), ChangeKind.UPSERT);
            }
        }
        ArticleState released = new ArticleState(state.id(), state.uploadKey(), state.sequencer(),
                // A failed newer upload keeps its errors in the report; anything else is now simply stored.
                state.status() == UploadStatus.FAILED ? UploadStatus.FAILED : UploadStatus.STORED,
                state.revision(), state.contentHash(),
                state.sourceLanguage(), state.title(), state.format(), state.errors(), state.languages(),
                state.targets(), now, state.warnings(), state.translationOf(), null);
        states.putState(released, lease);
        reports.write(bucket, state.uploadKey(), Report.of(released));
        log.info("released", "articleId", id, "revision", state.revision(), "embargo", state.embargo().toString());
        return true;
    }
}
