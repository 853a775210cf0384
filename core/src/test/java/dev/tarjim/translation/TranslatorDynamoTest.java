package dev.tarjim.translation;

import dev.tarjim.emulators.Dynalite;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The translator with {@link DynamoTranslationMemory} on a real dynalite. */
class TranslatorDynamoTest extends TranslatorContract {
    private static Dynalite dynalite;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynalite = Dynalite.startInMemory();
        dynamo = LocalDynamo.client(dynalite);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        dynalite.close();
    }

    @Override
    TranslationMemory newMemory() {
        return new DynamoTranslationMemory(dynamo, LocalDynamo.newTable(dynamo), Clock.systemUTC());
    }
}
