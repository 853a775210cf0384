package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.ingest.DeadLetterHandler;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload whose event the local stack gives up on shows in the editor's live report as {@code failed}, "gave up
 * after 3 tries, held in the dead-letter queue" with the last error, while the event waits in {@code <data>/dlq/};
 * {@code scripts/redrive-dlq --local} hands it back to the running stack and the report settles.
 */
class LocalStackDeadLetterTest {
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

    /**
     * The real ingest, then a fault while the test says so: what a Lambda timeout after the article was stored
     * looks like from outside (the work is done in part, the invocation fails).
     */
    private record TimingOut(RequestHandler<S3Event, Void> ingest, AtomicBoolean faulty)
            implements RequestHandler<S3Event, Void> {
        @Override
        public Void handleRequest(S3Event event, Context context) {
            ingest.handleRequest(event, context);
            if (faulty.get()) {
                throw new IllegalStateException("Task timed out after 120.00 seconds (injected by the test)");
            }
            return null;
        }
    }

    @Test
    void givenUpEvent_reportsFailedHeldInTheDeadLetterQueue_redriveSettlesIt() throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = FunctionEnv.of(dynamo, s3, apy, gateway, Map.of("TRANSLATION_ENGINE", "none",
                "TARGET_LANGUAGES", "es", "LEASE_WAIT_SECONDS", "1"));
        AtomicBoolean faulty = new AtomicBoolean(true);
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(false)
                .retryDelay(Duration.ofMillis(200))
                .ingestFunction(() -> new TimingOut(new IngestHandler(env), faulty))
                .apiStreamFunction(() -> new ApiHandler(env))
                .deadLetterFunction(() -> new DeadLetterHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        String key = "incoming/dead-letter.md";
        Path file = data.resolve("dead-letter.md");
        Files.writeString(file, "---\ntitle: Held back\nlang: en\n---\n\nThe council approved the budget.\n");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", file.toString(), "s3://tarjim-articles/" + key);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(deadLetters()).hasSize(1);
        String id = IngestService.articleId(key);
        JsonNode failed = status(id);
        assertThat(failed.get("status").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.at("/errors/0").asText()).isEqualTo("gave up after 3 tries, held in the dead-letter queue");
        assertThat(failed.at("/errors/1").asText()).startsWith("last error: java.lang.IllegalStateException: Task "
                + "timed out after 120.00 seconds");
        assertThat(failed.get("title").asText()).isEqualTo("Held back");
        assertThat(failed.get("revision").asLong()).isEqualTo(1);
        Path reportCopy = data.resolve("report.json");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", "s3://tarjim-articles/reports/" + key + ".json",
                reportCopy.toString());
        assertThat(Json.mapper().readTree(Files.readString(reportCopy)).get("errors")).isEqualTo(failed.get("errors"));

        faulty.set(false);
        Process redrive = new ProcessBuilder(ProjectPaths.root().resolve("scripts/redrive-dlq").toString(), "--local",
                "--data", data.toString()).redirectErrorStream(true).start();
        String out = new String(redrive.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(redrive.waitFor()).as(out).isZero();
        assertThat(out).contains("redrove 1 event(s)");

        JsonNode settled = awaitStatus(id, "stored", Duration.ofSeconds(20));
        assertThat(settled.get("errors")).isEmpty();
        assertThat(settled.get("revision").asLong()).isEqualTo(1);
        assertThat(settled.at("/languages/es/status").asText()).isEqualTo("unsupported");
        assertThat(deadLetters()).isEmpty();
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(10))).isTrue();
        try (Stream<Path> pending = Files.list(data.resolve("notifications/pending"))) {
            assertThat(pending).isEmpty();
        }
    }

    private Stream<Path> deadLettersStream() throws Exception {
        Path dlq = data.resolve("dlq");
        return Files.isDirectory(dlq) ? Files.list(dlq) : Stream.empty();
    }

    private java.util.List<Path> deadLetters() throws Exception {
        try (Stream<Path> files = deadLettersStream()) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private JsonNode status(String id) throws Exception {
        String token = Files.readString(data.resolve("editor-token")).strip();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create(stack.gatewayEndpoint() + "/articles/" + id + "/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private JsonNode awaitStatus(String id, String wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode report = status(id);
        while (!report.get("status").asText().equals(wanted) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = status(id);
        }
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo(wanted);
        return report;
    }
}
