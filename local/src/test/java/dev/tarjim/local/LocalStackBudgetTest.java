package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestHandler;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily translation budget end to end: two English articles uploaded with the AWS CLI to a stack whose budget
 * is a few hundred characters; the first is translated (its characters reported), the second's languages are
 * deferred with the reason; the cap is raised (the stack restarted with the new configuration, as a redeployment
 * does) and the stack's periodic release translates them, read over HTTP.
 */
class LocalStackBudgetTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FIRST = "---\ntitle: The president sent a letter\nlang: en\n---\n\n"
            + "The president sent a letter to the meeting of the two parties, which was held on Thursday.\n";
    private static final String SECOND = "---\ntitle: The port reopened\nlang: en\n---\n\n"
            + "The workers returned to the port on Friday after the long strike ended in an agreement.\n";

    @TempDir
    Path data;

    private LocalStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private LocalStack start(long dailyCharacters) {
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = FunctionEnv.of(dynamo, s3, apy, gateway, Map.of("TRANSLATION_ENGINE", "apertium",
                "TARGET_LANGUAGES", "es,ca", "TRANSLATION_DAILY_CHARACTERS", Long.toString(dailyCharacters)));
        return LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, apy, gateway).apy(true)
                .retryDelay(Duration.ofMillis(50)).releaseEvery(Duration.ofSeconds(1))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .build());
    }

    @Test
    void smallBudget_defersTheSecondArticleVisibly_raisedBudget_releasesIt() throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        assumeTrue(Apy.installed(), "apertium-apy is not installed (.ci/run installs it)");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // Each article costs ~120 characters per language: the first fits twice, the second not once more.
        stack = start(300);

        upload("first.md", FIRST);
        JsonNode first = report("incoming/first.md");
        upload("second.md", SECOND);
        JsonNode second = report("incoming/second.md");

        for (String lang : List.of("es", "ca")) {
            assertThat(first.at("/languages/" + lang + "/status").asText()).as(first.toString())
                    .isEqualTo("translated");
            assertThat(first.at("/languages/" + lang + "/characters").asLong()).isBetween(100L, 200L);
            assertThat(second.at("/languages/" + lang + "/status").asText()).as(second.toString())
                    .isEqualTo("deferred");
            assertThat(second.at("/languages/" + lang + "/detail").asText())
                    .isEqualTo("daily translation budget reached");
            assertThat(second.at("/languages/" + lang + "/characters").asLong()).isZero();
        }
        assertThat(first.get("characters").asLong()).isEqualTo(first.at("/languages/es/characters").asLong()
                + first.at("/languages/ca/characters").asLong()).isLessThanOrEqualTo(300);
        assertThat(second.get("characters").asLong()).isZero();
        String secondId = second.get("articleId").asText();
        assertThat(page(secondId, "es").statusCode()).isEqualTo(404);
        stack.close();

        stack = start(2_000);

        JsonNode released = awaitStatus(secondId, "translated", Duration.ofSeconds(60));
        for (String lang : List.of("es", "ca")) {
            assertThat(released.at("/languages/" + lang + "/status").asText()).as(released.toString())
                    .isEqualTo("translated");
            assertThat(released.at("/languages/" + lang + "/characters").asLong()).isPositive();
        }
        assertThat(released.get("characters").asLong()).isPositive();
        HttpResponse<String> spanish = page(secondId, "es");
        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(spanish.body()).containsIgnoringCase("puerto");
    }

    private void upload(String name, String markdown) throws Exception {
        Path file = data.resolve(name);
        Files.writeString(file, markdown);
        aws("s3", "cp", file.toString(), "s3://tarjim-articles/incoming/" + name);
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(120))).isTrue();
    }

    private JsonNode report(String key) throws Exception {
        Path file = data.resolve(key.replace('/', '_') + ".json");
        aws("s3", "cp", "s3://tarjim-articles/reports/" + key + ".json", file.toString());
        return Json.mapper().readTree(Files.readString(file));
    }

    /** Polls the live report over HTTP (editor token) until both languages have the status. */
    private JsonNode awaitStatus(String id, String status, Duration timeout) throws Exception {
        String token = Files.readString(data.resolve("editor-token")).strip();
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode report;
        do {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                    URI.create(stack.gatewayEndpoint() + "/articles/" + id + "/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            report = Json.mapper().readTree(r.body());
            if (report.at("/languages/es/status").asText().equals(status)
                    && report.at("/languages/ca/status").asText().equals(status)) {
                return report;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return report;
    }

    private HttpResponse<String> page(String id, String lang) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayEndpoint() + "/articles/" + id + "/" + lang))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void aws(String... args) throws Exception {
        AwsCli.run(stack.s3Endpoint(), args);
    }
}
