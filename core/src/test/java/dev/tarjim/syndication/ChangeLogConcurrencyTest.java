package dev.tarjim.syndication;

import dev.tarjim.testing.DynamoTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writers append concurrently, some stalling between allocation and put (a few beyond the grace period), while
 * readers walk the log by cursor: every reader must see every change exactly once, in increasing order.
 */
class ChangeLogConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int PER_WRITER = 250;
    private static final int READERS = 2;
    private static final Duration GRACE = Duration.ofMillis(300);
    private static final List<String> LANGS = List.of("en", "ar");

    private static DynamoTable db;

    /** How long the current thread's next append stalls after allocation (first attempt only). */
    private static final ThreadLocal<Long> STALL = ThreadLocal.withInitial(() -> 0L);

    @BeforeAll
    static void startDynalite() {
        db = DynamoTable.start();
    }

    @AfterAll
    static void stopDynalite() {
        db.close();
    }

    /** Stall plan: short stalls (gaps a reader must wait out) and two longer than the grace (gaps it voids). */
    private static long stallFor(int writer, int i) {
        if (writer == 1 && i == 100 || writer == 3 && i == 180) {
            return GRACE.toMillis() * 4;
        }
        if (writer == 0 && i % 25 == 7 || writer == 2 && i % 40 == 3) {
            return GRACE.toMillis() / 3;
        }
        return 0;
    }

    private record Seen(String lang, long seq, String articleId) {
    }

    @Test
    void concurrentWritersWithStalls_everyReaderSeesEveryChangeExactlyOnceInOrder() throws Exception {
        String table = db.newTable();
        AtomicInteger reallocations = new AtomicInteger();
        ChangeLog.AppendHook hook = (lang, seq, attempt) -> {
            if (attempt > 1) {
                reallocations.incrementAndGet();
            } else if (STALL.get() > 0) {
                sleep(STALL.get());
            }
        };
        ChangeLog.Settings settings = new ChangeLog.Settings(GRACE, 10);
        ChangeLog writerLog = new ChangeLog(db.dynamo, table, Clock.systemUTC(), settings, hook);
        ChangeLog readerLog = new ChangeLog(db.dynamo, table, Clock.systemUTC(), settings);
        CursorCodec codec = CursorCodec.ofSecret("concurrency test secret, 32 bytes");

        Map<String, String> expected = new ConcurrentHashMap<>();
        AtomicBoolean writersDone = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < PER_WRITER; i++) {
                        String lang = LANGS.get((writer + i) % LANGS.size());
                        String id = "w" + writer + "-" + i;
                        STALL.set(stallFor(writer, i));
                        writerLog.append(lang, id, 1, ChangeKind.UPSERT);
                        expected.put(id, lang);
                    }
                    return null;
                }));
            }
            List<Future<List<Seen>>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> read(readerLog, codec, writersDone)));
            }
            for (Future<?> w : writers) {
                w.get(120, TimeUnit.SECONDS);
            }
            writersDone.set(true);

            for (Future<List<Seen>> reader : readers) {
                List<Seen> seen = reader.get(120, TimeUnit.SECONDS);
                assertThat(seen).extracting(Seen::articleId).doesNotHaveDuplicates();
                assertThat(seen).hasSize(WRITERS * PER_WRITER);
                Map<String, String> seenLang = new HashMap<>();
                seen.forEach(s -> seenLang.put(s.articleId(), s.lang()));
                assertThat(seenLang).isEqualTo(expected);
                for (String lang : LANGS) {
                    List<Long> seqs = seen.stream().filter(s -> s.lang().equals(lang)).map(Seen::seq).toList();
                    assertThat(seqs).isSorted().doesNotHaveDuplicates();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSize(WRITERS * PER_WRITER);
        // The two stalls beyond the grace were voided by a reader and their writers took new numbers.
        assertThat(reallocations.get()).isGreaterThanOrEqualTo(2);
        assertThat(countVoids(table)).isGreaterThanOrEqualTo(2);
    }

    /** Walks both languages with a small page, as a partner would, until everything written was read. */
    private static List<Seen> read(ChangeLog log, CursorCodec codec, AtomicBoolean writersDone) {
        List<Seen> seen = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
        while (System.nanoTime() < deadline) {
            boolean done = writersDone.get();
            boolean caughtUp = true;
            for (String lang : LANGS) {
                String token = tokens.get(lang);
                Cursor cursor = token == null ? null : codec.decode(token, lang);
                ChangesPage page = log.changes(lang, cursor, 7);
                page.changes().forEach(c -> seen.add(new Seen(c.lang(), c.seq(), c.articleId())));
                tokens.put(lang, codec.encode(page.next()));
                caughtUp &= !page.hasMore() && page.changes().isEmpty();
            }
            if (done && caughtUp && seen.size() >= WRITERS * PER_WRITER) {
                return seen;
            }
            if (caughtUp) {
                sleep(5);
            }
        }
        return seen;
    }

    private static int countVoids(String table) {
        int voids = 0;
        for (String lang : LANGS) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var r = db.dynamo.query(b -> {
                    b.tableName(table).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ChangeLog.logPk(lang))));
                    if (from != null) {
                        b.exclusiveStartKey(from);
                    }
                });
                voids += (int) r.items().stream().filter(i -> ChangeLog.VOID.equals(i.get("kind").s())).count();
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return voids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
