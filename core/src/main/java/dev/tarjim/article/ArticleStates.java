package dev.tarjim.article;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port for what became of each upload (its {@link ArticleState}: the editor's live report) and for the
 * per-article lease that serialises work on one article. The DynamoDB adapter is
 * {@code dev.tarjim.store.DynamoArticleStates}.
 */
public interface ArticleStates {

    /**
     * Takes the article's lease, waiting up to {@code wait} for another holder to finish.
     *
     * @return the lease token that later state writes must present
     * @throws dev.tarjim.support.TransientFailureException when the lease stays taken (the event is retried later)
     */
    String acquireLease(String id, Duration ttl, Duration wait);

    /** Gives the lease back; a lease that expired and was taken over is left alone. */
    void releaseLease(String id, String token);

    /** The article's state (a consistent read), or empty when no event for it was ever applied. */
    Optional<ArticleState> state(String id);

    /**
     * Writes the whole state, fenced by the lease: a holder whose lease expired and was taken over writes nothing.
     *
     * @throws dev.tarjim.store.LeaseLostException when the lease is no longer the caller's
     */
    void putState(ArticleState state, String leaseToken);

    /**
     * The languages each article is live in (its original and finished translations), sorted; articles without a
     * state are absent. What a feed page needs for its alternate links.
     */
    Map<String, List<String>> liveLanguages(Collection<String> ids);
}
