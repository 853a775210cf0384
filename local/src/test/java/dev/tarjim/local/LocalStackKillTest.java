package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.Apy;
import dev.tarjim.emulators.Ports;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.ingest.IngestService;
import dev.tarjim.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a kill -9 of the local stack mid-batch of 20 uploads leaves all 20 settled after a
 * restart. The stack runs as {@code ./tarjim local} runs it, a separate JVM ({@link LocalStack#main}) on a temporary
 * data folder and free ports; the batch is uploaded with the AWS CLI; the JVM is killed with SIGKILL (no shutdown
 * hook) while the ingest works through the batch, and started again on the same folder. Every report then settles
 * (no language left {@code pending}, nothing dead-lettered) and each article is in the feed exactly once.
 *
 * <p>A short lease (6 s) and retry delay (3 s, then 6 s) keep it quick; the rule they keep is the default one: the
 * last retry comes after the lease of the killed ingest has expired.
 */
class LocalStackKillTest {
    private static final int ARTICLES = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> SETTLED_LANGUAGE = Set.of("original", "translated", "unsupported");

    @TempDir
    Path tmp;

    private Process stack;

    @AfterEach
    void stop() throws InterruptedException {
        if (stack != null && stack.isAlive()) {
            stack.destroy();
            if (!stack.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    @Test
    void killMinus9MidBatchOf20_restart_settlesAll20_eachOnceInTheFeed() throws Exception {
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        Path data = tmp.resolve("data");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int apy = Ports.free();
        int gateway = Ports.free();
        boolean translate = Apy.installed();
        Map<String, String> env = new HashMap<>();
        env.put("TARJIM_DATA", data.toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("APERTIUM_URL", "http://127.0.0.1:" + apy);
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
        env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("BUCKET_NAME", LocalConfig.DEFAULT_BUCKET);
        // Real translations where APy is installed make each ingest take a while, as in use.
        env.put("TRANSLATION_ENGINE", translate ? "apertium" : "none");
        env.put("TARGET_LANGUAGES", "es,ca");
        env.put("FEED_SETTLE_SECONDS", "0");
        env.put("FEED_VERSION_CACHE_MS", "0");  // feeds are read right after each upload
        env.put("CURSOR_SECRET", "kill-test-cursor-secret-0123456789abcdef");
        env.put("TARJIM_ACCESS_LOG", "false");
        env.put("LEASE_TTL_SECONDS", "6");
        env.put("LEASE_WAIT_SECONDS", "1");
        env.put("INGEST_RETRY_DELAY_SECONDS", "3");

        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 1; i <= ARTICLES; i++) {
            String name = String.format("kill-%02d.md", i);
            Files.writeString(batch.resolve(name), "---\ntitle: Batch article " + i + "\nlang: en\n---\n\n"
                    + "The city council met on Monday to discuss the new budget for the schools.\n\n"
                    + "The mayor said that the plan would be ready before the end of the year.\n");
            ids.put(IngestService.articleId("incoming/" + name), name);
        }

        stack = start(env, data, translate, tmp.resolve("first-run.log"), gateway);
        URI s3Endpoint = URI.create("http://127.0.0.1:" + s3);
        AwsCli.run(s3Endpoint, "s3", "cp", batch.toString(), "s3://tarjim-articles/incoming/", "--recursive");

        // Killed once the ingest is under way: the first reports are written, most of the batch is not settled.
        Path reports = data.resolve("s3").resolve(LocalConfig.DEFAULT_BUCKET).resolve("reports/incoming");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reportsOnDisk(reports) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stack.destroyForcibly();
        assertThat(stack.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        int settledAtKill = settledOnDisk(reports);
        assertThat(reportsOnDisk(reports)).as("the ingest had started").isPositive();
        assertThat(settledAtKill).as("killed mid-batch").isLessThan(ARTICLES);
        // SIGKILL ran no shutdown hook: the emulators must not outlive the stack and hold its ports.
        awaitFree(translate ? new int[] {dynamo, s3, gateway, apy} : new int[] {dynamo, s3, gateway});

        stack = start(env, data, translate, tmp.resolve("second-run.log"), gateway);
        String token = Files.readString(data.resolve("editor-token")).strip();
        Map<String, JsonNode> last = new LinkedHashMap<>();
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            for (String id : ids.keySet()) {
                JsonNode report = status(gateway, token, id);
                if (report != null) {
                    last.put(id, report);
                }
            }
            if (last.size() == ARTICLES && last.values().stream().allMatch(LocalStackKillTest::settled)) {
                break;
            }
            Thread.sleep(500);
        }
        List<String> unsettled = new ArrayList<>();
        for (String id : ids.keySet()) {
            JsonNode report = last.get(id);
            if (report == null || !settled(report)) {
                unsettled.add(ids.get(id) + ": " + report);
            }
        }
        String secondRun = Files.readString(tmp.resolve("second-run.log"));
        System.out.printf("kill -9 with %d of %d settled; after the restart: %d event(s) redelivered, %d retried%n",
                settledAtKill, ARTICLES, secondRun.split("left pending by the last run", -1).length - 1,
                secondRun.split("retrying in", -1).length - 1);
        assertThat(unsettled).as("settled at the kill: %d; second run:%n%s", settledAtKill, secondRun).isEmpty();
        for (JsonNode report : last.values()) {
            assertThat(report.at("/languages/es/status").asText())
                    .isEqualTo(translate ? "translated" : "unsupported");
        }
        Path dlq = data.resolve("dlq");
        if (Files.isDirectory(dlq)) {
            try (var files = Files.list(dlq)) {
                assertThat(files).as("nothing dead-lettered").isEmpty();
            }
        }

        for (String lang : translate ? List.of("en", "es", "ca") : List.of("en")) {
            HttpResponse<String> feed = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway + "/feeds/" + lang + "/feed.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(200);
            List<String> listed = new ArrayList<>();
            for (JsonNode item : Json.mapper().readTree(feed.body()).get("items")) {
                String url = item.get("url").asText();
                ids.keySet().stream().filter(id -> url.contains("/articles/" + id + "/")).forEach(listed::add);
            }
            assertThat(listed).as(lang + " feed").hasSize(ARTICLES).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids.keySet());
        }
    }

    /** Settled: stored, and no language left waiting (pending) for a translation. */
    private static boolean settled(JsonNode report) {
        if (!report.path("status").asText().equals("stored")) {
            return false;
        }
        for (JsonNode language : report.path("languages")) {
            if (!SETTLED_LANGUAGE.contains(language.path("status").asText())) {
                return false;
            }
        }
        return report.path("languages").size() == 3;
    }

    private static Process start(Map<String, String> env, Path data, boolean apy, Path log, int gateway)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "-Dtarjim.root=" + ProjectPaths.root(), "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName(), "--data", data.toString()));
        if (!apy) {
            cmd.add("--no-apy");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.readString(log).contains("Tarjim local stack is up")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("the local stack did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        assertThat(Ports.listening(gateway)).isTrue();
        return p;
    }

    private static JsonNode status(int gateway, String token, String id) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway + "/articles/" + id + "/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) {
            return null;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static int reportsOnDisk(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        try (var files = Files.list(reports)) {
            return (int) files.filter(f -> f.toString().endsWith(".json")).count();
        }
    }

    private static int settledOnDisk(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        int settled = 0;
        try (var files = Files.list(reports)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    if (settled(Json.mapper().readTree(Files.readString(f, StandardCharsets.UTF_8)))) {
                        settled++;
                    }
                } catch (IOException | RuntimeException e) {
                    // Half-written when the process died: not settled.
                }
            }
        }
        return settled;
    }

    private static void awaitFree(int... ports) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (int port : ports) {
            while (Ports.listening(port) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Ports.listening(port)).as("port %d still taken after the kill", port).isFalse();
        }
    }
}
