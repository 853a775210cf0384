package dev.tarjim.syndication;

import dev.tarjim.testing.DynamoTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChangeLogTest {
    private static DynamoTable db;
    private String table;
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
    void freshTable() {
        table = db.newTable();
        log = new ChangeLog(db.dynamo, table, Clock.systemUTC(), new ChangeLog.Settings(Duration.ofSeconds(60), 5));
    }

    @Test
    void changes_withoutCursor_returnsEveryChangeOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            log.append("en", "a" + i, 1, ChangeKind.UPSERT);
        }
        log.append("en", "a2", 1, ChangeKind.WITHDRAW);

        ChangesPage page = log.changes("en", null, 100);

        assertThat(page.changes()).extracting(Change::articleId).containsExactly("a1", "a2", "a3", "a4", "a5", "a2");
        assertThat(page.changes()).extracting(Change::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(page.changes().get(5).kind()).isEqualTo(ChangeKind.WITHDRAW);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.next()).isEqualTo(new Cursor("en", 6));
    }

    @Test
    void changes_followingNextCursor_deliversEachChangeOnce_thenNothing_thenOnlyNewOnes() {
        for (int i = 1; i <= 23; i++) {
            log.append("en", "a" + i, 1, ChangeKind.UPSERT);
        }
        List<String> seen = new ArrayList<>();
        Cursor cursor = null;
        int pages = 0;
        ChangesPage page;
        do {
            page = log.changes("en", cursor, 5);
            assertThat(page.changes()).hasSizeLessThanOrEqualTo(5);
            page.changes().forEach(c -> seen.add(c.articleId()));
            cursor = page.next();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().startsWith("a1", "a2").endsWith("a23");

        ChangesPage idle = log.changes("en", cursor, 5);
        assertThat(idle.changes()).isEmpty();
        assertThat(idle.next()).isEqualTo(cursor);
        assertThat(idle.hasMore()).isFalse();
        assertThat(log.changes("en", cursor, 5).etag()).isEqualTo(idle.etag());

        log.append("en", "b1", 2, ChangeKind.UPSERT);
        log.append("en", "b2", 1, ChangeKind.UPSERT);
        ChangesPage fresh = log.changes("en", cursor, 5);
        assertThat(fresh.changes()).extracting(Change::articleId).containsExactly("b1", "b2");
        assertThat(fresh.changes().get(0).revision()).isEqualTo(2);
        assertThat(fresh.etag()).isNotEqualTo(idle.etag());
        assertThat(log.changes("en", fresh.next(), 5).changes()).isEmpty();
    }

    @Test
    void changes_pageOfExactlyTheLimit_saysHasMoreOnlyWhenMoreExist() {
        for (int i = 1; i <= 4; i++) {
            log.append("en", "a" + i, 1, ChangeKind.UPSERT);
        }
        assertThat(log.changes("en", null, 4).hasMore()).isFalse();
        assertThat(log.changes("en", null, 3).hasMore()).isTrue();
    }

    @Test
    void changes_languagesHaveSeparateLogs() {
        log.append("en", "a1", 1, ChangeKind.UPSERT);
        log.append("ar", "a1", 1, ChangeKind.UPSERT);
        log.append("ar", "a2", 1, ChangeKind.UPSERT);

        assertThat(log.changes("en", null, 10).changes()).extracting(Change::articleId).containsExactly("a1");
        assertThat(log.changes("ar", null, 10).changes()).extracting(Change::seq).containsExactly(1L, 2L);
        assertThat(log.changes("es", null, 10).changes()).isEmpty();
    }

    @Test
    void changes_cursorOfAnotherLanguage_isRefused() {
        assertThatThrownBy(() -> log.changes("en", new Cursor("ar", 0), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changes_doesNotPassAGapBeforeTheGrace_andDeliversTheLateChangeWhenItLands() throws Exception {
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChangeLog stalling = new ChangeLog(db.dynamo, table, Clock.systemUTC(),
                new ChangeLog.Settings(Duration.ofSeconds(60), 5), (lang, seq, attempt) -> {
                    if (seq == 2) {
                        allocated.countDown();
                        await(release);
                    }
                });
        log.append("en", "a1", 1, ChangeKind.UPSERT);
        CompletableFuture<Change> late = CompletableFuture.supplyAsync(
                () -> stalling.append("en", "late", 1, ChangeKind.UPSERT));
        assertThat(allocated.await(10, TimeUnit.SECONDS)).isTrue();
        log.append("en", "a3", 1, ChangeKind.UPSERT);

        ChangesPage before = log.changes("en", null, 10);
        assertThat(before.changes()).extracting(Change::articleId).containsExactly("a1");
        assertThat(before.next().afterSeq()).isEqualTo(1);
        assertThat(before.hasMore()).isFalse();

        release.countDown();
        assertThat(late.get(10, TimeUnit.SECONDS).seq()).isEqualTo(2);
        ChangesPage after = log.changes("en", before.next(), 10);
        assertThat(after.changes()).extracting(Change::articleId).containsExactly("late", "a3");
    }

    @Test
    void changes_voidsAGapOlderThanTheGrace_andTheLateWriterTakesANewNumber() throws Exception {
        Duration grace = Duration.ofMillis(200);
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChangeLog reader = new ChangeLog(db.dynamo, table, Clock.systemUTC(), new ChangeLog.Settings(grace, 5));
        ChangeLog stalling = new ChangeLog(db.dynamo, table, Clock.systemUTC(), new ChangeLog.Settings(grace, 5),
                (lang, seq, attempt) -> {
                    if (attempt == 1) {
                        allocated.countDown();
                        await(release);
                    }
                });
        reader.append("en", "a1", 1, ChangeKind.UPSERT);
        CompletableFuture<Change> late = CompletableFuture.supplyAsync(
                () -> stalling.append("en", "late", 1, ChangeKind.UPSERT));
        assertThat(allocated.await(10, TimeUnit.SECONDS)).isTrue();
        reader.append("en", "a3", 1, ChangeKind.UPSERT);
        Thread.sleep(grace.toMillis() + 100);

        ChangesPage page = reader.changes("en", null, 10);
        assertThat(page.changes()).extracting(Change::articleId).containsExactly("a1", "a3");
        assertThat(page.next().afterSeq()).isEqualTo(3);
        Map<String, AttributeValue> tombstone = db.dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("LOG#en"), "sk", AttributeValue.fromS(ChangeLog.sk(2)))))
                .item();
        assertThat(tombstone.get("kind").s()).isEqualTo(ChangeLog.VOID);

        release.countDown();
        Change landed = late.get(10, TimeUnit.SECONDS);
        assertThat(landed.seq()).isEqualTo(4);
        assertThat(reader.changes("en", page.next(), 10).changes()).extracting(Change::articleId)
                .containsExactly("late");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
