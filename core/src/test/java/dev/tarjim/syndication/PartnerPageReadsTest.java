package dev.tarjim.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.support.Json;
import dev.tarjim.testing.DynamoTable;
import dev.tarjim.testing.OneByOneReads;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What a partner's changes page costs in DynamoDB requests (counted by an SDK interceptor on every HTTP request the
 * client sends to dynalite), and that reading its articles in batches renders exactly the page that reading them
 * one by one renders: the same bytes, hence the same cursor and ETag.
 */
class PartnerPageReadsTest {
    private static final String LANG = "en";
    private static final Instant T = Instant.parse("2026-12-01T08:00:00Z");

    private static DynamoTable db;
    private static final Requests requests = new Requests();
    private static DynamoDbClient counted;

    private DynamoArticleStore store;
    private ChangeLog log;
    private Syndication batched;
    private Syndication oneByOne;

    /** Counts requests sent; on demand, leaves keys of the next BatchGetItem answer unprocessed, as throttling does. */
    static final class Requests implements ExecutionInterceptor {
        final AtomicLong sent = new AtomicLong();
        final AtomicInteger keepOnlyNextBatch = new AtomicInteger(-1);

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            sent.incrementAndGet();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            if (!(context.response() instanceof BatchGetItemResponse r)) {
                return context.response();
            }
            int keep = keepOnlyNextBatch.getAndSet(-1);
            if (keep < 0) {
                return r;
            }
            Map<String, List<Map<String, AttributeValue>>> answered = new HashMap<>();
            Map<String, KeysAndAttributes> unprocessed = new HashMap<>();
            r.responses().forEach((table, items) -> {
                answered.put(table, items.subList(0, Math.min(keep, items.size())));
                List<Map<String, AttributeValue>> left = items.subList(Math.min(keep, items.size()), items.size())
                        .stream().map(i -> Map.of("pk", i.get("pk"), "sk", i.get("sk"))).toList();
                if (!left.isEmpty()) {
                    unprocessed.put(table, KeysAndAttributes.builder().keys(left).consistentRead(true).build());
                }
            });
            return r.toBuilder().responses(answered).unprocessedKeys(unprocessed).build();
        }
    }

    @BeforeAll
    static void startDynalite() {
        db = DynamoTable.start();
        counted = db.client(requests);
    }

    @AfterAll
    static void stopDynalite() {
        counted.close();
        db.close();
    }

    @BeforeEach
    void fresh() {
        String table = db.newTable();
        store = new DynamoArticleStore(counted, table, Clock.systemUTC());
        log = new ChangeLog(counted, table, Clock.systemUTC(), new ChangeLog.Settings(Duration.ofSeconds(60), 5));
        NinjsWriter writer = new NinjsWriter(URI.create("http://127.0.0.1:8080"));
        CursorCodec cursors = CursorCodec.ofSecret("partner page reads test secret, long enough");
        batched = new Syndication(log, store, writer, cursors);
        oneByOne = new Syndication(log, OneByOneReads.of(store), writer, cursors);
    }

    private static StoredArticle article(String id, long revision, List<String> paragraphs, Instant embargo) {
        StoredArticle a = new StoredArticle(id, LANG, LANG, "Headline " + id + " r" + revision, "Summary of " + id,
                paragraphs, "Desk", List.of("partners"), T, T.plusSeconds(revision), revision,
                "incoming/" + id + ".md", "00".repeat(32), false, null, false, null);
        return embargo == null ? a : new StoredArticle(a.id(), a.language(), a.sourceLanguage(), a.title(),
                a.summary(), a.blocks(), a.author(), a.tags(), a.published(), a.updated(), a.revision(),
                a.sourceKey(), a.contentHash(), a.machineTranslated(), a.engine(), a.withdrawn(), a.slug(),
                a.canonicalUrl(), a.leadImage(), embargo, a.corrections());
    }

    private void publish(String id, long revision) {
        publish(article(id, revision, List.of("First paragraph of " + id + ".", "Second."), null));
    }

    private void publish(StoredArticle a) {
        assertThat(store.putArticle(a, String.format("%04d", a.revision()))).isTrue();
        log.append(a.language(), a.id(), a.revision(), ChangeKind.UPSERT);
    }

    /** A body of about 400 KB of UTF-8: more than one item holds, so it is stored in two chunks. */
    private static List<String> hugeBody(String id) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            paragraphs.add(id + " " + i + " " + "شي جين بينغ والرئيس الروسي ".repeat(20).substring(0, 500));
        }
        return paragraphs;
    }

    /** A result and how many requests it cost. */
    private record Costed<T>(T value, long requests) {
    }

    private static <T> Costed<T> cost(Supplier<T> call) {
        long before = requests.sent.get();
        T value = call.get();
        return new Costed<>(value, requests.sent.get() - before);
    }

    /** Renders one page both ways; asserts they are the same bytes and validator; returns both costs. */
    private Costed<Syndication.ChangesResponse> bothWays(String cursor, int limit, long oneByOneRequests) {
        Costed<Syndication.ChangesResponse> single = cost(() -> oneByOne.changes(LANG, cursor, limit));
        Costed<Syndication.ChangesResponse> batch = cost(() -> batched.changes(LANG, cursor, limit));
        assertThat(batch.value().json()).isEqualTo(single.value().json());
        assertThat(batch.value().etag()).isEqualTo(single.value().etag());
        assertThat(batch.value().page().next()).isEqualTo(single.value().page().next());
        assertThat(single.requests()).as("one by one").isEqualTo(oneByOneRequests);
        return batch;
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void changes_pageOfTen_isTheLogQueryAndOneBatchRead_theSamePageAsOneByOne() throws Exception {
        for (int i = 0; i < 10; i++) {
            publish(String.format("ten%02d", i), 1);
        }

        Costed<Syndication.ChangesResponse> page = bothWays(null, 10, 11);

        assertThat(page.requests()).as("1 Query + 1 BatchGetItem").isLessThanOrEqualTo(3).isEqualTo(2);
        JsonNode body = json(page.value().json());
        assertThat(body.get("items")).hasSize(10);
        assertThat(body.at("/items/0/uri").asText()).isEqualTo("urn:tarjim:article:ten00:en");
        assertThat(body.at("/items/9/uri").asText()).isEqualTo("urn:tarjim:article:ten09:en");
    }

    @Test
    void changes_pagesOfAHundred_costAHandfulOfRequests_andWalkTheLogAlike() throws Exception {
        for (int i = 0; i < 110; i++) {
            publish(String.format("hundred%03d", i), 1);
        }

        Costed<Syndication.ChangesResponse> first = bothWays(null, 100, 101);
        assertThat(first.requests()).as("1 Query + 1 BatchGetItem").isEqualTo(2);
        String cursor = json(first.value().json()).get("next_cursor").asText();
        Costed<Syndication.ChangesResponse> rest = bothWays(cursor, 100, 11);
        assertThat(rest.requests()).isEqualTo(2);
        assertThat(json(rest.value().json()).get("items")).hasSize(10);
        assertThat(json(rest.value().json()).get("has_more").asBoolean()).isFalse();

        Costed<Syndication.ChangesResponse> all = bothWays(null, 110, 111);
        assertThat(all.requests()).as("1 Query + 2 BatchGetItem (100 keys a call)").isEqualTo(3);
    }

    @Test
    void changes_repeatsWithdrawalsEmbargoesAndMissingArticles_renderAsOneByOne() throws Exception {
        publish("mix1", 1);
        publish("mix2", 1);
        publish("mix1", 2);
        publish(article("mix3", 1, List.of("Not yet."), T.plusSeconds(86_400)));
        publish("mix4", 1);
        assertThat(store.withdraw("mix4", LANG, "0009", T.plusSeconds(60))).isTrue();
        log.append(LANG, "mix4", 1, ChangeKind.WITHDRAW);
        log.append(LANG, "ghost", 1, ChangeKind.UPSERT); // an entry whose article was never stored
        publish("mix2", 2);

        Costed<Syndication.ChangesResponse> page = bothWays(null, 10, 1 + 5);

        assertThat(page.requests()).isEqualTo(2);
        JsonNode items = json(page.value().json()).get("items");
        List<String> seen = new ArrayList<>();
        items.forEach(i -> seen.add(i.get("uri").asText() + " v" + i.get("version").asText() + " "
                + i.get("pubstatus").asText()));
        assertThat(seen).containsExactly("urn:tarjim:article:mix1:en v2 usable",
                "urn:tarjim:article:mix2:en v2 usable", "urn:tarjim:article:mix4:en v1 canceled");
    }

    @Test
    void changes_chunkedBodies_costOneMoreBatch_notAQueryEach() throws Exception {
        for (int i = 0; i < 10; i++) {
            String id = String.format("big%02d", i);
            publish(i % 4 == 1 ? article(id, 1, hugeBody(id), null) : article(id, 1, List.of("Short " + id), null));
        }

        // One by one: the log Query, 10 GetItems and a Query of chunks for each of the 3 large bodies.
        Costed<Syndication.ChangesResponse> page = bothWays(null, 10, 1 + 10 + 3);

        assertThat(page.requests()).as("Query + BatchGetItem of articles + BatchGetItem of 6 chunks").isEqualTo(3);
        JsonNode items = json(page.value().json()).get("items");
        assertThat(items).hasSize(10);
        String big = items.get(5).toString();
        assertThat(big).contains("big05 0 ").contains("big05 399 ");
    }

    @Test
    void changes_keysLeftUnprocessed_areAskedAgain_andThePageIsWhole() throws Exception {
        for (int i = 0; i < 10; i++) {
            publish(String.format("slow%02d", i), 1);
        }
        Syndication.ChangesResponse expected = oneByOne.changes(LANG, null, 10);

        requests.keepOnlyNextBatch.set(3);
        Costed<Syndication.ChangesResponse> page = cost(() -> batched.changes(LANG, null, 10));

        assertThat(requests.keepOnlyNextBatch.get()).as("the throttling was applied").isEqualTo(-1);
        assertThat(page.requests()).as("Query + BatchGetItem + a retry of the 7 keys left").isEqualTo(3);
        assertThat(page.value().json()).isEqualTo(expected.json());
        assertThat(page.value().etag()).isEqualTo(expected.etag());
    }
}
