package dev.tarjim.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
    /** Chunks asked for in one BatchGetItem: as many as fit its 16 MB response, so none is left for a second round. */
    static final int CHUNKS_PER_CALL = 45;

    /** One write's chunked body: the item {@code pk}, its chunks' sort-key prefix and how many there are. */
    record Ref(String pk, String prefix, int count) {
    }

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

    /** The sort key of a write's {@code n}th chunk (from 0). */
    private static String chunkSk(String prefix, int n) {
        return prefix + String.format("%05d", n);
    }

    /** Writes the body in chunks under {@code prefix}; returns how many. */
    int write(String pk, String prefix, byte[] body) {
        int count = 0;
        for (int off = 0; off < body.length; off += CHUNK_BYTES, count++) {
            byte[] part = Arrays.copyOfRange(body, off, Math.min(body.length, off + CHUNK_BYTES));
            String sk = chunkSk(prefix, count);
            dynamo.putItem(b -> b.tableName(table).item(Map.of(TableSchema.PK, Items.s(pk), TableSchema.SK,
                    Items.s(sk), "data", AttributeValue.fromB(SdkBytes.fromByteArray(part)))));
        }
        return count;
    }

    /**
     * One body, reassembled (one Query of its chunks).
     *
     * @throws StoreException when chunks are missing
     */
    byte[] read(Ref body) {
        return assemble(body, Items.queryAll(dynamo, table, body.pk(), body.prefix(), false));
    }

    /**
     * Several bodies at once, by key rather than by a Query each: one BatchGetItem per {@value #CHUNKS_PER_CALL}
     * chunks of them all (strongly consistent, as {@link #read} is).
     *
     * @throws StoreException when chunks are missing
     */
    Map<Ref, byte[]> readAll(Collection<Ref> bodies) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Ref ref : bodies) {
            for (int n = 0; n < ref.count(); n++) {
                keys.add(Items.key(ref.pk(), chunkSk(ref.prefix(), n)));
            }
        }
        Map<String, List<Map<String, AttributeValue>>> byBody = new HashMap<>();
        for (Map<String, AttributeValue> chunk : Items.batchGet(dynamo, table, keys, true, CHUNKS_PER_CALL)) {
            String sk = chunk.get(TableSchema.SK).s();
            // The key of the body it belongs to: its item and its sort key without the chunk number.
            byBody.computeIfAbsent(chunk.get(TableSchema.PK).s() + "\n" + sk.substring(0, sk.length() - 5),
                    k -> new ArrayList<>()).add(chunk);
        }
        Map<Ref, byte[]> out = new HashMap<>();
        for (Ref ref : bodies) {
            List<Map<String, AttributeValue>> chunks =
                    new ArrayList<>(byBody.getOrDefault(ref.pk() + "\n" + ref.prefix(), List.of()));
            chunks.sort(Comparator.comparing(c -> c.get(TableSchema.SK).s()));
            out.put(ref, assemble(ref, chunks));
        }
        return out;
    }

    /** The body from its chunks in order, or a {@link StoreException} when some are missing. */
    private static byte[] assemble(Ref ref, List<Map<String, AttributeValue>> chunks) {
        if (chunks.size() != ref.count()) {
            throw new StoreException("article body " + ref.pk() + " " + ref.prefix() + " has " + chunks.size()
                    + " of " + ref.count() + " chunks", null);
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
