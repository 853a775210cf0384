package dev.tarjim.translation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.testing.DynamoTable;
import dev.tarjim.store.TableSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoTranslationMemoryTest {
    private static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");
    private static final TranslationMemory.Scope EN_ES = new TranslationMemory.Scope("en", "es", "apertium");
    private static DynamoTable db;
    private static DynamoDbClient dynamo;
    private String table;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
        dynamo = db.dynamo;
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void newTable() {
        table = db.newTable();
    }

    private DynamoTranslationMemory memory(DynamoDbClient client) {
        return new DynamoTranslationMemory(client, table, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void store_writesOneItemPerSegmentUnderTheScopesPartition() {
        memory(dynamo).store(EN_ES, Map.of("The president sent a letter.",
                new TranslatedSegment("El presidente envió una carta.", 0)));

        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                TableSchema.PK, AttributeValue.fromS("TM#en#es#apertium"),
                TableSchema.SK, AttributeValue.fromS(SegmentKey.of("The president sent a letter."))))).item();
        assertThat(item.get("text").s()).isEqualTo("El presidente envió una carta.");
        assertThat(item.get("createdAt").s()).isEqualTo("2025-11-25T10:00:00Z");
        assertThat(item.get(TableSchema.SK).s()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void lookup_moreThan100Segments_findsEveryStoredOneAndOnlyThoseInTheScope() {
        Map<String, TranslatedSegment> stored = new LinkedHashMap<>();
        for (int i = 0; i < 260; i++) {
            stored.put("Segment " + i + ".", new TranslatedSegment("Segmento " + i + ".", i % 3));
        }
        memory(dynamo).store(EN_ES, stored);
        List<String> wanted = new ArrayList<>(stored.keySet());
        wanted.add("Never stored.");

        Map<String, TranslatedSegment> found = memory(dynamo).lookup(EN_ES, wanted);
        Map<String, TranslatedSegment> otherEngine = memory(dynamo).lookup(
                new TranslationMemory.Scope("en", "es", "amazon-translate"), wanted);

        assertThat(found).isEqualTo(stored);
        assertThat(otherEngine).isEmpty();
    }

    @Test
    void lookup_segmentsDifferingOnlyInWhitespace_shareOneEntry() {
        memory(dynamo).store(EN_ES, Map.of("Two  words.", new TranslatedSegment("Dos palabras.", 0),
                "Two words.", new TranslatedSegment("Dos palabras.", 0)));

        Map<String, TranslatedSegment> found = memory(dynamo).lookup(EN_ES, List.of("Two words.", " Two\nwords. "));

        assertThat(found).containsOnlyKeys("Two words.", " Two\nwords. ");
    }

    @Test
    void store_translationAbove350KB_isNotKeptAndTheRestIs() {
        String huge = "a".repeat(DynamoTranslationMemory.MAX_TEXT_BYTES + 1);

        memory(dynamo).store(EN_ES, Map.of("Huge.", new TranslatedSegment(huge, 0),
                "Small.", new TranslatedSegment("Pequeño.", 0)));

        assertThat(memory(dynamo).lookup(EN_ES, List.of("Huge.", "Small."))).containsOnlyKeys("Small.");
    }

    @Test
    void unprocessedKeysAndItems_areSentAgainUntilDone() {
        ThrottlingDynamo throttling = new ThrottlingDynamo(dynamo);
        Map<String, TranslatedSegment> stored = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            stored.put("Line " + i + ".", new TranslatedSegment("Línea " + i + ".", 0));
        }

        memory(throttling).store(EN_ES, stored);
        Map<String, TranslatedSegment> found = memory(throttling).lookup(EN_ES, stored.keySet());

        assertThat(found).isEqualTo(stored);
        assertThat(throttling.deferredWrites.get()).isPositive();
        assertThat(throttling.deferredKeys.get()).isPositive();
    }

    /**
     * Passes calls to dynalite but, on every first attempt, holds back half of a batch as unprocessed, as DynamoDB
     * does when a partition is throttled.
     */
    private static final class ThrottlingDynamo implements DynamoDbClient {
        private final DynamoDbClient delegate;
        final AtomicInteger deferredKeys = new AtomicInteger();
        final AtomicInteger deferredWrites = new AtomicInteger();
        private boolean holdBack = true;

        ThrottlingDynamo(DynamoDbClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            String table = request.requestItems().keySet().iterator().next();
            List<Map<String, AttributeValue>> keys = request.requestItems().get(table).keys();
            holdBack = !holdBack;
            if (holdBack || keys.size() < 2) {
                return delegate.batchGetItem(request);
            }
            int half = keys.size() / 2;
            deferredKeys.addAndGet(keys.size() - half);
            BatchGetItemResponse partial = delegate.batchGetItem(b -> b.requestItems(
                    Map.of(table, KeysAndAttributes.builder().keys(keys.subList(0, half)).build())));
            return partial.toBuilder().unprocessedKeys(Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(half, keys.size())).build())).build();
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            String table = request.requestItems().keySet().iterator().next();
            List<WriteRequest> writes = request.requestItems().get(table);
            holdBack = !holdBack;
            if (holdBack || writes.size() < 2) {
                return delegate.batchWriteItem(request);
            }
            int half = writes.size() / 2;
            deferredWrites.addAndGet(writes.size() - half);
            delegate.batchWriteItem(b -> b.requestItems(Map.of(table, writes.subList(0, half))));
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(Map.of(table, writes.subList(half, writes.size()))).build();
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
