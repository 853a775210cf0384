package dev.tarjim.store;

import dev.tarjim.article.ArticleState;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.article.RecentUploads;
import dev.tarjim.support.Json;
import dev.tarjim.support.TransientFailureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The {@link ArticleStates} in DynamoDB: one {@code ART#<id>/STATE} item per article, holding the state as JSON and
 * the lease.
 *
 * <p>DynamoDB's open-source stand-ins (dynalite, LocalStack) lack transactions in part, so consistency rests on the
 * lease (a conditional write on this item) that serialises work on one article, and on the S3 sequencer stored on
 * every item, so that no write of an older event replaces a newer one.
 *
 * <p>Every state item is also an entry of the table's index ({@value TableSchema#FEED_INDEX}) under the partition
 * {@value #UPLOADS}, sorted by when it was written: the editors' dashboard lists the newest uploads with one Query,
 * whatever the table's size. (One partition takes every state write: DynamoDB's 1,000 writes a second per
 * partition is far above a newsroom's uploads.)
 */
public final class DynamoArticleStates implements ArticleStates, RecentUploads {
    /** The index partition of every state item, newest first by {@code feedSk}. */
    public static final String UPLOADS = "UPLOADS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoArticleStates(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    private static Map<String, AttributeValue> stateKey(String id) {
        return Items.key(Items.articlePk(id), "STATE");
    }

    @Override
    public String acquireLease(String id, Duration ttl, Duration wait) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Instant now = clock.instant();
            try {
                dynamo.updateItem(b -> b.tableName(table).key(stateKey(id))
                        .updateExpression("SET lease = :t, leaseUntil = :until")
                        .conditionExpression("attribute_not_exists(leaseUntil) OR leaseUntil < :now")
                        .expressionAttributeValues(Map.of(
                                ":t", Items.s(token),
                                ":until", Items.n(now.plus(ttl).toEpochMilli()),
                                ":now", Items.n(now.toEpochMilli()))));
                return token;
            } catch (ConditionalCheckFailedException busy) {
                if (System.nanoTime() > deadline) {
                    throw new TransientFailureException("article " + id + " is being processed by another event");
                }
                Items.sleep(100);
            }
        }
    }

    @Override
    public void releaseLease(String id, String token) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(stateKey(id))
                    .updateExpression("REMOVE lease, leaseUntil")
                    .conditionExpression("lease = :t")
                    .expressionAttributeValues(Map.of(":t", Items.s(token))));
        } catch (ConditionalCheckFailedException lost) {
            // another event took the expired lease over: it is theirs now
        }
    }

    @Override
    public Optional<ArticleState> state(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(stateKey(id)).consistentRead(true)).item();
        if (item == null || !item.containsKey("seq")) {
            return Optional.empty();
        }
        return Optional.of(toState(item));
    }

    @Override
    public void putState(ArticleState state, String leaseToken) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", Items.s(leaseToken));
        values.put(":state", AttributeValue.fromS(writeJson(state)));
        values.put(":seq", Items.s(state.sequencer()));
        values.put(":id", Items.s(state.id()));
        values.put(":uploads", Items.s(UPLOADS));
        values.put(":written", Items.s(uploadsSortKey(state)));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(stateKey(state.id()))
                    .updateExpression("SET #state = :state, seq = :seq, articleId = :id, "
                            + TableSchema.FEED_PK + " = :uploads, " + TableSchema.FEED_SK + " = :written")
                    .conditionExpression("lease = :t")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException lost) {
            throw new LeaseLostException("lease on article " + state.id() + " was lost", lost);
        }
    }

    /** {@inheritDoc} One BatchGetItem per 100 articles (eventually consistent: a feed page may lag a moment). */
    @Override
    public Map<String, List<String>> liveLanguages(Collection<String> ids) {
        Map<String, List<String>> out = new HashMap<>();
        List<Map<String, AttributeValue>> keys = ids.stream().map(DynamoArticleStates::stateKey).toList();
        for (Map<String, AttributeValue> item : Items.batchGet(dynamo, table, keys, false, Items.BATCH_GET_KEYS)) {
            if (item.containsKey("state")) {
                ArticleState state = toState(item);
                List<String> langs = new ArrayList<>();
                if (state.embargo() != null) {
                    // Scheduled: not one of its languages may be named before the release.
                    out.put(state.id(), langs);
                    continue;
                }
                state.languages().forEach((lang, st) -> {
                    if (st.status() != null && st.status().live()) {
                        langs.add(lang);
                    }
                });
                Collections.sort(langs);
                out.put(state.id(), langs);
            }
        }
        return out;
    }

    /** Fixed-width milliseconds, so that the index sorts by time (ISO instants vary in width); then the id. */
    private static String uploadsSortKey(ArticleState state) {
        long millis = state.updatedAt() == null ? 0 : state.updatedAt().toEpochMilli();
        return String.format("%015d#%s", millis, state.id());
    }

    /** {@inheritDoc} One Query of the index (more only when items are large). */
    @Override
    public List<ArticleState> recent(int limit) {
        List<ArticleState> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(TableSchema.FEED_INDEX)
                    .keyConditionExpression(TableSchema.FEED_PK + " = :p")
                    .expressionAttributeValues(Map.of(":p", Items.s(UPLOADS)))
                    .scanIndexForward(false).limit(limit - out.size());
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse r = dynamo.query(q.build());
            for (Map<String, AttributeValue> item : r.items()) {
                if (item.containsKey("state") && out.size() < limit) {
                    out.add(toState(item));
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out;
    }

    private static ArticleState toState(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().readValue(item.get("state").s(), ArticleState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable state item " + item.get(TableSchema.PK).s(), e);
        }
    }

    private static String writeJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
