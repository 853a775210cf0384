package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.api.ApiHandler;
import dev.tarjim.emulators.Ports;
import dev.tarjim.ingest.IngestHandler;
import dev.tarjim.support.Json;
import dev.tarjim.support.Log;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fail closed, tried as a partner, an editor and an attacker would, over real HTTP against the local stack with the
 * real handlers: the licence matrix (keys registered before and while the stack runs, limited, revoked, a malformed
 * file), the editors' token, the HTTP headers, a forged {@code Host}, and no credential in any log line.
 */
class LocalStackSecurityTest {
    private static final String CURSOR_SECRET = "security-test-cursor-secret-0123456789";
    private static final String KEY_ALL = "KeyForEveryLanguage0000000000000000000001";
    private static final String KEY_ES = "KeyForSpanishOnly00000000000000000000002";
    private static final String KEY_NONE = "KeyWithAnEmptyLicence000000000000000003";
    private static final String KEY_LATE = "KeyAddedWhileRunning00000000000000000004";
    private static final String KEY_UNKNOWN = "KeyNobodyRegistered000000000000000000005";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private PrintStream captured;
    private LocalStack stack;
    private Path keysFile;

    @TempDir
    Path data;

    @BeforeEach
    void start() throws Exception {
        captured = new PrintStream(logs, true, StandardCharsets.UTF_8);
        Log.redirect(captured);
        keysFile = data.resolve("partner-keys.json");
        writeKeys(Map.of("wire", List.of(KEY_ALL, "*"), "spanish-daily", List.of(KEY_ES, "es"),
                "lapsed", List.of(KEY_NONE)));
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        int dynamo = Ports.free();
        int s3 = Ports.free();
        int gateway = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("TABLE_NAME", LocalConfig.DEFAULT_TABLE);
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamo);
        env.put("TRANSLATION_ENGINE", "none");
        env.put("TARGET_LANGUAGES", "en,es");
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        env.put("CURSOR_SECRET", CURSOR_SECRET);
        env.put("FEED_SETTLE_SECONDS", "0");
        env.put("FEED_VERSION_CACHE_MS", "0");  // feeds are read right after each upload
        stack = LocalStack.start(LocalConfig.builder(data).ports(dynamo, s3, Ports.free(), gateway).apy(false)
                .partnerKeysFile(keysFile).retryDelay(Duration.ofMillis(50))
                .ingestFunction(() -> new IngestHandler(env))
                .apiStreamFunction(() -> new ApiHandler(env))
                .out(captured)
                .build());
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
        Log.redirect(System.out);
    }

    /** partner id -> [key, languages...] */
    private void writeKeys(Map<String, List<String>> partners) throws Exception {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        List<String> entries = new ArrayList<>();
        partners.forEach((id, v) -> entries.add("{\"id\":\"" + id + "\",\"key\":\"" + v.get(0) + "\",\"languages\":["
                + String.join(",", v.subList(1, v.size()).stream().map(l -> "\"" + l + "\"").toList()) + "]}"));
        json.append(String.join(",", entries)).append("]}");
        Path tmp = Files.writeString(data.resolve("keys.tmp"), json);
        Files.move(tmp, keysFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayEndpoint() + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int changes(String key, String lang) throws Exception {
        return get("/syndication/v1/changes?lang=" + lang, key == null ? Map.of() : Map.of("x-api-key", key))
                .statusCode();
    }

    /** Polls until the status is as expected or five seconds passed; the last status. */
    private static int within5s(int expected, IntSupplier status) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int last = status.getAsInt();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = status.getAsInt();
        }
        return last;
    }

    private IntSupplier changesOf(String key, String lang) {
        return () -> {
            try {
                return changes(key, lang);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void licenceMatrix_denyByDefault_andFileEditsApplyWhileRunning() throws Exception {
        Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
        matrix.put(KEY_ALL, Map.of("en", 200, "es", 200, "ar", 200));
        matrix.put(KEY_ES, Map.of("en", 403, "es", 200, "ar", 403));
        matrix.put(KEY_NONE, Map.of("en", 403, "es", 403, "ar", 403));
        matrix.put(KEY_UNKNOWN, Map.of("en", 403, "es", 403, "ar", 403));
        matrix.put("", Map.of("en", 403));
        matrix.put(null, Map.of("en", 403));
        List<HttpResponse<String>> refusals = new ArrayList<>();
        for (Map.Entry<String, Map<String, Integer>> row : matrix.entrySet()) {
            for (Map.Entry<String, Integer> cell : row.getValue().entrySet()) {
                String key = row.getKey();
                HttpResponse<String> r = get("/syndication/v1/changes?lang=" + cell.getKey(),
                        key == null ? Map.of() : Map.of("x-api-key", key));
                assertThat(r.statusCode()).as("key %s reading %s", key, cell.getKey()).isEqualTo(cell.getValue());
                if (r.statusCode() == 403) {
                    refusals.add(r);
                }
            }
        }
        // No oracle: an unknown key (refused by the gateway) and an unlicensed one (by the function) look the same.
        for (HttpResponse<String> r : refusals) {
            assertThat(r.body()).isEmpty();
            assertThat(withoutRequestId(r)).isEqualTo(withoutRequestId(refusals.get(0)));
        }

        // Registered while running: in force within a few seconds, for its languages only.
        writeKeys(Map.of("wire", List.of(KEY_ALL, "*"), "spanish-daily", List.of(KEY_ES, "es", "en"),
                "lapsed", List.of(KEY_NONE), "late", List.of(KEY_LATE, "ar")));
        assertThat(within5s(200, changesOf(KEY_LATE, "ar"))).isEqualTo(200);
        assertThat(changes(KEY_LATE, "en")).isEqualTo(403);
        assertThat(within5s(200, changesOf(KEY_ES, "en"))).isEqualTo(200);

        // A malformed file keeps the last good licences and says why.
        Files.writeString(keysFile, "{\"keys\":[{\"id\":\"late\",\"key\":" + KEY_LATE + "}");
        Thread.sleep(2_500);
        assertThat(changes(KEY_LATE, "ar")).isEqualTo(200);
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("is not valid JSON", "last good partner keys");

        // Limited and revoked.
        writeKeys(Map.of("wire", List.of(KEY_ALL, "*"), "spanish-daily", List.of(KEY_ES, "es")));
        assertThat(within5s(403, changesOf(KEY_LATE, "ar"))).isEqualTo(403);
        assertThat(within5s(403, changesOf(KEY_ES, "en"))).isEqualTo(403);
        assertThat(changes(KEY_ES, "es")).isEqualTo(200);
    }

    private static Map<String, List<String>> withoutRequestId(HttpResponse<String> r) {
        Map<String, List<String>> h = new HashMap<>(r.headers().map());
        h.remove("x-amzn-requestid");
        h.remove("date");
        return h;
    }

    @Test
    void editorToken_guardsTheStatus_andNoCredentialReachesAnyLog() throws Exception {
        Path tokenFile = data.resolve("editor-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        String token = Files.readString(tokenFile).strip();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        try (S3Client s3 = LocalStackTest.s3(stack)) {
            s3.putObject(r -> r.bucket("tarjim-articles").key("incoming/letters.md"), RequestBody.fromString(
                    "---\ntitle: The president sent a letter\nlang: en\n---\n\nThe president sent a letter.\n"));
        }
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        String id = dev.tarjim.support.Hashes.sha256Prefix("incoming/letters.md", 8);
        String status = "/articles/" + id + "/status";

        for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("Authorization", "Bearer wrong"),
                Map.of("Authorization", "Basic " + token), Map.of("Authorization", "Bearer " + token + "x"))) {
            HttpResponse<String> r = get(status, bad);
            assertThat(r.statusCode()).as(bad.toString()).isEqualTo(401);
            assertThat(r.body()).doesNotContain("incoming/", "letters", "uploadKey");
        }
        HttpResponse<String> ok = get(status, Map.of("Authorization", "Bearer " + token));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(ok.body()).get("uploadKey").asText()).isEqualTo("incoming/letters.md");
        assertThat(ok.headers().firstValue("x-content-type-options")).hasValue("nosniff");

        // Partners use their keys, and cursors signed with the secret.
        JsonNode page = Json.mapper().readTree(get("/syndication/v1/changes?lang=en",
                Map.of("x-api-key", KEY_ALL)).body());
        String cursor = page.get("next_cursor").asText();
        assertThat(page.get("items")).hasSize(1);
        get("/syndication/v1/changes?lang=en&cursor=" + cursor, Map.of("x-api-key", KEY_ALL));
        get("/syndication/v1/changes?lang=en", Map.of("x-api-key", KEY_UNKNOWN));
        get("/syndication/v1/changes?lang=ar", Map.of("x-api-key", KEY_ES));

        // The banner says where the credentials are, never what they are.
        String banner = stack.banner();
        assertThat(banner).contains(tokenFile.toString(), keysFile.toString());
        captured.println(banner);

        Thread.sleep(200);  // the gateway writes its access line after closing the exchange
        String everything = logs.toString(StandardCharsets.UTF_8);
        assertThat(everything).contains("/syndication/v1/changes", "/status", "\"message\":\"request\"");
        for (String secret : List.of(KEY_ALL, KEY_ES, KEY_NONE, KEY_UNKNOWN, token, CURSOR_SECRET, cursor)) {
            assertThat(everything).as("a credential in the logs").doesNotContain(secret);
        }
    }

    @Test
    void headers_validatorsAndSecurity_andAForgedHostNeverReachesLinks() throws Exception {
        try (S3Client s3 = LocalStackTest.s3(stack)) {
            s3.putObject(r -> r.bucket("tarjim-articles").key("incoming/a.md"), RequestBody.fromString(
                    "---\ntitle: The president sent a letter\nlang: en\n---\n\nThe president sent a letter.\n"));
        }
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();

        HttpResponse<String> feed = get("/feeds/en/atom.xml", Map.of());
        String etag = feed.headers().firstValue("etag").orElseThrow();
        assertThat(etag).matches("\"[^\"]+\"");
        assertThat(feed.headers().firstValue("last-modified").orElseThrow())
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(feed.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(get("/feeds/en/atom.xml", Map.of("If-None-Match", "W/" + etag)).statusCode()).isEqualTo(304);
        assertThat(get("/feeds/en/atom.xml", Map.of("If-Modified-Since",
                feed.headers().firstValue("last-modified").orElseThrow())).statusCode()).isEqualTo(304);
        HttpResponse<String> changes = get("/syndication/v1/changes?lang=en", Map.of("x-api-key", KEY_ALL));
        String changesTag = changes.headers().firstValue("etag").orElseThrow();
        assertThat(changesTag).matches("\"[0-9a-f]+\"");
        assertThat(get("/syndication/v1/changes?lang=en", Map.of("x-api-key", KEY_ALL, "If-None-Match", changesTag))
                .statusCode()).isEqualTo(304);

        String articlePath = Jsoup.parse(get("/feeds/en/atom.xml", Map.of()).body(), "", org.jsoup.parser.Parser
                .xmlParser()).selectFirst("entry > link[rel=alternate]").attr("href")
                .replace(stack.gatewayEndpoint().toString(), "");
        HttpResponse<String> page = get(articlePath, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-security-policy").orElseThrow())
                .startsWith("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(get("/nowhere", Map.of()).headers().firstValue("x-content-type-options")).hasValue("nosniff");

        // Browsers' and Java's clients will not forge Host: a raw request does.
        for (String path : List.of("/feeds/en/atom.xml", "/feeds/en/rss.xml", "/", articlePath)) {
            String raw = rawGet(path, "evil.example");
            assertThat(raw).as(path).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                    .contains(stack.gatewayEndpoint().toString());
        }
    }

    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", stack.gatewayPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-Host: " + host
                    + "\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
