package dev.tarjim.store;

import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TagAuthority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The per-language feed index: the sparse GSI of live articles (newest first) and a small version item per language
 * that every change bumps ({@link DynamoArticleTexts} does it), so a conditional poll costs one GetItem and never renders a feed.
 */
public final class FeedIndex {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoArticleTexts texts;

    public FeedIndex(DynamoDbClient dynamo, String table, DynamoArticleTexts texts) {
        this.dynamo = dynamo;
        this.table = table;
        this.texts = texts;
    }

    /** The index over the texts of {@code store}. */
    public FeedIndex(DynamoDbClient dynamo, String table, DynamoArticleStore store) {
        this(dynamo, table, store.texts());
    }

    /**
     * A feed's version: increases with every change of the feed's language.
     *
     * @param version     the change counter
     * @param updatedAt   when the last change happened
     * @param idAuthority the authority the feed's id was minted with on its first change
     */
    public record Version(long version, Instant updatedAt, TagAuthority idAuthority) {
        /** The feed's stable id, {@code tag:<authority>:feed/<lang>}. */
        public String feedId(String lang) {
            return idAuthority.feedUri(lang);
        }
    }

    /** One page of a feed, newest first, and the position of the next (older) page if there is one. */
    public record Page(List<StoredArticle> articles, String nextBefore) {
    }

    /** The feed's version (one small read), or empty when the language never had content. */
    public Optional<Version> version(String lang) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key("FEEDVER#" + lang, "V"))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String ids = Items.str(item, "idAuthority");
        return Optional.of(new Version(Long.parseLong(item.get("version").n()), Instant.parse(item.get("updatedAt").s()),
                ids == null ? TagAuthority.LEGACY : new TagAuthority(ids)));
    }

    /** Languages that have ever had content, sorted. */
    public List<String> languages() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(DynamoArticleTexts.META_PK, "LANGS"))).item();
        if (item == null || !item.containsKey("langs")) {
            return List.of();
        }
        return new ArrayList<>(new TreeSet<>(item.get("langs").ss()));
    }

    /**
     * Reads one page of a language's live articles, newest first.
     *
     * @param before the position returned as {@link Page#nextBefore()} by the previous page, or null for the newest
     */
    public Page page(String lang, String before, int size) {
        List<StoredArticle> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        String last = null;
        boolean more = false;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableSchema.FEED_INDEX)
                    .scanIndexForward(false).limit(size + 1 - out.size());
            if (before == null) {
                q.keyConditionExpression("feedPk = :p")
                        .expressionAttributeValues(Map.of(":p", Items.s("FEED#" + lang)));
            } else {
                q.keyConditionExpression("feedPk = :p AND feedSk < :b")
                        .expressionAttributeValues(Map.of(":p", Items.s("FEED#" + lang),
                                ":b", Items.s(before)));
            }
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse r = dynamo.query(q.build());
            for (Map<String, AttributeValue> item : r.items()) {
                if (out.size() == size) {
                    more = true;
                    break;
                }
                out.add(texts.toArticle(item));
                last = item.get(TableSchema.FEED_SK).s();
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (!more && start != null && out.size() < size + 1);
        return new Page(out, more ? last : null);
    }
}
