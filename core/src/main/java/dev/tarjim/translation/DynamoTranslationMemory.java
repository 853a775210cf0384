package dev.tarjim.translation;

import dev.tarjim.store.TableSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@link TranslationMemory} in the single DynamoDB table: one item per segment, {@code pk = TM#<src>#<tgt>#<engine>},
 * {@code sk} = the {@linkplain SegmentKey segment key}, with {@code text}, {@code unknownWords}
 * and {@code createdAt}.
 *
 * <p>Lookups use BatchGetItem (100 keys a call), stores BatchWriteItem (25 items a call); unprocessed keys and
 * items are sent again with a short backoff. A translation longer than {@value #MAX_TEXT_BYTES} bytes is not kept:
 * items are limited to 400 KB and a paragraph that long is rare enough to translate again.
 */
public final class DynamoTranslationMemory implements TranslationMemory {
    static final int MAX_TEXT_BYTES = 350_000;
    private static final int GET_BATCH = 100;
    private static final int WRITE_BATCH = 25;
    private static final int MAX_ROUNDS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    /**
     * @param dynamo the DynamoDB client (built once per cold start)
     * @param table  the table laid out as {@link TableSchema} describes
     * @param clock  the source of {@code createdAt}
     */
    public DynamoTranslationMemory(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, TranslatedSegment> lookup(Scope scope, Collection<String> segments) {
        Map<String, List<String>> segmentsByKey = new LinkedHashMap<>();
        for (String segment : segments) {
            segmentsByKey.computeIfAbsent(SegmentKey.of(segment), k -> new ArrayList<>()).add(segment);
        }
        List<String> keys = new ArrayList<>(segmentsByKey.keySet());
        Map<String, TranslatedSegment> found = new HashMap<>();
        for (int from = 0; from < keys.size(); from += GET_BATCH) {
            List<Map<String, AttributeValue>> batch = new ArrayList<>();
            for (String key : keys.subList(from, Math.min(from + GET_BATCH, keys.size()))) {
                batch.add(Map.of(TableSchema.PK, s(scope.partitionKey()), TableSchema.SK, s(key)));
            }
            for (Map<String, AttributeValue> item : getAll(batch)) {
                TranslatedSegment translation = new TranslatedSegment(item.get("text").s(),
                        item.containsKey("unknownWords") ? Integer.parseInt(item.get("unknownWords").n()) : 0);
                for (String segment : segmentsByKey.getOrDefault(item.get(TableSchema.SK).s(), List.of())) {
                    found.put(segment, translation);
                }
            }
        }
        return found;
    }

    @Override
    public void store(Scope scope, Map<String, TranslatedSegment> translations) {
        String createdAt = clock.instant().toString();
        Map<String, WriteRequest> byKey = new LinkedHashMap<>(); // a batch may not name one key twice
        translations.forEach((segment, translation) -> {
            if (Segmenter.utf8Length(translation.text()) > MAX_TEXT_BYTES) {
                return;
            }
            String key = SegmentKey.of(segment);
            byKey.put(key, WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    TableSchema.PK, s(scope.partitionKey()),
                    TableSchema.SK, s(key),
                    "text", s(translation.text()),
                    "unknownWords", AttributeValue.fromN(Integer.toString(translation.unknownWords())),
                    "createdAt", s(createdAt))).build()).build());
        });
        List<WriteRequest> writes = new ArrayList<>(byKey.values());
        for (int from = 0; from < writes.size(); from += WRITE_BATCH) {
            writeAll(writes.subList(from, Math.min(from + WRITE_BATCH, writes.size())));
        }
    }

    private List<Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new TranslationUnavailableException("translation memory: BatchGetItem on " + table
                        + " left keys unprocessed after " + MAX_ROUNDS + " rounds", null);
            }
            backOff(round);
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = call("BatchGetItem",
                    () -> dynamo.batchGetItem(b -> b.requestItems(request)));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            pending = response.unprocessedKeys();
        }
        return items;
    }

    private void writeAll(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new TranslationUnavailableException("translation memory: BatchWriteItem on " + table
                        + " left items unprocessed after " + MAX_ROUNDS + " rounds", null);
            }
            backOff(round);
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = call("BatchWriteItem",
                    () -> dynamo.batchWriteItem(b -> b.requestItems(request)));
            pending = response.unprocessedItems();
        }
    }

    private <T> T call(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new TranslationUnavailableException("translation memory: " + operation + " on " + table
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void backOff(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(FIRST_BACKOFF.toMillis() << Math.min(round - 1, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationUnavailableException("translation memory: interrupted while backing off", e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
