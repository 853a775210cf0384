package dev.tarjim.translation;

import dev.tarjim.store.TableSchema;
import dev.tarjim.support.TransientFailureException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@link TranslationBudget} in DynamoDB: one atomic counter item per UTC day, {@code BUDGET#<yyyy-mm-dd>/CHARS}.
 *
 * <p>A reservation is one conditional UpdateItem that adds the characters only if the day's total stays within the
 * cap, so any number of concurrent ingests together never spend more than the cap (DynamoDB applies conditional
 * updates of one item one at a time). The cap is configuration, not stored: raising it takes effect at once.
 */
public final class DynamoTranslationBudget implements TranslationBudget {
    private final DynamoDbClient dynamo;
    private final String table;
    private final long cap;
    private final Clock clock;

    /**
     * @param cap characters one UTC day may send to the engine (positive)
     */
    public DynamoTranslationBudget(DynamoDbClient dynamo, String table, long cap, Clock clock) {
        if (cap <= 0) {
            throw new IllegalArgumentException("a daily cap must be positive, not " + cap);
        }
        this.dynamo = dynamo;
        this.table = table;
        this.cap = cap;
        this.clock = clock;
    }

    @Override
    public boolean reserve(long characters) {
        if (characters <= 0) {
            return true;
        }
        if (characters > cap) {
            return false;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key())
                    .updateExpression("ADD used :n")
                    .conditionExpression("attribute_not_exists(used) OR used <= :limit")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(Long.toString(characters)), ":limit", AttributeValue.fromN(Long.toString(cap - characters)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new TransientFailureException("cannot reserve " + characters
                    + " characters of today's translation budget", e);
        }
    }

    @Override
    public boolean available() {
        return spent() < cap;
    }

    /** Characters spent today. */
    public long spent() {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key()).consistentRead(true))
                    .item();
            AttributeValue used = item == null ? null : item.get("used");
            return used == null ? 0 : Long.parseLong(used.n());
        } catch (SdkException e) {
            throw new TransientFailureException("cannot read today's translation budget", e);
        }
    }

    private Map<String, AttributeValue> key() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(TableSchema.PK, AttributeValue.fromS("BUDGET#" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        key.put(TableSchema.SK, AttributeValue.fromS("CHARS"));
        return key;
    }
}
