package dev.tarjim.store;

import dev.tarjim.article.Block;
import dev.tarjim.article.TranslationReview;
import dev.tarjim.article.TranslationReviews;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@link TranslationReviews} in DynamoDB: one {@code ART#<id>/REVIEW#<lang>} item per reviewed language, the
 * source's and the reviewed blocks as {@link BlockCodec} JSON. A review must fit in one item (both bodies under
 * {@value #LIMIT} bytes).
 */
public final class DynamoTranslationReviews implements TranslationReviews {
    /** Both bodies together: an item holds 400 KB in all. */
    public static final int LIMIT = 380_000;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTranslationReviews(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void put(TranslationReview review) {
        String source = BlockCodec.write(review.sourceBlocks());
        String blocks = BlockCodec.write(review.blocks());
        int bytes = source.getBytes(StandardCharsets.UTF_8).length + blocks.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > LIMIT) {
            throw new IllegalArgumentException("a reviewed translation and its source may hold " + LIMIT
                    + " bytes together; these hold " + bytes);
        }
        Map<String, AttributeValue> item = new HashMap<>(Items.key(Items.articlePk(review.id()),
                "REVIEW#" + review.language()));
        item.put("uploadKey", Items.s(review.uploadKey()));
        Items.putIfPresent(item, "reviewer", review.reviewer());
        item.put("reviewedAt", Items.s(review.reviewedAt().toString()));
        item.put("sourceRevision", Items.n(review.sourceRevision()));
        item.put("sourceTitle", Items.s(review.sourceTitle()));
        item.put("sourceBody", Items.s(source));
        item.put("title", Items.s(review.title()));
        Items.putIfPresent(item, "summary", review.summary());
        item.put("body", Items.s(blocks));
        if (review.leadImage() != null) {
            item.put("leadImage", Items.s(BlockCodec.writeOne(review.leadImage())));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<TranslationReview> review(String id, String language) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Items.key(Items.articlePk(id), "REVIEW#" + language)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String lead = Items.str(item, "leadImage");
        return Optional.of(new TranslationReview(id, language, item.get("uploadKey").s(), Items.str(item, "reviewer"),
                Instant.parse(item.get("reviewedAt").s()), Long.parseLong(item.get("sourceRevision").n()),
                item.get("sourceTitle").s(), BlockCodec.read(item.get("sourceBody").s()), item.get("title").s(),
                Items.str(item, "summary"), BlockCodec.read(item.get("body").s()),
                lead == null ? null : (Block.Figure) BlockCodec.readOne(lead)));
    }

    @Override
    public void delete(String id, String language) {
        dynamo.deleteItem(b -> b.tableName(table).key(Items.key(Items.articlePk(id), "REVIEW#" + language)));
    }
}
