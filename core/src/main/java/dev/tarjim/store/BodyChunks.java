package dev.tarjim.store;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bodies too large for one item ({@code ART#<id>/BODY#<lang>#<sequencer>#<n>}): immutable chunks, written before the
 * article item that names them, collected once two writes newer (a reader may hold the previous item a moment).
 */
final class BodyChunks {
    static final int CHUNK_BYTES = 350_000;

    private final DynamoDbClient dynamo;
    private final String table;

    BodyChunks(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The sort-key prefix of one write's chunks. */
    static String prefix(String lang, String sequencer) {
        return "BODY#" + lang + "#" + sequencer + "#";
    }

    /** Writes the body in chunks under {@code prefix}; returns how many. */
    int write(String pk, String prefix, byte[] body) {
        int count = 0;
        for (int off = 0; off < body.length; off += CHUNK_BYTES, count++) {
            byte[] part = Arrays.copyOfRange(body, off, Math.min(body.length, off + CHUNK_BYTES));
            String sk = prefix + String.format("%05d", count);
            dynamo.putItem(b -> b.tableName(table).item(Map.of(TableSchema.PK, Items.s(pk), TableSchema.SK,
                    Items.s(sk), "data", AttributeValue.fromB(SdkBytes.fromByteArray(part)))));
        }
        return count;
    }

    /**
     * The body written under {@code prefix}, reassembled.
     *
     * @throws StoreException when chunks are missing
     */
    byte[] read(String pk, String prefix, int count) {
        List<Map<String, AttributeValue>> chunks = Items.queryAll(dynamo, table, pk, prefix, false);
        if (chunks.size() != count) {
            throw new StoreException("article body " + pk + " " + prefix + " has " + chunks.size()
                    + " of " + count + " chunks", null);
        }
        int size = chunks.stream().mapToInt(c -> c.get("data").b().asByteArrayUnsafe().length).sum();
        byte[] all = new byte[size];
        int off = 0;
        for (Map<String, AttributeValue> c : chunks) {
            byte[] part = c.get("data").b().asByteArrayUnsafe();
            System.arraycopy(part, 0, all, off, part.length);
            off += part.length;
        }
        return all;
    }

    /** Deletes the language's chunks except those under the given prefixes. */
    void removeExcept(String pk, String lang, Set<String> keepPrefixes) {
        for (Map<String, AttributeValue> chunk : Items.queryAll(dynamo, table, pk, "BODY#" + lang + "#", true)) {
            String sk = chunk.get(TableSchema.SK).s();
            if (keepPrefixes.stream().noneMatch(sk::startsWith)) {
                dynamo.deleteItem(b -> b.tableName(table).key(Items.key(pk, sk)));
            }
        }
    }
}
