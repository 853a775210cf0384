package dev.tarjim.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.ArticleListing;
import dev.tarjim.article.Block;
import dev.tarjim.article.Inline;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.testing.DynamoTable;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed index's light listings in dynalite: the months that have articles (empty months skipped), a month's
 * articles, the articles since an instant (fractional seconds included at the boundary), never a withdrawn or
 * embargoed text.
 */
class FeedIndexListingsTest {
    private static DynamoTable db;
    private static FeedIndex index;
    private static long seq = 0x100;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
        String table = db.newTable();
        DynamoArticleStore store = new DynamoArticleStore(db.dynamo, table, Clock.systemUTC());
        index = new FeedIndex(db.dynamo, table, store);
        put(store, "f000000000000001", "2026-12-01T00:00:00Z", null);
        put(store, "f000000000000002", "2026-12-01T10:00:00.250Z", null);
        put(store, "f000000000000003", "2026-11-30T23:59:59Z", null);
        put(store, "f000000000000004", "2026-09-15T08:00:00Z", null);
        put(store, "f000000000000005", "2026-12-01T12:00:00Z", Instant.parse("2027-01-01T00:00:00Z"));
        put(store, "f000000000000006", "2026-12-01T13:00:00Z", null);
        store.withdraw("f000000000000006", "en", String.format("%040X", ++seq), Instant.parse("2026-12-01T14:00:00Z"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static void put(DynamoArticleStore store, String id, String published, Instant embargo) {
        Instant p = Instant.parse(published);
        store.putArticle(new StoredArticle(id, "en", "en", "Title " + id, "Summary",
                List.of(new Block.Paragraph(List.of(new Inline.Text("Body of " + id)))), "Staff", List.of(), p,
                p.plusSeconds(30), 1, "incoming/" + id + ".md", "0".repeat(64), false, null, false, null, null, null,
                embargo, null), String.format("%040X", ++seq));
    }

    @Test
    void months_areThoseWithLiveArticles_newestFirst() {
        assertThat(index.months("en")).containsExactly(YearMonth.of(2026, 12), YearMonth.of(2026, 11),
                YearMonth.of(2026, 9));
        assertThat(index.months("fr")).isEmpty();
    }

    @Test
    void listings_ofAMonth_areItsLiveArticles_newestFirst_withTitleAndDates() {
        List<ArticleListing> december = index.listings("en", YearMonth.of(2026, 12), 100);
        assertThat(december).extracting(ArticleListing::id).containsExactly("f000000000000002", "f000000000000001");
        ArticleListing first = december.get(0);
        assertThat(first.title()).isEqualTo("Title f000000000000002");
        assertThat(first.sourceLanguage()).isEqualTo("en");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-12-01T10:00:00.250Z"));
        assertThat(first.updated()).isEqualTo(Instant.parse("2026-12-01T10:00:30.250Z"));
        assertThat(index.listings("en", YearMonth.of(2026, 12), 1)).hasSize(1);
        assertThat(index.listings("en", YearMonth.of(2026, 10), 100)).isEmpty();
    }

    @Test
    void listingsSince_includeFractionalSecondsAtTheBoundary_andNothingBefore() {
        assertThat(index.listingsSince("en", Instant.parse("2026-12-01T10:00:00Z"), 100))
                .extracting(ArticleListing::id).containsExactly("f000000000000002");
        assertThat(index.listingsSince("en", Instant.parse("2026-12-01T00:00:00Z"), 100))
                .extracting(ArticleListing::id).containsExactly("f000000000000002", "f000000000000001");
        assertThat(index.listingsSince("en", Instant.parse("2026-12-01T10:00:00.251Z"), 100)).isEmpty();
    }
}
