package dev.tarjim.ingest;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Ports;
import dev.tarjim.article.ArticleState;
import dev.tarjim.store.FeedIndex;
import dev.tarjim.store.Sequencers;
import dev.tarjim.article.StoredArticle;
import dev.tarjim.support.AwsClients;
import dev.tarjim.support.Log;
import dev.tarjim.support.TransientFailureException;
import dev.tarjim.syndication.Change;
import dev.tarjim.syndication.ChangeKind;
import dev.tarjim.syndication.ChangeLog;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import dev.tarjim.support.S3Objects;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Infrastructure faults mid-ingest, injected at the SDK level: an {@link ExecutionInterceptor} on the handler's own
 * DynamoDB and S3 clients fails one chosen call as AWS would (DynamoDB throttling after the SDK's retries, S3 503
 * SlowDown, a broken connection).
 *
 * <p>Every call of an ingest gets its turn to fail. Each time the handler must throw (so Lambda retries the event) or,
 * when only the final lease release failed, complete; the retried event then completes the article; and before every
 * single SDK call an observer reads what readers would see (the article as partners get it, and the feed index), which
 * must always be the old revision or the new one, whole.
 */
class IngestFaultTest {
    private static Stack stack;
    private static FeedIndex feeds;
    private static ChangeLog changeLog;
    private static final AtomicInteger KEYS = new AtomicInteger();

