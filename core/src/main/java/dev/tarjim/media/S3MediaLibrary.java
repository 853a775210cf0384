package dev.tarjim.media;

import dev.tarjim.support.TransientFailureException;
import dev.tarjim.support.Hashes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Media bytes in the bucket they were uploaded to, under {@code media/} (outside the {@code incoming/} prefix that
 * triggers the ingest), and one DynamoDB item per version: {@code MEDIA#<upload id>} / {@code V#<content hash prefix>}, so that
 * one Query finds every version of an upload when it is deleted, and one GetItem serves a URL.
 */
public final class S3MediaLibrary implements MediaLibrary {
    private static final String PK = "MEDIA#";
    private static final String SK = "V#";
    /** Articles waiting for an image: {@code AWAIT#<hash of the image's upload key>} / {@code <article id>}. */
    private static final String AWAIT = "AWAIT#";
    private final MediaObjects s3;
    private final DynamoDbClient dynamo;
    private final String table;

    /** @param s3 the bucket's objects ({@code dev.tarjim.support.S3Objects}) */
    public S3MediaLibrary(MediaObjects s3, DynamoDbClient dynamo, String table) {
        this.s3 = s3;
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void store(MediaItem item, byte[] bytes) {
        try {
            s3.put(item.bucket(), item.objectKey(), item.contentType(), bytes);
            Map<String, AttributeValue> it = new HashMap<>(key(item.id()));
            it.put("id", s(item.id()));
            it.put("bucket", s(item.bucket()));
            it.put("uploadKey", s(item.uploadKey()));
            it.put("objectKey", s(item.objectKey()));
            it.put("contentType", s(item.contentType()));
            it.put("bytes", n(item.bytes()));
            it.put("width", n(item.width()));
            it.put("height", n(item.height()));
            it.put("url", s(item.url()));
            it.put("withdrawn", AttributeValue.fromBool(false));
            dynamo.putItem(b -> b.tableName(table).item(it));
        } catch (SdkException e) {
            throw new TransientFailureException("could not store media " + item.id(), e);
        }
    }

    @Override
    public void withdraw(String uploadId) {
        try {
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PK + uploadId))).exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    // Marked first, so that no request serves it once its bytes go; then the bytes are deleted.
                    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                            .updateExpression("SET withdrawn = :t")
                            .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
                    s3.delete(item.get("bucket").s(), item.get("objectKey").s());
                }
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        } catch (SdkException e) {
            throw new TransientFailureException("could not withdraw the media of upload " + uploadId, e);
        }
    }

    @Override
    public Optional<MediaItem> find(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        Map<String, AttributeValue> it = dynamo.getItem(b -> b.tableName(table).key(key(id)).consistentRead(true))
                .item();
        if (it == null || it.isEmpty() || Boolean.TRUE.equals(it.get("withdrawn").bool())) {
            return Optional.empty();
        }
        return Optional.of(new MediaItem(it.get("id").s(), it.get("bucket").s(), it.get("uploadKey").s(),
                it.get("objectKey").s(), it.get("contentType").s(), Long.parseLong(it.get("bytes").n()),
                Integer.parseInt(it.get("width").n()), Integer.parseInt(it.get("height").n()), it.get("url").s()));
    }

    @Override
    public Optional<byte[]> read(MediaItem item) {
        return s3.get(item.bucket(), item.objectKey());
    }

    @Override
    public void awaitImage(String imageKey, Waiting article) {
        Map<String, AttributeValue> it = new HashMap<>(awaitKey(imageKey, article.articleId()));
        it.put("imageKey", s(imageKey));
        it.put("bucket", s(article.bucket()));
        it.put("uploadKey", s(article.uploadKey()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(it));
        } catch (SdkException e) {
            throw new TransientFailureException("could not record that " + article.uploadKey() + " waits for "
                    + imageKey, e);
        }
    }

    @Override
    public List<Waiting> waitingFor(String imageKey) {
        try {
            List<Waiting> out = new ArrayList<>();
            Map<String, AttributeValue> startKey = null;
            do {
                Map<String, AttributeValue> from = startKey;
                QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(AWAIT + Hashes.sha256Prefix(imageKey, 8))))
                        .exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    // The partition is a hash of the key: another key with the same hash prefix is not this one.
                    if (imageKey.equals(item.get("imageKey").s())) {
                        out.add(new Waiting(item.get("sk").s(), item.get("bucket").s(), item.get("uploadKey").s()));
                    }
                }
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
            return out;
        } catch (SdkException e) {
            throw new TransientFailureException("could not list the articles waiting for " + imageKey, e);
        }
    }

    @Override
    public void stopWaiting(String imageKey, String articleId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(awaitKey(imageKey, articleId)));
        } catch (SdkException e) {
            throw new TransientFailureException("could not forget that " + articleId + " waits for " + imageKey, e);
        }
    }

    private static Map<String, AttributeValue> awaitKey(String imageKey, String articleId) {
        return Map.of("pk", s(AWAIT + Hashes.sha256Prefix(imageKey, 8)), "sk", s(articleId));
    }

    private static Map<String, AttributeValue> key(String id) {
        int dash = id.indexOf('-');
        return Map.of("pk", s(PK + id.substring(0, dash)), "sk", s(SK + id.substring(dash + 1)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
