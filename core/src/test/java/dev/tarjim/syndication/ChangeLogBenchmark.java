package dev.tarjim.syndication;

import dev.tarjim.testing.DynamoTable;
import dev.tarjim.testing.OneByOneReads;
import dev.tarjim.store.DynamoArticleStore;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.store.TableSchema;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Measures what one partner poll costs as the change log grows: DynamoDB requests (counted by an SDK interceptor)
 * and wall time, for logs of 1,000 and 10,000 changes, when nothing is new and when 10 or 100 changes are new; for
 * the bare log read ({@link ChangeLog#changes}, level {@code log}), for the rendered API page
 * ({@link Syndication#changes}, which also reads the changed articles in batches: {@code api}) and for the same page
 * with its articles read one GetItem each, as before batches ({@code api-1by1}, {@link OneByOneReads}).
 *
 * <p>Run (from the project root, against an in-memory dynalite it starts itself):
 * <pre>
 * mvn -q -o -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test
 * java -cp core/target/test-classes:core/target/classes:$(cat core/target/bench.cp) \
 *     dev.tarjim.syndication.ChangeLogBenchmark [polls]
 * </pre>
 * The log is pre-filled with BatchWriteItem (the fill is not what is measured); the 10 new changes are real
 * appends.
 */
public final class ChangeLogBenchmark {
    private static final String LANG = "en";
    private static final int LIMIT = 100;

    /** Counts every request the client sends. */
    static final class CountingInterceptor implements ExecutionInterceptor {
        final AtomicLong requests = new AtomicLong();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.incrementAndGet();
        }
    }

    private ChangeLogBenchmark() {
    }

    public static void main(String[] args) {
        int polls = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        try (DynamoTable db = DynamoTable.start()) {
            CountingInterceptor counter = new CountingInterceptor();
            DynamoDbClient counted = db.client(counter);
            System.out.printf(Locale.ROOT, "%-8s %-10s %-9s %9s %11s %11s %11s%n",
                    "log", "new", "level", "requests", "median ms", "p90 ms", "items");
            for (int size : new int[] {1_000, 10_000}) {
                String table = db.newTable();
                fill(db.dynamo, table, size);
                ChangeLog log = new ChangeLog(counted, table, Clock.systemUTC(), ChangeLog.Settings.defaults());
                DynamoArticleStore store = new DynamoArticleStore(counted, table, Clock.systemUTC());
                CursorCodec codec = CursorCodec.ofSecret("benchmark secret, long enough ok");
                NinjsWriter writer = new NinjsWriter(URI.create("http://127.0.0.1:8080"));
                Syndication syndication = new Syndication(log, store, writer, codec);
                Syndication oneByOne = new Syndication(log, OneByOneReads.of(store), writer, codec);
                Cursor end = new Cursor(LANG, size);
                String endToken = codec.encode(end);

                measure(size, "0", "log", polls, counter, () -> log.changes(LANG, end, LIMIT).changes().size());
                measure(size, "0", "api", polls, counter,
                        () -> syndication.changes(LANG, endToken, LIMIT).page().changes().size());

                int fresh = 0;
                for (int wanted : new int[] {10, 100}) {
                    for (; fresh < wanted; fresh++) {
                        StoredArticle a = article("new" + fresh);
                        store.putArticle(a, "0001");
                        log.append(a.language(), a.id(), a.revision(), ChangeKind.UPSERT);
                    }
                    String label = Integer.toString(wanted);
                    measure(size, label, "log", polls, counter, () -> log.changes(LANG, end, LIMIT).changes().size());
                    measure(size, label, "api", polls, counter,
                            () -> syndication.changes(LANG, endToken, LIMIT).page().changes().size());
                    measure(size, label, "api-1by1", polls, counter,
                            () -> oneByOne.changes(LANG, endToken, LIMIT).page().changes().size());
                }
            }
            counted.close();
        }
    }

    private static void measure(int size, String fresh, String level, int polls, CountingInterceptor counter,
            java.util.function.IntSupplier poll) {
        for (int i = 0; i < 20; i++) {
            poll.getAsInt(); // warm-up: JIT (rendering ninjs is compiled late) and connections
        }
        long[] nanos = new long[polls];
        long before = counter.requests.get();
        int items = 0;
        for (int i = 0; i < polls; i++) {
            long t = System.nanoTime();
            items = poll.getAsInt();
            nanos[i] = System.nanoTime() - t;
        }
        double requests = (counter.requests.get() - before) / (double) polls;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-8d %-10s %-9s %9.1f %11.2f %11.2f %11d%n", size, fresh, level, requests,
                nanos[polls / 2] / 1e6, nanos[(int) (polls * 0.9)] / 1e6, items);
    }

    /** Writes {@code size} log entries and sets the counter, as {@code size} appends would have. */
    private static void fill(DynamoDbClient dynamo, String table, int size) {
        long allocatedAt = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        List<WriteRequest> batch = new ArrayList<>();
        for (long seq = 1; seq <= size; seq++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    TableSchema.PK, AttributeValue.fromS(ChangeLog.logPk(LANG)),
                    TableSchema.SK, AttributeValue.fromS(ChangeLog.sk(seq)),
                    "articleId", AttributeValue.fromS("old" + seq),
                    "revision", AttributeValue.fromN("1"),
                    "kind", AttributeValue.fromS(ChangeKind.UPSERT.wire()),
                    "at", AttributeValue.fromS(Instant.ofEpochMilli(allocatedAt).toString()),
                    "allocatedAt", AttributeValue.fromN(Long.toString(allocatedAt)))).build()).build());
            if (batch.size() == 25 || seq == size) {
                List<WriteRequest> requests = List.copyOf(batch);
                Map<String, List<WriteRequest>> unprocessed = Map.of(table, requests);
                while (!unprocessed.isEmpty()) {
                    Map<String, List<WriteRequest>> items = unprocessed;
                    unprocessed = dynamo.batchWriteItem(b -> b.requestItems(items)).unprocessedItems();
                }
                batch.clear();
            }
        }
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                TableSchema.PK, AttributeValue.fromS(ChangeLog.seqPk(LANG)),
                TableSchema.SK, AttributeValue.fromS("SEQ"),
                "next", AttributeValue.fromN(Integer.toString(size)))));
    }

    private static StoredArticle article(String id) {
        Instant now = Instant.now();
        return new StoredArticle(id, LANG, LANG, "Headline " + id, "Summary", List.of("One paragraph.",
                "Another paragraph."), "Desk", List.of("bench"), now, now, 1, "incoming/" + id + ".md",
                "00".repeat(32), false, null, false, null);
    }
}
