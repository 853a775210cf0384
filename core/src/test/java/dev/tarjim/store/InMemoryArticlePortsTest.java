package dev.tarjim.store;

import dev.tarjim.article.ArticleRepository;
import dev.tarjim.article.ArticleStates;
import dev.tarjim.testing.InMemoryArticles;
import java.time.Clock;

/** The in-memory fake holds the same contract as the DynamoDB adapters, so use-case tests may rely on it. */
class InMemoryArticlePortsTest extends ArticlePortsContract {
    private final InMemoryArticles fake = new InMemoryArticles(Clock.systemUTC());

    @Override
    ArticleRepository articles() {
        return fake;
    }

    @Override
    ArticleStates states() {
        return fake;
    }
}
