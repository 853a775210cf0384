package dev.tarjim.translation;

import dev.tarjim.testing.DynamoTable;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The translator with {@link DynamoTranslationMemory} on a real dynalite. */
class TranslatorDynamoTest extends TranslatorContract {
    private static DynamoTable db;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    TranslationMemory newMemory() {
        return new DynamoTranslationMemory(db.dynamo, db.newTable(), Clock.systemUTC());
    }
}
