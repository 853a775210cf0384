package dev.tarjim.store;

import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.testing.DynamoTable;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The article ports' contract, held by the DynamoDB adapters (in dynalite). */
class DynamoArticlePortsTest extends ArticlePortsContract {
    private static DynamoTable db;
    private static DynamoArticleStore store;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
        store = new DynamoArticleStore(db.dynamo, db.newTable(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Override
    ArticleRepository articles() {
        return store.texts();
    }

    @Override
    ArticleStates states() {
        return store.states();
    }
}
