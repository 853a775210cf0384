package dev.tarjim.syndication;

import dev.tarjim.testing.DynamoTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyndicationTest {
    private static DynamoTable db;
    private DynamoArticleStore store;
    private Syndication syndication;
    private ChangeLog log;

    @BeforeAll
    static void startDynalite() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stopDynalite() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        String table = db.newTable();
        store = new DynamoArticleStore(db.dynamo, table, Clock.systemUTC());
        log = new ChangeLog(db.dynamo, table, Clock.systemUTC(),
                new ChangeLog.Settings(Duration.ofSeconds(60), 5));
        syndication = new Syndication(log, store, new NinjsWriter(URI.create("http://127.0.0.1:8080")),
                CursorCodec.ofSecret("syndication test secret, long enough"));
    }

    private void publish(StoredArticle a, String sequencer) {
        assertThat(store.putArticle(a, sequencer)).isTrue();
        log.append(a.language(), a.id(), a.revision(), ChangeKind.UPSERT);
    }

    private static StoredArticle article(String id, String lang, long revision, String title) {
        return new StoredArticle(id, lang, "en", title, "summary", List.of("Body of " + title + "."), null,
                List.of("tag"), Instant.parse("2024-05-01T08:00:00Z"), Instant.parse("2024-05-01T08:00:00Z")
                .plusSeconds(revision), revision, "incoming/" + id + ".md", "00".repeat(32), !lang.equals("en"),
                lang.equals("en") ? null : "apertium", false, null);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void changes_walkWithCursorTokens_thenPollingIsEmptyWithTheSameEtag() throws Exception {
        for (int i = 1; i <= 5; i++) {
            publish(article("id" + i, "en", 1, "Title " + i), "0001");
        }
        List<String> uris = new ArrayList<>();
        String cursor = null;
        JsonNode page;
        do {
            page = json(syndication.changes("en", cursor, 2).json());
            page.get("items").forEach(item -> uris.add(item.get("uri").asText()));
            cursor = page.get("next_cursor").asText();
        } while (page.get("has_more").asBoolean());

        assertThat(uris).containsExactly("urn:tarjim:article:id1:en", "urn:tarjim:article:id2:en",
                "urn:tarjim:article:id3:en", "urn:tarjim:article:id4:en", "urn:tarjim:article:id5:en");
        Syndication.ChangesResponse idle = syndication.changes("en", cursor, 2);
        assertThat(json(idle.json()).get("items")).isEmpty();
        assertThat(json(idle.json()).get("next_cursor").asText()).isEqualTo(cursor);
        assertThat(syndication.changes("en", cursor, 2).etag()).isEqualTo(idle.etag());

        publish(article("id6", "en", 1, "Title 6"), "0002");
        Syndication.ChangesResponse fresh = syndication.changes("en", cursor, 2);
        assertThat(fresh.etag()).isNotEqualTo(idle.etag());
        assertThat(json(fresh.json()).at("/items/0/uri").asText()).isEqualTo("urn:tarjim:article:id6:en");
    }

    @Test
    void changes_reupload_appearsAsNewVersionOfTheSameUri() throws Exception {
        publish(article("id1", "en", 1, "First"), "0001");
        String cursor = json(syndication.changes("en", null, 10).json()).get("next_cursor").asText();

        publish(article("id1", "en", 2, "Second"), "0002");
        JsonNode page = json(syndication.changes("en", cursor, 10).json());

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.at("/items/0/uri").asText()).isEqualTo("urn:tarjim:article:id1:en");
        assertThat(page.at("/items/0/version").asText()).isEqualTo("2");
        assertThat(page.at("/items/0/headlines/0/value").asText()).isEqualTo("Second");
    }

    @Test
    void withdrawal_reachesEveryLanguageAsCanceled() throws Exception {
        List<String> langs = List.of("en", "es", "ca");
        List<String> cursors = new ArrayList<>();
        for (String lang : langs) {
            publish(article("id1", lang, 1, "Title " + lang), "0001");
            JsonNode first = json(syndication.changes(lang, null, 10).json());
            assertThat(first.at("/items/0/pubstatus").asText()).isEqualTo("usable");
            cursors.add(first.get("next_cursor").asText());
        }

        for (String lang : store.languages("id1")) {
            assertThat(store.withdraw("id1", lang, "0002", Instant.parse("2024-05-03T00:00:00Z"))).isTrue();
            log.append(lang, "id1", 1, ChangeKind.WITHDRAW);
        }

        for (int i = 0; i < langs.size(); i++) {
            JsonNode page = json(syndication.changes(langs.get(i), cursors.get(i), 10).json());
            assertThat(page.get("items")).as(langs.get(i)).hasSize(1);
            assertThat(page.at("/items/0/uri").asText()).isEqualTo("urn:tarjim:article:id1:" + langs.get(i));
            assertThat(page.at("/items/0/pubstatus").asText()).isEqualTo("canceled");
            assertThat(page.at("/items/0").has("bodies")).isFalse();
        }
        assertThat(json(syndication.article("id1", "es").orElseThrow()).get("pubstatus").asText())
                .isEqualTo("canceled");
    }

    @Test
    void changes_tamperedCursor_isRefused() throws Exception {
        publish(article("id1", "en", 1, "First"), "0001");
        String cursor = json(syndication.changes("en", null, 10).json()).get("next_cursor").asText();
        char last = cursor.charAt(cursor.length() - 2);
        String tampered = cursor.substring(0, cursor.length() - 2) + (last == 'x' ? 'y' : 'x')
                + cursor.charAt(cursor.length() - 1);

        assertThatThrownBy(() -> syndication.changes("en", tampered, 10))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> syndication.changes("en", "garbage", 10))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void changes_cursorOfAnotherLanguage_isRefused() throws Exception {
        publish(article("id1", "es", 1, "Primero"), "0001");
        String spanish = json(syndication.changes("es", null, 10).json()).get("next_cursor").asText();

        assertThatThrownBy(() -> syndication.changes("en", spanish, 10))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void article_absent_isEmpty_present_isCurrentNinjs() throws Exception {
        assertThat(syndication.article("nope", "en")).isEmpty();
        publish(article("id1", "en", 1, "First"), "0001");
        publish(article("id1", "en", 2, "Second"), "0002");

        JsonNode n = json(syndication.article("id1", "en").orElseThrow());
        assertThat(n.get("version").asText()).isEqualTo("2");
        assertThat(n.at("/headlines/0/value").asText()).isEqualTo("Second");
    }

    @Test
    void changes_severalChangesOfOneArticleOnAPage_yieldOneItem() throws Exception {
        publish(article("id1", "en", 1, "First"), "0001");
        publish(article("id1", "en", 2, "Second"), "0002");
        Syndication.ChangesResponse r = syndication.changes("en", null, 10);

        assertThat(r.page().changes()).hasSize(2);
        assertThat(json(r.json()).get("items")).hasSize(1);
        assertThat(json(r.json()).at("/items/0/version").asText()).isEqualTo("2");
    }
}
