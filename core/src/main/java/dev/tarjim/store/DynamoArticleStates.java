package dev.tarjim.store;

import dev.tarjim.article.ArticleState;
import dev.tarjim.article.LanguageStatus;
import dev.tarjim.article.ArticleStates;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The {@link ArticleStates} in DynamoDB: one {@code ART#<id>/STATE} item per article, holding the state as JSON and
 * the lease.
 *
 * <p>DynamoDB's open-source stand-ins (dynalite, LocalStack) lack transactions in part, so consistency rests on the
 * lease (a conditional write on this item) that serialises work on one article, and on the S3 sequencer stored on
 * every item, so that no write of an older event replaces a newer one.
 */
public final class DynamoArticleStates implements ArticleStates {
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
        try {
            dynamo.updateItem(b -> b.tableName(table).key(stateKey(state.id()))
                    .updateExpression("SET #state = :state, seq = :seq, articleId = :id")
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
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(DynamoArticleStates::stateKey).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(false).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round > 0) {
                    Items.sleep(Math.min(1_000, 50L << round));
                }
                if (round == 8) {
                    throw new TransientFailureException("DynamoDB left states unread after 8 rounds", null);
                }
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(current));
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
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
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
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
