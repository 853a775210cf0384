package dev.tarjim.store;

import dev.tarjim.support.TransientFailureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Attribute and query helpers shared by the table's adapters. */
final class Items {

    private Items() {
    }

    static String articlePk(String id) {
        return "ART#" + id;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        k.put(TableSchema.PK, s(pk));
        k.put(TableSchema.SK, s(sk));
        return k;
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, s(value));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    /** Every item of a partition whose sort key starts with {@code skPrefix} (consistent reads, all pages). */
    static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamo, String table, String pk,
            String skPrefix, boolean keysOnly) {
        return queryAll(dynamo, table, pk, skPrefix, keysOnly ? "pk, sk" : null);
    }

    /** Every item of a partition whose sort key starts with a prefix, with only the attributes named (null: all). */
    static List<Map<String, AttributeValue>> queryAll(DynamoDbClient dynamo, String table, String pk,
            String skPrefix, String projection) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s(skPrefix)));
            if (projection != null) {
                q.projectionExpression(projection);
            }
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse r = dynamo.query(q.build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** The most keys one BatchGetItem may carry. */
    static final int BATCH_GET_KEYS = 100;

    /**
     * The items with the given keys, in no particular order (absent ones are missing; a key named twice is read
     * once): BatchGetItem with at most {@code perCall} keys a call. Keys DynamoDB leaves unprocessed (throttling, or
     * the 16 MB response cap) are asked again with exponential backoff, as AWS recommends; after eight rounds for one
     * call it is a transient failure, so the caller's invocation is retried.
     *
     * @param perCall at most {@value #BATCH_GET_KEYS}; fewer when items are large (keep {@code perCall} times the
     *                largest item under 16 MB and no round is left over)
     */
    static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String table,
            List<Map<String, AttributeValue>> keys, boolean consistent, int perCall) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        List<Map<String, AttributeValue>> all = new ArrayList<>(new LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += perCall) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(all.subList(from, Math.min(all.size(), from + perCall))).consistentRead(consistent).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == 8) {
                    throw new TransientFailureException("DynamoDB left " + request.get(table).keys().size()
                            + " keys unread after 8 rounds", null);
                }
                if (round > 0) {
                    sleep(Math.min(1_000, 50L << round));
                }
                Map<String, KeysAndAttributes> current = request;
                BatchGetItemResponse r = dynamo.batchGetItem(b -> b.requestItems(current));
                out.addAll(r.responses().getOrDefault(table, List.of()));
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting on DynamoDB", e);
        }
    }
}
