package dev.tarjim.store;

import dev.tarjim.article.ArticleListing;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TagAuthority;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
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

    // ------------------------------------------------------------------ listings (sitemaps)

    /** The attributes a listing reads: the item's names and dates, never its body. */
    private static final Map<String, String> LISTING_NAMES = Map.of("#id", "id", "#lang", "lang",
            "#src", "sourceLang", "#title", "title", "#pub", "published", "#upd", "updated",
            "#wd", "withdrawn", "#emb", "embargo", "#sk", TableSchema.FEED_SK);
    private static final String LISTING_PROJECTION = String.join(", ", LISTING_NAMES.keySet());

    /**
     * The UTC months in which a language has live articles, newest first: one query of one item per month found
     * (each asks for the newest article before the month found last), so months without articles are never listed.
     */
    public List<YearMonth> months(String lang) {
        List<YearMonth> out = new ArrayList<>();
        String before = null;
        while (true) {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableSchema.FEED_INDEX)
                    .scanIndexForward(false).limit(1).projectionExpression("#sk")
                    .expressionAttributeNames(Map.of("#sk", TableSchema.FEED_SK));
            if (before == null) {
                q.keyConditionExpression("feedPk = :p").expressionAttributeValues(Map.of(":p", Items.s("FEED#" + lang)));
            } else {
                q.keyConditionExpression("feedPk = :p AND #sk < :b")
                        .expressionAttributeValues(Map.of(":p", Items.s("FEED#" + lang), ":b", Items.s(before)));
            }
            List<Map<String, AttributeValue>> items = dynamo.query(q.build()).items();
            if (items.isEmpty()) {
                return out;
            }
            YearMonth month = YearMonth.from(published(items.get(0).get(TableSchema.FEED_SK).s()).atZone(ZoneOffset.UTC));
            out.add(month);
            // Every sort key of the month starts with "yyyy-mm-", so it sorts after "yyyy-mm": this skips the month.
            before = month.toString();
        }
    }

    /** A language's live articles published in one UTC month, newest first, at most {@code limit}. */
    public List<ArticleListing> listings(String lang, YearMonth month, int limit) {
        return listings("feedPk = :p AND begins_with(#sk, :m)", Map.of(":p", Items.s("FEED#" + lang),
                ":m", Items.s(month + "-")), limit, null);
    }

    /** A language's live articles published at or after {@code since}, newest first, at most {@code limit}. */
    public List<ArticleListing> listingsSince(String lang, Instant since, int limit) {
        // Sort keys compare as text, and "...00Z" sorts after "...00.5Z": the bound is a second early, the filter exact.
        String from = since.minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return listings("feedPk = :p AND #sk >= :f", Map.of(":p", Items.s("FEED#" + lang), ":f", Items.s(from)),
                limit, since);
    }

    private List<ArticleListing> listings(String condition, Map<String, AttributeValue> values, int limit,
            Instant since) {
        List<ArticleListing> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableSchema.FEED_INDEX)
                    .scanIndexForward(false).keyConditionExpression(condition).expressionAttributeValues(values)
                    .projectionExpression(LISTING_PROJECTION).expressionAttributeNames(LISTING_NAMES)
                    .limit(Math.min(1_000, limit - out.size()));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse r = dynamo.query(q.build());
            for (Map<String, AttributeValue> item : r.items()) {
                // The index holds only visible texts; checked again so that no listing can ever name another.
                boolean hidden = item.containsKey("embargo") || (item.containsKey("withdrawn")
                        && Boolean.TRUE.equals(item.get("withdrawn").bool()));
                Instant published = Instant.parse(item.get("published").s());
                if (!hidden && (since == null || !published.isBefore(since)) && out.size() < limit) {
                    out.add(new ArticleListing(item.get("id").s(), item.get("lang").s(), item.get("sourceLang").s(),
                            item.get("title").s(), published, Instant.parse(item.get("updated").s())));
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out;
    }

    /** The publication time a feed sort key starts with ({@code <published>#<id>}). */
    private static Instant published(String feedSk) {
        return Instant.parse(feedSk.substring(0, feedSk.lastIndexOf('#')));
    }
}
