package dev.tarjim.store;

import dev.tarjim.support.TransientFailureException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailureException("interrupted while waiting on DynamoDB", e);
        }
    }
}
