package dev.tarjim.bench;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tarjim.emulators.Dynalite;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.emulators.S3Server;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.ingest.ScaleProbeWiring;
import dev.tarjim.store.TableSchema;
import dev.tarjim.support.AwsClients;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import dev.tarjim.syndication.ChangesPage;
import dev.tarjim.syndication.Cursor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures what {@code docs/scale.md} builds on, against dynalite with the project's own code: the items the
 * ingest writes for real sample articles (their kinds, counts and sizes by DynamoDB's documented size rules), the
 * DynamoDB requests and capacity units one ingest costs (units computed from the real items before and after each
 * request, GSI writes included), the Amazon Translate calls and characters one article costs (a stand-in Translate
 * endpoint that echoes the text, counted), and the change log at 100,000 entries: append latency through
 * {@link ChangeLog#append} and poll latency and cost at the log's head, in its middle and at its start.
 *
 * <p>Run from the project root (dynalite from {@code ./tarjim setup}); see {@code docs/scale.md}:
 * <pre>
 * mvn -q -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
 *     -Dmdep.includeScope=runtime
 * java -cp bench/target/classes:$(cat bench/target/bench-classpath.txt) dev.tarjim.bench.ScaleProbe \
 *     [--entries 100000] [--writers 4] [--polls 30] [--out bench/target/bench/scale.txt]
 * </pre>
 */
public final class ScaleProbe {
    /** Ten languages: the Arabic seed's source plus nine targets (Amazon Translate codes). */
    static final List<String> TARGETS = List.of("ar", "en", "zh", "es", "fr", "ru", "de", "tr", "fa", "ur");
    private static final String BUCKET = "tarjim-articles";
    private static final ObjectMapper JSON = new ObjectMapper();
    // jackson-dataformat-cbor reaches this module through the emulators (s3proxy's AWS SDK v1).
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private ScaleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int entries = Integer.parseInt(opts.getOrDefault("entries", "100000"));
        int writers = Integer.parseInt(opts.getOrDefault("writers", "4"));
        int polls = Integer.parseInt(opts.getOrDefault("polls", "30"));
        Path root = ProjectPaths.root();
        PrintStream out = System.out;
        System.setProperty("aws.accessKeyId", S3Server.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3Server.SECRET_KEY);
        StringBuilder report = new StringBuilder();
        Path s3Dir = Files.createTempDirectory("scale-probe-s3");
        try (Dynalite dynalite = Dynalite.startInMemory();
                S3Server s3 = S3Server.start(Ports.free(), s3Dir, null);
                FakeTranslate translate = FakeTranslate.start()) {
            s3.createBucket(BUCKET);
            DynamoDbClient raw = AwsClients.dynamo(Region.US_EAST_1, dynalite.endpoint());
            report.append(articles(root, dynalite, s3, translate, raw));
            report.append(changeLog(dynalite, raw, entries, writers, polls));
        }
        out.print(report);
        if (opts.containsKey("out")) {
            Path file = Path.of(opts.get("out"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, report.toString());
        }
    }

    // ------------------------------------------------------------------ articles through the ingest

    private static String articles(Path root, Dynalite dynalite, S3Server s3, FakeTranslate translate,
            DynamoDbClient raw) throws Exception {
        String table = "scale-articles";
        TableSchema.create(raw, TableSchema.createTableRequest(table));
        Meter meter = new Meter(raw);
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", table);
        env.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_TRANSLATE", translate.endpoint().toString());
        env.put("TRANSLATION_ENGINE", "amazon");
        env.put("TARGET_LANGUAGES", String.join(",", TARGETS));
        env.put("PUBLIC_BASE_URL", "https://news.example");
        // The real handler's wiring, on a DynamoDB client whose every request the meter sees.
        IngestHandler handler = MeteredIngest.handler(env, meter);
        S3Client s3Client = AwsClients.s3(Region.US_EAST_1, s3.endpoint());
        String template = Files.readString(root.resolve("events/s3-put.json"));
        StringBuilder sb = new StringBuilder();
        sb.append("== Ingest of real samples: 10 languages (source + 9 targets), Translate stand-in echoes ==\n");
        sb.append(String.format(Locale.ROOT, "%-32s %6s %5s %8s %8s %8s %8s %6s %8s%n", "sample", "bytes",
                "reqs", "RCU", "WCU", "GSI WCU", "ms*", "TT", "chars"));
        long seq = 0x10;
        List<String> samples = List.of("000_eb83513c9fa28be5.txt", "000_eb83513c9fa28be5.en.md", "rich-en.md",
                "rich-en.html", "letters-en.md");
        for (String name : samples) {
            byte[] bytes = Files.readAllBytes(root.resolve("samples").resolve(name));
            String key = "incoming/" + name;
            s3Client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
            String json = template.replace("incoming/000_eb83513c9fa28be5.txt", key)
                    .replace("\"size\": 4542", "\"size\": " + bytes.length)
                    .replace("0055AED6DCD90281E5", String.format("%018X", ++seq));
            S3Event event = LambdaEventSerializers.serializerFor(S3Event.class, ScaleProbe.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            meter.reset();
            translate.reset();
            long t = System.nanoTime();
            handler.handleRequest(event, new BenchContext("IngestFunction"));
            long ms = (System.nanoTime() - t) / 1_000_000;
            sb.append(String.format(Locale.ROOT, "%-32s %6d %5d %8.1f %8.1f %8.1f %8d %6d %8d%n", name,
                    bytes.length, meter.requests(), meter.rcu.sum(), meter.wcu.sum(), meter.gsiWcu.sum(), ms,
                    translate.calls.get(), translate.chars.get()));
            sb.append("  requests: ").append(meter.byOperation()).append("; GSI WCU by partition: ")
                    .append(meter.gsiByPartition()).append('\n');
        }
        sb.append("  * wall time includes the meter's two read-backs per write; TT = TranslateText calls, chars ="
                + " characters sent (code points)\n");
        sb.append('\n').append(itemTable(raw, table));
        return sb.toString();
    }

    /** Every item of the table by kind: count, average and largest size, whether it is in the feed GSI. */
    private static String itemTable(DynamoDbClient raw, String table) {
        Map<String, long[]> kinds = new TreeMap<>(); // count, total, max, inGsi
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse r = raw.scan(b -> b.tableName(table).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                long size = ItemSize.of(item);
                long[] k = kinds.computeIfAbsent(kind(item), x -> new long[4]);
                k[0]++;
                k[1] += size;
                k[2] = Math.max(k[2], size);
                if (item.containsKey(TableSchema.FEED_PK)) {
                    k[3]++;
                }
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        StringBuilder sb = new StringBuilder("== Items written (DynamoDB item size: UTF-8 names + values) ==\n");
        sb.append(String.format(Locale.ROOT, "%-34s %6s %9s %9s %6s%n", "kind (pk / sk)", "items", "avg B",
                "max B", "in GSI"));
        kinds.forEach((kind, k) -> sb.append(String.format(Locale.ROOT, "%-34s %6d %9d %9d %6d%n", kind, k[0],
                k[1] / k[0], k[2], k[3])));
        return sb.append('\n').toString();
    }

    /** An item's kind: the key with ids, hashes and numbers replaced by placeholders. */
    static String kind(Map<String, AttributeValue> item) {
        String pk = item.get(TableSchema.PK).s().replaceAll("#[0-9a-f]{8,}.*$", "#<id>")
                .replaceAll("^(FEEDVER|LOG|LOGSEQ|FEED)#.*$", "$1#<lang>")
                .replaceAll("^TM#.*$", "TM#<src>#<tgt>#<engine>")
                .replaceAll("^BUDGET#.*$", "BUDGET#<day>");
        String sk = item.get(TableSchema.SK).s().replaceAll("^LANG#.*$", "LANG#<lang>")
                .replaceAll("^REVIEW#.*$", "REVIEW#<lang>").replaceAll("^BODY#.*$", "BODY#<lang>#<seq>#<n>")
                .replaceAll("^V#.*$", "V#<hash>").replaceAll("^[0-9]{20}$", "<seq>");
        if (pk.startsWith("TM#") || pk.equals("EMBARGO") || pk.equals("DEFERRED") || pk.startsWith("AWAIT#")) {
            sk = "<key>";
        }
        return pk + " / " + sk;
    }

    // ------------------------------------------------------------------ the change log at scale

    private static String changeLog(Dynalite dynalite, DynamoDbClient raw, int entries, int writers, int polls)
            throws Exception {
        String table = "scale-log";
        TableSchema.create(raw, TableSchema.createTableRequest(table));
        Meter meter = new Meter(raw);
        DynamoDbClient metered = MeteredIngest.client(dynalite.endpoint(), meter);
        // Appends are timed on a plain client (the meter's read-backs would dominate); their units are metered on
        // a few hundred more appends afterwards.
        DynamoDbClient plain = MeteredIngest.client(dynalite.endpoint(), new ExecutionInterceptor() { });
        ChangeLog timedLog = new ChangeLog(plain, table, Clock.systemUTC(), ChangeLog.Settings.defaults());
        ChangeLog log = new ChangeLog(metered, table, Clock.systemUTC(), ChangeLog.Settings.defaults());
        String lang = "en";
        long[] nanos = new long[entries];
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            jobs.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < entries; i = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    timedLog.append(lang, String.format("%016x", i), 1, ChangeKind.UPSERT);
                    nanos[(int) i] = System.nanoTime() - t;
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        int meteredAppends = 200;
        meter.reset();
        for (int i = 0; i < meteredAppends; i++) {
            log.append(lang, String.format("m%015x", i), 1, ChangeKind.UPSERT);
        }
        double appendRcu = meter.rcu.sum() / meteredAppends;
        double appendWcu = meter.wcu.sum() / meteredAppends;
        double appendRequests = meter.requests() / (double) meteredAppends;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "== Change log: %,d appends through ChangeLog.append, %d writer threads,"
                + " one language (dynalite) ==%n", entries, writers));
        sb.append(String.format(Locale.ROOT, "wall %.1f s, %.0f appends/s; per append: p50 %.2f ms, p90 %.2f ms,"
                + " p99 %.2f ms, max %.1f ms; %.2f requests, %.2f WCU, %.2f RCU (units metered on %d more)%n",
                seconds, entries / seconds, pct(sorted, 0.5), pct(sorted, 0.9), pct(sorted, 0.99),
                sorted[entries - 1] / 1e6, appendRequests, appendWcu, appendRcu, meteredAppends));
        Map<String, AttributeValue> counter = raw.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableSchema.PK, AttributeValue.fromS("LOGSEQ#" + lang),
                        TableSchema.SK, AttributeValue.fromS("SEQ")))).item();
        Map<String, AttributeValue> sample = raw.getItem(b -> b.tableName(table)
                .key(Map.of(TableSchema.PK, AttributeValue.fromS("LOG#" + lang),
                        TableSchema.SK, AttributeValue.fromS("00000000000000000001")))).item();
        sb.append(String.format(Locale.ROOT, "counter item %d B (next = %s), entry item %d B%n",
                ItemSize.of(counter), counter.get("next").n(), ItemSize.of(sample)));
        sb.append(String.format(Locale.ROOT, "%-34s %6s %9s %9s %9s %7s %7s%n", "poll (limit 100, log.changes)",
                "items", "p50 ms", "p90 ms", "requests", "RCU", "more"));
        long size = entries + meteredAppends;
        Object[][] cases = {
            {"at the head, nothing new", size},
            {"at the head, 10 new", size - 10},
            {"deep: middle of the log", size / 2},
            {"deep: from the start", 0L},
        };
        for (Object[] c : cases) {
            long after = (Long) c[1];
            Cursor cursor = new Cursor(lang, after);
            for (int i = 0; i < 3; i++) {
                log.changes(lang, cursor, 100);
            }
            meter.reset();
            long[] pn = new long[polls];
            ChangesPage page = null;
            for (int i = 0; i < polls; i++) {
                long t = System.nanoTime();
                page = log.changes(lang, cursor, 100);
                pn[i] = System.nanoTime() - t;
            }
            Arrays.sort(pn);
            sb.append(String.format(Locale.ROOT, "%-34s %6d %9.2f %9.2f %9.1f %7.1f %7s%n", c[0],
                    page.changes().size(), pct(pn, 0.5), pct(pn, 0.9), meter.requests() / (double) polls,
                    meter.rcu.sum() / polls, page.hasMore()));
        }
        return sb.append('\n').toString();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }

    // ------------------------------------------------------------------ DynamoDB item sizes and capacity

    /** DynamoDB's documented item size: attribute names and values in UTF-8, numbers by significant digits. */
    static final class ItemSize {
        private ItemSize() {
        }

        static long of(Map<String, AttributeValue> item) {
            if (item == null) {
                return 0;
            }
            long size = 0;
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                size += utf8(e.getKey()) + value(e.getValue());
            }
            return size;
        }

        static long value(AttributeValue v) {
            if (v.s() != null) {
                return utf8(v.s());
            }
            if (v.n() != null) {
                return number(v.n());
            }
            if (v.b() != null) {
                return v.b().asByteArrayUnsafe().length;
            }
            if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
                return 1;
            }
            if (v.hasSs()) {
                return v.ss().stream().mapToLong(ItemSize::utf8).sum();
            }
            if (v.hasNs()) {
                return v.ns().stream().mapToLong(ItemSize::number).sum();
            }
            if (v.hasBs()) {
                return v.bs().stream().mapToLong(x -> x.asByteArrayUnsafe().length).sum();
            }
            if (v.hasL()) {
                return 3 + v.l().stream().mapToLong(x -> 1 + value(x)).sum();
            }
            if (v.hasM()) {
                return 3 + v.m().entrySet().stream().mapToLong(x -> 1 + utf8(x.getKey()) + value(x.getValue()))
                        .sum();
            }
            return 0;
        }

        /** One byte per two significant digits, plus one. */
        static long number(String n) {
            String digits = new BigDecimal(n).unscaledValue().abs().toString().replaceAll("0+$", "");
            return (Math.max(1, digits.length()) + 1) / 2 + 1;
        }

        static long utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /**
     * Counts requests and the capacity units DynamoDB would bill for them, from the real items: a write costs
     * ceil(max(before, after) / 1 KB) WCU on the table (a failed condition too), and on the feed GSI (projection
     * ALL) a put, a delete, or both when the index key changed, or one write when an indexed item changed; a read
     * ceil(size / 4 KB) RCU (half for eventually consistent; a Query sums the sizes of the whole items it read).
     */
    static final class Meter implements ExecutionInterceptor {
        private static final ExecutionAttribute<Map<String, AttributeValue>> BEFORE =
                new ExecutionAttribute<>("scale.before");
        final DoubleAdder rcu = new DoubleAdder();
        final DoubleAdder wcu = new DoubleAdder();
        final DoubleAdder gsiWcu = new DoubleAdder();
        private final Map<String, AtomicLong> operations = new java.util.concurrent.ConcurrentHashMap<>();
        /** GSI write units by index partition ({@code FEED#<lang>}, {@code UPLOADS}). */
        private final Map<String, DoubleAdder> gsiByPartition = new java.util.concurrent.ConcurrentHashMap<>();
        private final DynamoDbClient raw;

        Meter(DynamoDbClient raw) {
            this.raw = raw;
        }

        void reset() {
            rcu.reset();
            wcu.reset();
            gsiWcu.reset();
            operations.clear();
            gsiByPartition.clear();
        }

        long requests() {
            return operations.values().stream().mapToLong(AtomicLong::get).sum();
        }

        String byOperation() {
            return new TreeMap<>(operations).toString();
        }

        String gsiByPartition() {
            Map<String, Double> out = new TreeMap<>();
            gsiByPartition.forEach((k, v) -> out.put(k, v.sum()));
            return out.toString();
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest r = context.request();
            operations.computeIfAbsent(r.getClass().getSimpleName().replace("Request", ""), k -> new AtomicLong())
                    .incrementAndGet();
            Map<String, AttributeValue> key = writeKey(r);
            if (key != null) {
                attributes.putAttribute(BEFORE, current(tableOf(r), key));
            }
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            SdkRequest r = context.request();
            SdkResponse response = context.response();
            Map<String, AttributeValue> key = writeKey(r);
            if (key != null) {
                Map<String, AttributeValue> before = attributes.getAttribute(BEFORE);
                Map<String, AttributeValue> after = current(tableOf(r), key);
                wcu.add(Math.max(1, units(Math.max(ItemSize.of(before), ItemSize.of(after)), 1024)));
                double gsi = gsiWrites(before, after);
                gsiWcu.add(gsi);
                if (gsi > 0) {
                    Map<String, AttributeValue> indexed = after != null && after.containsKey(TableSchema.FEED_PK)
                            ? after : before;
                    gsiByPartition.computeIfAbsent(indexed.get(TableSchema.FEED_PK).s().replaceAll("#.*", "#<lang>"),
                            k -> new DoubleAdder()).add(gsi);
                }
            } else if (r instanceof GetItemRequest g) {
                Map<String, AttributeValue> item = ((GetItemResponse) response).item();
                rcu.add(Math.max(1, units(ItemSize.of(item), 4096)) * (consistent(g.consistentRead()) ? 1 : 0.5));
            } else if (r instanceof QueryRequest q) {
                long size = 0;
                for (Map<String, AttributeValue> item : ((QueryResponse) response).items()) {
                    size += ItemSize.of(whole(q, item));
                }
                rcu.add(Math.max(1, units(size, 4096)) * (consistent(q.consistentRead()) ? 1 : 0.5));
            } else if (r instanceof BatchGetItemRequest bg) {
                BatchGetItemResponse br = (BatchGetItemResponse) response;
                br.responses().forEach((t, items) -> {
                    boolean strong = consistent(bg.requestItems().get(t).consistentRead());
                    for (Map<String, AttributeValue> item : items) {
                        rcu.add(Math.max(1, units(ItemSize.of(item), 4096)) * (strong ? 1 : 0.5));
                    }
                });
            } else if (r instanceof BatchWriteItemRequest bw) {
                for (List<WriteRequest> writes : bw.requestItems().values()) {
                    for (WriteRequest w : writes) {
                        Map<String, AttributeValue> item = w.putRequest() != null ? w.putRequest().item()
                                : w.deleteRequest().key();
                        wcu.add(Math.max(1, units(ItemSize.of(item), 1024)));
                    }
                }
            }
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.exception() instanceof ConditionalCheckFailedException && writeKey(context.request()) != null) {
                wcu.add(Math.max(1, units(ItemSize.of(attributes.getAttribute(BEFORE)), 1024)));
            }
        }

        /** A Query with a projection is billed for the whole items: read them back when the key is there. */
        private Map<String, AttributeValue> whole(QueryRequest q, Map<String, AttributeValue> item) {
            if (q.projectionExpression() == null || q.indexName() != null
                    || !item.containsKey(TableSchema.PK) || !item.containsKey(TableSchema.SK)) {
                return item;
            }
            Map<String, AttributeValue> full = current(q.tableName(), Map.of(TableSchema.PK, item.get(TableSchema.PK),
                    TableSchema.SK, item.get(TableSchema.SK)));
            return full == null ? item : full;
        }

        static double gsiWrites(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
            boolean was = inIndex(before);
            boolean is = inIndex(after);
            if (!was && !is) {
                return 0;
            }
            if (!was) {
                return Math.max(1, units(ItemSize.of(after), 1024));
            }
            if (!is) {
                return Math.max(1, units(ItemSize.of(before), 1024));
            }
            boolean keyChanged = !before.get(TableSchema.FEED_PK).equals(after.get(TableSchema.FEED_PK))
                    || !before.get(TableSchema.FEED_SK).equals(after.get(TableSchema.FEED_SK));
            if (keyChanged) {
                return Math.max(1, units(ItemSize.of(before), 1024)) + Math.max(1, units(ItemSize.of(after), 1024));
            }
            return before.equals(after) ? 0
                    : Math.max(1, units(Math.max(ItemSize.of(before), ItemSize.of(after)), 1024));
        }

        private static boolean inIndex(Map<String, AttributeValue> item) {
            return item != null && item.containsKey(TableSchema.FEED_PK) && item.containsKey(TableSchema.FEED_SK);
        }

        private static long units(long bytes, int unit) {
            return (bytes + unit - 1) / unit;
        }

        private static boolean consistent(Boolean b) {
            return Boolean.TRUE.equals(b);
        }

        private Map<String, AttributeValue> current(String table, Map<String, AttributeValue> key) {
            Map<String, AttributeValue> item = raw.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                    .item();
            return item == null || item.isEmpty() ? null : item;
        }

        private static String tableOf(SdkRequest r) {
            if (r instanceof PutItemRequest p) {
                return p.tableName();
            }
            if (r instanceof UpdateItemRequest u) {
                return u.tableName();
            }
            return ((DeleteItemRequest) r).tableName();
        }

        private static Map<String, AttributeValue> writeKey(SdkRequest r) {
            if (r instanceof PutItemRequest p) {
                return Map.of(TableSchema.PK, p.item().get(TableSchema.PK), TableSchema.SK, p.item().get(TableSchema.SK));
            }
            if (r instanceof UpdateItemRequest u) {
                return u.key();
            }
            if (r instanceof DeleteItemRequest d) {
                return d.key();
            }
            return null;
        }
    }

    /** The ingest handler wired like {@code IngestHandler()} but on a metered DynamoDB client. */
    static final class MeteredIngest {
        private MeteredIngest() {
        }

        static DynamoDbClient client(URI endpoint, ExecutionInterceptor meter) {
            return DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                    .httpClient(AwsClients.httpClient(Duration.ofSeconds(10)))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(meter)).build();
        }

        static IngestHandler handler(Map<String, String> env, Meter meter) {
            return ScaleProbeWiring.handler(env, client(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB")), meter));
        }
    }

    /**
     * A stand-in for Amazon Translate's TranslateText (JSON 1.1 protocol): answers every call with its own text,
     * counting calls and characters (code points, as Translate bills).
     */
    static final class FakeTranslate implements AutoCloseable {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong chars = new AtomicLong();
        private final HttpServer server;

        private FakeTranslate(HttpServer server) {
            this.server = server;
        }

        static FakeTranslate start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeTranslate fake = new FakeTranslate(server);
            server.createContext("/", exchange -> {
                try {
                    fake.answer(exchange);
                } catch (IOException | RuntimeException | Error e) {
                    e.printStackTrace();
                    throw e;
                }
            });
            server.start();
            return fake;
        }

        private void answer(HttpExchange exchange) throws IOException {
            // The SDK speaks Smithy RPC v2 CBOR to Translate (JSON 1.1 from older SDKs): answer in kind.
            boolean cbor = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).contains("cbor");
            ObjectMapper mapper = cbor ? CBOR : JSON;
            JsonNode req = mapper.readTree(exchange.getRequestBody());
            String text = req.path("Text").asText();
            calls.incrementAndGet();
            chars.addAndGet(text.codePointCount(0, text.length()));
            ObjectNode res = mapper.createObjectNode();
            res.put("TranslatedText", text);
            res.put("SourceLanguageCode", req.path("SourceLanguageCode").asText());
            res.put("TargetLanguageCode", req.path("TargetLanguageCode").asText());
            byte[] body = mapper.writeValueAsBytes(res);
            if (cbor) {
                exchange.getResponseHeaders().add("Content-Type", "application/cbor");
                exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void reset() {
            calls.set(0);
            chars.set(0);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
