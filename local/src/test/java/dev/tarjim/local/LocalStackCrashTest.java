package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestConfig;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.ingest.IngestService;
import dev.tarjim.store.DynamoArticleStates;
import dev.tarjim.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An ingest killed while it held an article's lease never leaves the article pending: the lease expires, and the
 * local stack's retries of the redelivered event outlast it, so a retry takes the expired lease over and settles the
 * article instead of sending its event to the dead-letter folder.
 */
class LocalStackCrashTest {
    @TempDir
    Path data;

    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void defaultRetrySchedule_outlastsTheDefaultLeaseTtl() {
        Duration retryDelay = LocalConfig.builder(data).build().retryDelay();
        Duration lastRetry = Duration.ZERO;
        for (int attempt = 1; attempt < S3Notifications.ATTEMPTS; attempt++) {
            lastRetry = lastRetry.plus(retryDelay.multipliedBy(attempt));
        }

        assertThat(lastRetry).isGreaterThan(IngestConfig.DEFAULT_LEASE_TTL);
    }

    @Test
    void leaseLeftByAKilledIngest_expires_andARetryTakesItOverAndSettlesTheArticle() throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int gateway = Ports.free();
        // A short lease (10 s) and a short wait for it (1 s); retries 4 s then 8 s after a failure: the last attempt
        // (about 14 s in) is past the lease; retries all within it would send the event to the dead-letter folder.
        int apy = Ports.free();
        Map<String, String> env = FunctionEnv.of(dynamo, s3, apy, gateway, Map.of("TRANSLATION_ENGINE", "none",
                "TARGET_LANGUAGES", "es", "LEASE_TTL_SECONDS", "10", "LEASE_WAIT_SECONDS", "1"));
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(false)
                .retryDelay(Duration.ofSeconds(4))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
        String key = "incoming/crash.md";
        // What an ingest killed mid-event leaves behind: the article's lease, taken with the configured TTL and
        // never released.
        try (DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(stack.dynamoEndpoint()).build()) {
            new DynamoArticleStates(client, LocalConfig.DEFAULT_TABLE, Clock.systemUTC())
                    .acquireLease(IngestService.articleId(key), Duration.ofSeconds(10), Duration.ZERO);
        }

        Path file = data.resolve("crash.md");
        Files.writeString(file, "---\ntitle: After the crash\nlang: en\n---\n\nThe article is settled.\n");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", file.toString(), "s3://tarjim-articles/" + key);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();

        Path report = data.resolve("crash.json");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", "s3://tarjim-articles/reports/" + key + ".json",
                report.toString());
        JsonNode r = Json.mapper().readTree(Files.readString(report));
        assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("stored");
        assertThat(r.at("/languages/es/status").asText()).isEqualTo("unsupported");
        assertThat(data.resolve("dlq")).satisfiesAnyOf(
                dlq -> assertThat(dlq).doesNotExist(),
                dlq -> assertThat(dlq).isEmptyDirectory());
    }
}
