package dev.tarjim.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The single DynamoDB table's key layout, shared by every repository (and mirrored in {@code template.yaml}).
 *
 * <p>Items: {@code ART#<id>/LANG#<lang>} (an article in one language), {@code ART#<id>/STATE} (what became of
 * the upload), {@code ART#<id>/BODY#...} (chunks of bodies too large for one item), {@code TM#...} (translation
 * memory), {@code FEEDVER#<lang>} (feed versions) and the syndication change log. The sparse GSI {@value #FEED_INDEX}
 * lists live, published articles of one language newest first ({@code FEED#<lang>}) and every state item, newest
 * first ({@code UPLOADS}: the editors' dashboard).
 */
public final class TableSchema {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String FEED_INDEX = "feed";
    public static final String FEED_PK = "feedPk";
    public static final String FEED_SK = "feedSk";

    private TableSchema() {
    }

    /**
     * Creates the table and returns once it is ACTIVE: a table still CREATING answers every request with "resource
     * not found" (dynalite, too, reports a new table ACTIVE only a moment later).
     */
    public static void create(DynamoDbClient dynamo, CreateTableRequest request) {
        dynamo.createTable(request);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (dynamo.describeTable(b -> b.tableName(request.tableName())).table().tableStatus()
                != TableStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + request.tableName() + " did not become ACTIVE");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while table " + request.tableName() + " was created", e);
            }
        }
    }

    /** The CreateTable request for the table; on-demand billing, as in {@code template.yaml}. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attr(PK), attr(SK), attr(FEED_PK), attr(FEED_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(FEED_INDEX)
                        .keySchema(key(FEED_PK, KeyType.HASH), key(FEED_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    private static AttributeDefinition attr(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
