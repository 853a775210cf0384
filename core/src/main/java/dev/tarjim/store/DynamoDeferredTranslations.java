package dev.tarjim.store;

import dev.tarjim.article.DeferredTranslations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link DeferredTranslations} in DynamoDB: one {@code DEFERRED/<article id>} item per waiting article, in one
 * partition so the release lists them with one Query. Which languages wait is in the article's state (status
 * {@code deferred}); the item only says where to look.
 */
public final class DynamoDeferredTranslations implements DeferredTranslations {
    private static final String PK = "DEFERRED";
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeferredTranslations(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(Entry entry) {
        Map<String, AttributeValue> item = Items.key(PK, entry.articleId());
        item.put("bucket", Items.s(entry.bucket()));
        item.put("uploadKey", Items.s(entry.uploadKey()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new StoreException("cannot record the deferred translations of " + entry.articleId(), e);
        }
    }

    @Override
    public void remove(String articleId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Items.key(PK, articleId)));
        } catch (SdkException e) {
            throw new StoreException("cannot forget the deferred translations of " + articleId, e);
        }
    }

    @Override
    public List<Entry> all() {
        try {
            List<Entry> out = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Items.s(PK)));
                if (start != null) {
                    q.exclusiveStartKey(start);
                }
                QueryResponse r = dynamo.query(q.build());
                for (Map<String, AttributeValue> item : r.items()) {
                    out.add(new Entry(Items.str(item, TableSchema.SK), Items.str(item, "bucket"),
                            Items.str(item, "uploadKey")));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            return out;
        } catch (SdkException e) {
            throw new StoreException("cannot list the deferred translations", e);
        }
    }
}
