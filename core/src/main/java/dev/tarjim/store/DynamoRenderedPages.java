package dev.tarjim.store;

import dev.tarjim.feed.RenderedPage;
import dev.tarjim.feed.RenderedPages;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rendered pages in the article table: one item per page ({@code pk = PAGE#<key>}, {@code sk = V}) holding its entity
 * tag, media type and the gzip and Brotli bytes. Items stay under DynamoDB's 400 KB item limit ({@link #maxBytes()});
 * a bigger page is simply rendered on every request that misses the function's memory.
 */
public final class DynamoRenderedPages implements RenderedPages {
    /** DynamoDB's item limit is 400 KB, names included: room is left for the attribute names and the key. */
    private static final int MAX_BYTES = 380 * 1024;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoRenderedPages(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<RenderedPage> find(String key) {
        try {
            // Eventually consistent: a stale answer only means a page rendered once more.
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(key))).item();
            if (item == null || !item.containsKey("gzip")) {
                return Optional.empty();
            }
            AttributeValue br = item.get("br");
            return Optional.of(new RenderedPage(key, Items.str(item, "etag"), Items.str(item, "contentType"),
                    item.get("gzip").b().asByteArrayUnsafe(), br == null ? null : br.b().asByteArrayUnsafe()));
        } catch (SdkException e) {
            throw new StoreException("reading rendered page " + key + " failed", e);
        }
    }

    @Override
    public void save(RenderedPage page) {
        if (page.storedBytes() > MAX_BYTES) {
            throw new IllegalArgumentException("rendered page " + page.key() + " is " + page.storedBytes()
                    + " bytes, more than an item holds");
        }
        Map<String, AttributeValue> item = new HashMap<>(key(page.key()));
        item.put("etag", Items.s(page.etag()));
        item.put("contentType", Items.s(page.contentType()));
        item.put("gzip", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(page.gzip())));
        if (page.brotli() != null) {
            item.put("br", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(page.brotli())));
        }
        item.put("renderedAt", Items.s(clock.instant().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new StoreException("keeping rendered page " + page.key() + " failed", e);
        }
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    private static Map<String, AttributeValue> key(String pageKey) {
        return Items.key("PAGE#" + pageKey, "V");
    }
}
