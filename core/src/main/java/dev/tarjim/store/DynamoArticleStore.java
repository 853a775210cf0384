package dev.tarjim.store;

import dev.tarjim.feed.FeedChanges;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.TagAuthority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Both article ports over the one table: texts ({@link DynamoArticleTexts}, with {@link BodyChunks}) and states
 * ({@link DynamoArticleStates}). A convenience for wiring and for code written before the ports; new code should
 * depend on {@link ArticleRepository} and {@link ArticleStates}.
 */
public final class DynamoArticleStore implements ArticleRepository, ArticleStates {
    static final String META_PK = DynamoArticleTexts.META_PK;

    private final DynamoArticleTexts texts;
    private final DynamoArticleStates states;

    /** The store, minting ids of new articles from the {@link TagAuthority#LEGACY} authority. */
    public DynamoArticleStore(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, clock, TagAuthority.LEGACY, null);
    }

    /** @param authority the authority of ids minted for articles stored from now on ({@code TAG_AUTHORITY}) */
    public DynamoArticleStore(DynamoDbClient dynamo, String table, Clock clock, TagAuthority authority) {
        this(dynamo, table, clock, authority, null);
    }

    /**
     * @param authority   the authority of ids minted for articles stored from now on ({@code TAG_AUTHORITY})
     * @param feedChanges told of every feed this store changes (for WebSub), or null
     */
    public DynamoArticleStore(DynamoDbClient dynamo, String table, Clock clock, TagAuthority authority,
            FeedChanges feedChanges) {
        this.texts = new DynamoArticleTexts(dynamo, table, authority, feedChanges);
        this.states = new DynamoArticleStates(dynamo, table, clock);
    }

    /** The article texts alone. */
    public DynamoArticleTexts texts() {
        return texts;
    }

    /** The states and leases alone. */
    public DynamoArticleStates states() {
        return states;
    }

    @Override
    public String acquireLease(String id, Duration ttl, Duration wait) {
        return states.acquireLease(id, ttl, wait);
    }

    @Override
    public void releaseLease(String id, String token) {
        states.releaseLease(id, token);
    }

    @Override
    public Optional<ArticleState> state(String id) {
        return states.state(id);
    }

    @Override
    public void putState(ArticleState state, String leaseToken) {
        states.putState(state, leaseToken);
    }

    @Override
    public Map<String, List<String>> liveLanguages(Collection<String> ids) {
        return states.liveLanguages(ids);
    }

    @Override
    public boolean putArticle(StoredArticle article, String sequencer) {
        return texts.putArticle(article, sequencer);
    }

    @Override
    public Optional<StoredArticle> article(String id, String lang) {
        return texts.article(id, lang);
    }

    @Override
    public Map<String, StoredArticle> articles(Collection<String> ids, String lang) {
        return texts.articles(ids, lang);
    }

    @Override
    public List<StoredArticle> articles(String id) {
        return texts.articles(id);
    }

    @Override
    public List<String> languages(String id) {
        return texts.languages(id);
    }

    @Override
    public boolean withdraw(String id, String lang, String sequencer, Instant at) {
        return texts.withdraw(id, lang, sequencer, at);
    }

    @Override
    public boolean release(String id, String lang, Instant now) {
        return texts.release(id, lang, now);
    }

    @Override
    public List<String> dueEmbargoes(Instant now, int limit) {
        return texts.dueEmbargoes(now, limit);
    }

    @Override
    public void clearDue(String entry) {
        texts.clearDue(entry);
    }
}
