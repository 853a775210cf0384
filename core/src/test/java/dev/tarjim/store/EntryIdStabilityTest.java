package dev.tarjim.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarjim.article.StoredArticle;
import dev.tarjim.article.TagAuthority;
import dev.tarjim.testing.DynamoTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ids are minted once and kept with the entry: a deployment that changes {@code TAG_AUTHORITY} (a new store over the
 * same table) keeps every published id, and only articles and feeds first stored after the change get the new one.
 */
class EntryIdStabilityTest {
    private static final TagAuthority A = TagAuthority.parse("first.example,2025");
    private static final TagAuthority B = TagAuthority.parse("second.example,2026");
    private static DynamoTable db;
    private String table;

    @BeforeAll
    static void start() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void newTable() {
        table = db.newTable();
    }

    private DynamoArticleTexts store(TagAuthority authority) {
        return new DynamoArticleTexts(db.dynamo, table, authority, null);
    }

    private static StoredArticle text(String id, String lang, String source, long revision) {
        Instant t = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(revision);
        return new StoredArticle(id, lang, source, "Title " + revision, "Summary", List.of("Body " + revision), null,
                List.of(), t, t, revision, "incoming/" + id + ".md", "hash" + revision, !lang.equals(source),
                lang.equals(source) ? null : "apertium", false, null);
    }

    private static String seq(long n) {
        return String.format("%020d", n);
    }

    @Test
    void changedAuthority_keepsPublishedIds_andMintsNewOnesForNewArticles() {
        store(A).putArticle(text("aaaaaaaaaaaaaaaa", "en", "en", 1), seq(1));
        store(A).putArticle(text("aaaaaaaaaaaaaaaa", "es", "en", 1), seq(1));

        DynamoArticleTexts now = store(B);
        now.putArticle(text("aaaaaaaaaaaaaaaa", "en", "en", 2), seq(2));
        now.putArticle(text("aaaaaaaaaaaaaaaa", "es", "en", 2), seq(2));
        // A language the article gets after the change shares its article's authority (its source uri stays right).
        now.putArticle(text("aaaaaaaaaaaaaaaa", "ca", "en", 2), seq(2));
        now.putArticle(text("bbbbbbbbbbbbbbbb", "en", "en", 1), seq(3));

        assertThat(now.article("aaaaaaaaaaaaaaaa", "en").orElseThrow().entryId())
                .isEqualTo("tag:first.example,2025:article/aaaaaaaaaaaaaaaa/en");
        assertThat(now.article("aaaaaaaaaaaaaaaa", "en").orElseThrow().revision()).isEqualTo(2);
        assertThat(now.article("aaaaaaaaaaaaaaaa", "es").orElseThrow().entryId())
                .isEqualTo("tag:first.example,2025:article/aaaaaaaaaaaaaaaa/es");
        assertThat(now.article("aaaaaaaaaaaaaaaa", "ca").orElseThrow().idAuthority()).isEqualTo(A);
        assertThat(now.article("bbbbbbbbbbbbbbbb", "en").orElseThrow().entryId())
                .isEqualTo("tag:second.example,2026:article/bbbbbbbbbbbbbbbb/en");
    }

    @Test
    void articleStoredBeforeIdsWereKept_keepsTheLegacyIdThroughNewRevisions() {
        store(A).putArticle(text("cccccccccccccccc", "en", "en", 1), seq(1));
        // What an item written by the code before this change looks like: no authority recorded.
        db.dynamo.updateItem(b -> b.tableName(table)
                .key(Items.key(Items.articlePk("cccccccccccccccc"), "LANG#en")).updateExpression("REMOVE idAuthority"));

        store(B).putArticle(text("cccccccccccccccc", "en", "en", 2), seq(2));
        store(B).putArticle(text("cccccccccccccccc", "es", "en", 2), seq(2));

        StoredArticle en = store(B).article("cccccccccccccccc", "en").orElseThrow();
        assertThat(en.revision()).isEqualTo(2);
        assertThat(en.idAuthority()).isNull();
        assertThat(en.entryId()).isEqualTo("tag:tarjim.dev,2026:article/cccccccccccccccc/en");
        assertThat(store(B).article("cccccccccccccccc", "es").orElseThrow().entryId())
                .isEqualTo("tag:tarjim.dev,2026:article/cccccccccccccccc/es");
    }

    @Test
    void feedIds_mintedOnTheFeedsFirstChange_legacyFeedsKeepTheirs() {
        FeedIndex feeds = new FeedIndex(db.dynamo, table, store(A));
        store(A).putArticle(text("dddddddddddddddd", "en", "en", 1), seq(1));
        store(A).putArticle(text("dddddddddddddddd", "es", "en", 1), seq(1));
        // A feed whose version item predates recorded authorities.
        db.dynamo.updateItem(b -> b.tableName(table).key(Items.key("FEEDVER#es", "V"))
                .updateExpression("REMOVE idAuthority"));
        assertThat(feeds.version("es").orElseThrow().feedId("es")).isEqualTo("tag:tarjim.dev,2026:feed/es");

        store(B).putArticle(text("eeeeeeeeeeeeeeee", "en", "en", 1), seq(2));
        store(B).putArticle(text("eeeeeeeeeeeeeeee", "es", "en", 1), seq(2));
        store(B).putArticle(text("eeeeeeeeeeeeeeee", "fr", "en", 1), seq(2));

        assertThat(feeds.version("en").orElseThrow().feedId("en")).isEqualTo("tag:first.example,2025:feed/en");
        assertThat(feeds.version("es").orElseThrow().feedId("es")).isEqualTo("tag:tarjim.dev,2026:feed/es");
        assertThat(feeds.version("fr").orElseThrow().feedId("fr")).isEqualTo("tag:second.example,2026:feed/fr");
        Map<String, AttributeValue> es = db.dynamo.getItem(b -> b.tableName(table)
                .key(Items.key("FEEDVER#es", "V"))).item();
        assertThat(es.get("idAuthority").s()).isEqualTo("tarjim.dev,2026");
    }

    @Test
    void aTextThatNamesItsAuthority_isStoredUnderIt_whenItsArticleHasNone() {
        store(B).putArticle(text("ffffffffffffffff", "en", "en", 1).withIdAuthority(A), seq(1));

        assertThat(store(B).article("ffffffffffffffff", "en").orElseThrow().idAuthority()).isEqualTo(A);
    }
}