    @BeforeAll
    static void start() {
        stack = new Stack();
        feeds = new FeedIndex(stack.dynamo, Stack.TABLE, stack.store);
        // A writer that failed between allocating a change number and writing its entry leaves a gap, which readers
        // wait out for the grace period before voiding it; this reader voids gaps at once so the test need not wait.
        changeLog = new ChangeLog(stack.dynamo, Stack.TABLE, Clock.systemUTC(), new ChangeLog.Settings(Duration.ZERO,
                ChangeLog.Settings.defaults().appendAttempts()));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    // ---------------------------------------------------------------- every call fails once

    @TestFactory
    Stream<DynamicTest> everyCallOfAnIngestFailing_eventIsRetriedAndNothingHalfWrittenIsEverVisible() {
        return Stream.of(Body.SMALL, Body.CHUNKED).flatMap(body -> {
            List<String> calls = callsOfOneRevision(body);
            return IntStream.rangeClosed(1, calls.size()).mapToObj(n -> DynamicTest.dynamicTest(
                    body + " body, call " + n + " of " + calls.size() + " (" + calls.get(n - 1) + ") fails",
                    () -> failCallThenRetry(body, n, calls.get(n - 1))));
        });
    }

    /** The SDK calls the ingest of a second revision makes, in order, from a clean run. */
    private static List<String> callsOfOneRevision(Body body) {
        Faults faults = new Faults();
        IngestHandler handler = handler(faults, Map.of());
        String key = nextKey(body);
        Revision v1 = Revision.of(key, 1, body);
        Revision v2 = Revision.of(key, 2, body);
        ingest(handler, v1);
        faults.recordCalls();
        ingest(handler, v2);
        return faults.calls();
    }

    private static void failCallThenRetry(Body body, int n, String operation) {
        Faults faults = new Faults();
        IngestHandler handler = handler(faults, Map.of());
        String key = nextKey(body);
        Revision v1 = Revision.of(key, 1, body);
        Revision v2 = Revision.of(key, 2, body);
        ingest(handler, v1);
        String id = IngestService.articleId(key);
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        faults.observe(() -> checkVisible(id, v1, v2).ifPresent(violations::add));

        stack.upload(key, v2.bytes());
        S3Event event = S3Events.put(Stack.BUCKET, key, v2.bytes().length, S3Events.nextSequencer());
        faults.failCall(n);
        Throwable failure = catchThrowable(() -> handler.handleRequest(event, new TestContext()));
        assertThat(faults.failed()).as("call %d (%s) was made and failed", n, operation).isTrue();
        if (failure != null) {
            assertThat(causes(failure)).as("what the handler threw, with its causes")
                    .contains(faults.injected());
            // Lambda's retry: the same event again.
            assertThatCode(() -> handler.handleRequest(event, new TestContext())).as("retry after call %d (%s) failed",
                    n, operation).doesNotThrowAnyException();
        } else {
            assertThat(operation).as("only a failed lease release may let the event complete").isEqualTo("UpdateItem");
            assertThat(n).isEqualTo(faults.callsSoFar());
        }
        faults.observe(null);

        assertThat(violations).as("what readers saw while call %d (%s) failed and the event was retried", n,
                operation).isEmpty();
        assertComplete(v2, event, failure != null);
        if (failure != null) {
            // Withdrawn, the article leaves the feed, so later cases read a short feed. (With its lease unreleased
            // the article takes no event until the lease expires.)
            stack.remove(key);
            handler.handleRequest(S3Events.delete(Stack.BUCKET, key, S3Events.nextSequencer()), new TestContext());
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    /**
     * The new revision is live everywhere, its report says so, partners learned of it, and the lease is released (or,
     * when releasing it is what failed, bounded by its expiry).
     */
    private static void assertComplete(Revision v2, S3Event event, boolean leaseReleased) {
        String id = IngestService.articleId(v2.key());
        ArticleState state = stack.store.state(id).orElseThrow();
        assertThat(state.status()).isEqualTo(UploadStatus.STORED);
        assertThat(state.revision()).isEqualTo(2);
        assertThat(state.title()).isEqualTo(v2.title());
        assertThat(state.sequencer()).isEqualTo(Sequencers.normalize(
                event.getRecords().get(0).getS3().getObject().getSequencer()));
        assertThat(state.languages().get("es").settled(2)).as("es settled: %s", state.languages()).isTrue();
        assertThat(v2.matches(stack.store.article(id, "en").orElseThrow())).isTrue();
        assertThat(feedEntries(id)).hasSize(1).allMatch(v2::matches);

        JsonNode report = stack.report(v2.key());
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("revision").asLong()).isEqualTo(2);
        assertThat(report.get("title").asText()).isEqualTo(v2.title());
        assertThat(report.get("languages").get("es").get("status").asText())
                .isEqualTo(state.languages().get("es").status().code());

        List<Change> changes = changeLog.changes("en", null, 1000).changes();
        assertThat(changes).anyMatch(c -> c.articleId().equals(id) && c.revision() == 2
                && c.kind() == ChangeKind.UPSERT);

        Map<String, AttributeValue> stateItem = stack.dynamo.getItem(b -> b.tableName(Stack.TABLE)
                .key(Map.of("pk", AttributeValue.fromS("ART#" + id), "sk", AttributeValue.fromS("STATE")))
                .consistentRead(true)).item();
        if (leaseReleased) {
            assertThat(stateItem).as("lease released").doesNotContainKey("lease");
        } else {
            assertThat(Long.parseLong(stateItem.get("leaseUntil").n())).as("lease expiry")
                    .isLessThanOrEqualTo(System.currentTimeMillis() + IngestWiring.LEASE_TTL.toMillis());
        }
    }

    /** What a reader sees now; empty when it is one of the two revisions, whole, else what is wrong. */
    private static Optional<String> checkVisible(String id, Revision v1, Revision v2) {
        Optional<StoredArticle> article;
        List<StoredArticle> entries;
        try {
            article = stack.store.article(id, "en");
            entries = feedEntries(id);
        } catch (RuntimeException e) {
            return Optional.of("reading failed: " + e);
        }
        if (article.isEmpty() || !(v1.matches(article.get()) || v2.matches(article.get()))) {
            return Optional.of("article: " + article.map(IngestFaultTest::describe).orElse("missing"));
        }
        if (entries.size() != 1 || !(v1.matches(entries.get(0)) || v2.matches(entries.get(0)))) {
            return Optional.of("feed: " + entries.stream().map(IngestFaultTest::describe).toList());
        }
        return Optional.empty();
    }

    private static List<StoredArticle> feedEntries(String id) {
        return feeds.page("en", null, 500).articles().stream().filter(a -> a.id().equals(id)).toList();
    }

    private static String describe(StoredArticle a) {
        return "revision " + a.revision() + " '" + a.title() + "' with " + a.paragraphs().size() + " paragraphs"
                + (a.withdrawn() ? " (withdrawn)" : "");
    }

    // ---------------------------------------------------------------- S3 read errors of both kinds

    @Test
    void s3ReadFailing_asServiceErrorOrBrokenConnection_eventIsRetriedAndCompletes() {
        for (Supplier<RuntimeException> error : List.<Supplier<RuntimeException>>of(Faults::slowDown,
                () -> SdkClientException.create("Unable to execute HTTP request: Connection reset"))) {
            Faults faults = new Faults();
            IngestHandler handler = handler(faults, Map.of());
            String key = nextKey(Body.SMALL);
            Revision v1 = Revision.of(key, 1, Body.SMALL);
            Revision v2 = Revision.of(key, 2, Body.SMALL);
            ingest(handler, v1);
            stack.upload(key, v2.bytes());
            S3Event event = S3Events.put(Stack.BUCKET, key, v2.bytes().length, S3Events.nextSequencer());
            faults.failOperation("GetObject", error.get());

            assertThatThrownBy(() -> handler.handleRequest(event, new TestContext()))
                    .isInstanceOfAny(S3Exception.class, TransientFailureException.class);
            assertThat(v1.matches(stack.store.article(IngestService.articleId(key), "en").orElseThrow())).isTrue();
            assertThat(stack.report(key).get("revision").asLong()).isEqualTo(1);

            handler.handleRequest(event, new TestContext());
            assertComplete(v2, event, true);
        }
    }

    // ---------------------------------------------------------------- translation engine down for a while

    @Test
    void translationEngineDown_articleStoredWithPendingTranslation_retryAfterEngineIsBackTranslatesIt() {
        assumeTrue(Apy.installed(), "apertium-apy with eng-spa is not installed on this machine");
        int port = Ports.free();
        IngestHandler handler = handler(new Faults(), Map.of("TRANSLATION_ENGINE", "apertium",
                "APERTIUM_URL", "http://127.0.0.1:" + port, "TARGET_LANGUAGES", "es"));
        String key = "incoming/fault/engine-down.md";
        byte[] body = IngestEndToEndTest.markdown("The president sent a letter",
                "The president sent a letter to the minister.").getBytes(StandardCharsets.UTF_8);
        stack.upload(key, body);
        S3Event event = S3Events.put(Stack.BUCKET, key, body.length, S3Events.nextSequencer());
        String id = IngestService.articleId(key);

        // First delivery and Lambda's first retry, both while APy is down.
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> handler.handleRequest(event, new TestContext()))
                    .isInstanceOf(TransientFailureException.class);
            JsonNode report = stack.report(key);
            assertThat(report.get("status").asText()).isEqualTo("stored");
            assertThat(report.get("languages").get("es").get("status").asText()).isEqualTo("pending");
            assertThat(report.get("languages").get("es").get("detail").asText()).contains("unavailable");
            assertThat(stack.store.article(id, "en")).isPresent();
            assertThat(feedEntries(id)).hasSize(1);
            assertThat(stack.store.article(id, "es")).isEmpty();
        }

        try (Apy apy = Apy.start(port)) {
            assertThatCode(() -> handler.handleRequest(event, new TestContext())).doesNotThrowAnyException();
        }
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("languages").get("es").get("status").asText()).isEqualTo("translated");
        StoredArticle es = stack.store.article(id, "es").orElseThrow();
        assertThat(es.machineTranslated()).isTrue();
        assertThat(es.engine()).contains("apertium");
        assertThat(es.title()).containsIgnoringCase("presidente").doesNotContain("president sent");
        assertThat(es.revision()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- fixtures

    private enum Body { SMALL, CHUNKED }

    /** One revision of an upload: its title and paragraphs are what readers must see whole. */
    private record Revision(String key, long revision, String title, List<String> paragraphs) {
        static Revision of(String key, long revision, Body body) {
            String title = "Revision " + revision + " of " + key;
            List<String> paragraphs = new ArrayList<>();
            // A chunked body is over the 300 KB a single item holds inline: it is split across chunk items.
            int count = body == Body.SMALL ? 2 : 820;
            for (int i = 0; i < count; i++) {
                String filler = body == Body.SMALL ? ""
                        : " The council met again to discuss the budget and the roads.".repeat(7);
                paragraphs.add("Paragraph " + i + " of revision " + revision + "." + filler);
            }
            return new Revision(key, revision, title, paragraphs);
        }

        byte[] bytes() {
            return ("---\ntitle: " + title + "\nlang: en\n---\n\n" + String.join("\n\n", paragraphs) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        }

        boolean matches(StoredArticle a) {
            return !a.withdrawn() && a.revision() == revision && a.title().equals(title)
                    && a.paragraphs().equals(paragraphs);
        }
    }

    private static String nextKey(Body body) {
        return "incoming/fault/" + body.name().toLowerCase() + "-" + KEYS.incrementAndGet() + ".md";
    }

    private static void ingest(IngestHandler handler, Revision revision) {
        stack.upload(revision.key(), revision.bytes());
        handler.handleRequest(S3Events.put(Stack.BUCKET, revision.key(), revision.bytes().length,
                S3Events.nextSequencer()), new TestContext());
        StoredArticle stored = stack.store.article(IngestService.articleId(revision.key()), "en").orElseThrow();
        assertThat(revision.matches(stored)).as("%s stored as %s", revision.title(), describe(stored)).isTrue();
    }

    /** The handler as wired in production, over SDK clients that carry the fault injector. */
    private static IngestHandler handler(Faults faults, Map<String, String> overrides) {
        DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(stack.dynalite.endpoint())
                .httpClient(AwsClients.httpClient(Duration.ofSeconds(10)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)).addExecutionInterceptor(faults))
                .build();
        S3Objects s3 = new S3Objects(Region.US_EAST_1, stack.s3Server.endpoint(),
                DefaultCredentialsProvider.builder().build(), AwsClients.httpClient(Duration.ofSeconds(30)),
                (operation, bucket, key) -> faults.before("S3", operation));
        return new IngestHandler(IngestWiring.service(stack.config(overrides), s3, dynamo,
                Log.forFunction("ingest-fault-test")));
    }

    /**
     * Fails chosen SDK calls before they are sent, as a call does whose retries the SDK has exhausted: DynamoDB with
     * {@code ProvisionedThroughputExceededException}, S3 with a 503 SlowDown. Also runs an observer before each call.
     */
    static final class Faults implements ExecutionInterceptor {
        private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
                "PutObject", "DeleteObject", "DeleteObjects");
        private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean recording;
        private volatile int failAt;
        private volatile String failOperation;
        private volatile RuntimeException failWith;
        private volatile boolean failed;
        private volatile RuntimeException injected;
        private volatile Runnable observer;

        void recordCalls() {
            calls.clear();
            recording = true;
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        int callsSoFar() {
            return calls.size();
        }

        /** Fails the n-th call from now (1-based), whatever it is. */
        void failCall(int n) {
            recordCalls();
            failAt = n;
        }

        /** Fails the next call of this operation with this error. */
        void failOperation(String operation, RuntimeException error) {
            failOperation = operation;
            failWith = error;
        }

        boolean failed() {
            return failed;
        }

        RuntimeException injected() {
            return injected;
        }

        void observe(Runnable observer) {
            this.observer = observer;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            before(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }

        /** Before each call of the SDK's clients (DynamoDB) and of the functions' S3 requests ({@link S3Objects}). */
        void before(String service, String operation) {
            Runnable o = observer;
            if (o != null && WRITES.contains(operation)) {
                // What readers can see changes only with writes: observing before each one sees every state.
                o.run();
            }
            if (operation.equals(failOperation)) {
                failOperation = null;
                failed = true;
                throw failWith;
            }
            if (!recording) {
                return;
            }
            calls.add(operation);
            if (calls.size() == failAt) {
                failAt = 0;
                failed = true;
                injected = "S3".equals(service) ? slowDown() : throttled();
                throw injected;
            }
        }

        static RuntimeException throttled() {
            return ProvisionedThroughputExceededException.builder().statusCode(400)
                    .message("The level of configured provisioned throughput for the table was exceeded.")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                            .serviceName("DynamoDb").build())
                    .build();
        }

        static RuntimeException slowDown() {
            return S3Exception.builder().statusCode(503).message("Please reduce your request rate.")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("SlowDown").serviceName("S3").build())
                    .build();
        }
    }
}
