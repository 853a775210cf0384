package dev.tarjim.store;

import dev.tarjim.article.StoredArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.testing.DynamoTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A body far above DynamoDB's 400 KB item limit is stored whole, and old chunks go once two writes newer. */
class LargeBodyTest {
    private static DynamoTable db;
    private static DynamoDbClient dynamo;
    private static String table;
    private static DynamoArticleStore store;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
        dynamo = db.dynamo;
        table = db.newTable();
        store = new DynamoArticleStore(dynamo, table, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static StoredArticle arabic(int revision) {
        List<String> paragraphs = new ArrayList<>();
        // 200,000 Arabic characters (about 400 KB of UTF-8) per revision, in 400 paragraphs.
        for (int i = 0; i < 400; i++) {
            paragraphs.add(revision + " " + "شي جين بينغ والرئيس الروسي ".repeat(20).substring(0, 500));
        }
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        return new StoredArticle("b1g0000000000001", "ar", "ar", "عنوان " + revision, "ملخص", paragraphs, null,
                List.of(), t, t.plusSeconds(revision), revision, "incoming/big.txt", "0".repeat(64), false, null,
                false, null);
    }

    private static List<String> chunkKeys() {
        return dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("ART#b1g0000000000001"),
                        ":s", AttributeValue.fromS("BODY#ar#")))).items().stream()
                .map(i -> i.get("sk").s()).toList();
    }

    @Test
    void bodyOverOneItem_roundTripsWhole_andOldChunksAreCollected() {
        for (int revision = 1; revision <= 3; revision++) {
            StoredArticle written = arabic(revision);
            assertThat(store.putArticle(written, String.format("%040d", revision))).isTrue();
            StoredArticle read = store.article("b1g0000000000001", "ar").orElseThrow();
            assertThat(read.paragraphs()).isEqualTo(written.paragraphs());
            assertThat(read.title()).isEqualTo("عنوان " + revision);
        }
        List<String> chunks = chunkKeys();
        assertThat(chunks).isNotEmpty();
        assertThat(chunks).allMatch(k -> k.startsWith("BODY#ar#" + String.format("%040d", 3))
                || k.startsWith("BODY#ar#" + String.format("%040d", 2)));
        assertThat(chunks).anyMatch(k -> k.startsWith("BODY#ar#" + String.format("%040d", 2)));
    }
}
