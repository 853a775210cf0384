package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.ingest.IngestService;
import dev.tarjim.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch uploaded with the AWS CLI is ingested by several instances of the real ingest at once, never more than
 * the configured concurrency, and every article is stored once and listed once in the feed.
 */
class LocalStackParallelIngestTest {
    private static final int CONCURRENCY = 3;
    private static final int ARTICLES = 8;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** What the stack's instances share: how many invocations are in flight, and the most seen at once. */
    private static final class Shared {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger instances = new AtomicInteger();
        /** The first invocations wait (up to 20 s) until the concurrency's worth are in flight together. */
        final CountDownLatch together = new CountDownLatch(CONCURRENCY);
        final AtomicInteger waitedInVain = new AtomicInteger();
    }

    /** The real ingest, counted. */
    private record Counted(RequestHandler<S3Event, Void> ingest, Shared shared)
            implements RequestHandler<S3Event, Void> {
        Counted {
            shared.instances.incrementAndGet();
        }

        @Override
        public Void handleRequest(S3Event event, Context context) {
            shared.most.accumulateAndGet(shared.inFlight.incrementAndGet(), Math::max);
            try {
                shared.together.countDown();
                if (!shared.together.await(20, TimeUnit.SECONDS)) {
                    shared.waitedInVain.incrementAndGet();
                }
                return ingest.handleRequest(event, context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                shared.inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void batchUpload_isIngestedByUpToTheConcurrency_inInstancesOfTheirOwn_eachArticleOnceInTheFeed()
            throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = FunctionEnv.of(dynamo, s3, apy, gateway, Map.of("TRANSLATION_ENGINE", "none",
                "TARGET_LANGUAGES", "es"));
        Shared shared = new Shared();
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(false)
                .ingestConcurrency(CONCURRENCY)
                .retryDelay(Duration.ofMillis(200))
                .ingestFunction(() -> new Counted(new IngestHandler(env), shared))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        Path batch = Files.createDirectories(data.resolve("batch"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= ARTICLES; i++) {
            String name = "parallel-" + i + ".md";
            Files.writeString(batch.resolve(name), "---\ntitle: Parallel article " + i + "\nlang: en\n---\n\n"
                    + "The council met on Monday to discuss item " + i + " of the budget.\n");
            ids.add(IngestService.articleId("incoming/" + name));
        }

        AwsCli.run(stack.s3Endpoint(), "s3", "cp", batch.toString(), "s3://tarjim-articles/incoming/",
                "--recursive");
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(90))).isTrue();

        assertThat(shared.waitedInVain).as("invocations that never saw %d at once", CONCURRENCY).hasValue(0);
        assertThat(shared.most).as("the most invocations in flight at once").hasValue(CONCURRENCY);
        assertThat(shared.instances).as("handler instances").hasValue(CONCURRENCY);
        String token = Files.readString(data.resolve("editor-token")).strip();
        for (String id : ids) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create(stack.gatewayEndpoint() + "/articles/" + id + "/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode report = Json.mapper().readTree(r.body());
            assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("stored");
            assertThat(report.get("revision").asLong()).isEqualTo(1);
        }
        HttpResponse<String> feed = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.gatewayEndpoint() + "/feeds/en/feed.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        for (JsonNode item : Json.mapper().readTree(feed.body()).get("items")) {
            String url = item.get("url").asText();
            ids.stream().filter(id -> url.contains("/articles/" + id + "/")).forEach(listed::add);
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(data.resolve("dlq")).doesNotExist();
        try (var pending = Files.list(data.resolve("notifications/pending"))) {
            assertThat(pending).isEmpty();
        }
    }
}
