package dev.tarjim.ingest;

import dev.tarjim.article.UploadStatus;
import dev.tarjim.emulators.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.article.ArticleState;
import dev.tarjim.article.StoredArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The hostile corpus, each file uploaded with the SDK to the in-process S3 and delivered to the handler as the S3 event
 * AWS would send, with the production defaults (5 MB upload limit, default parse limits).
 *
 * <p>Every upload ends in a report with a readable reason ({@code failed}) or in a sanitised {@code stored} revision;
 * no exception escapes the handler (an escaping exception makes Lambda retry a permanent failure until the DLQ);
 * the live revision of the same key and an unrelated article stay as they were. Surefire runs this class with
 * {@code -Xmx160m}; in addition the bytes the handler allocates per event are measured, so a 50 MB upload read whole or a
 * zip bomb expanded would fail here even where the heap is large.
 */
class HostileUploadTest {
    private static final long MB = 1024 * 1024;
    /** Far below the 50 MB upload and the 256 MB the zip bomb expands to: proof that neither was read whole. */
    private static final long UNREAD_BUDGET = 24 * MB;
    /** What parsing a few MB of text may allocate in all (garbage included); a runaway expansion exceeds it. */
    private static final long PARSE_BUDGET = 160 * MB;
    private static final String SENTINEL_KEY = "incoming/hostile/sentinel.md";

    @TempDir
    static Path tmp;
    private static Stack stack;
    private static IngestHandler handler;
    private static StoredArticle sentinel;

    @BeforeAll
    static void start() {
        stack = new Stack();
        // Production defaults: MAX_UPLOAD_BYTES unset (5 MiB), ContentParser with ParseLimits.defaults().
        handler = stack.handler(Map.of());
        sentinel = storeGood(SENTINEL_KEY, "Sentinel article");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** What one hostile upload needs: how to build its body (large ones are streamed from a file, never held). */
    private interface Body {
        RequestBody make() throws IOException;
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty", ".txt", bytes(new byte[0]), "empty", UNREAD_BUDGET),
                Arguments.of("fifty-megabytes", ".txt", (Body) HostileUploadTest::fiftyMegabytes, "too large",
                        UNREAD_BUDGET),
                Arguments.of("random-binary", ".txt", bytes(randomBytes(64 * 1024)), "binary file", UNREAD_BUDGET),
                Arguments.of("svg-named-md", ".md", bytes("<svg><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)), "SVG can carry script", UNREAD_BUDGET),
                Arguments.of("zip-bomb", ".md", (Body) HostileUploadTest::zipBomb, "ZIP archive", UNREAD_BUDGET),
                Arguments.of("invalid-utf8", ".txt", bytes(invalidUtf8()), "not valid UTF-8", UNREAD_BUDGET),
                Arguments.of("ten-thousand-paragraphs", ".md", bytes(tenThousandParagraphs()),
                        "10000 blocks (paragraphs, headings, lists...); the limit is 5000", PARSE_BUDGET),
                Arguments.of("front-matter-1mb", ".md", bytes(frontMatterOfOneMegabyte()), "front matter is",
                        PARSE_BUDGET),
                Arguments.of("yaml-billion-laughs", ".md", bytes(resource("yaml-billion-laughs.md")),
                        "not valid YAML", UNREAD_BUDGET),
                Arguments.of("title-100k", ".md", bytes(titleOf100kCharacters()),
                        "title is 100000 characters long; the limit is 1000", PARSE_BUDGET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void hostileUpload_isRefusedWithAReason_andLiveRevisionUntouched(String kind, String extension, Body body,
            String reason, long allocationBudget) throws IOException {
        String key = "incoming/hostile/" + kind + extension;
        StoredArticle before = storeGood(key, "Good revision before " + kind);

        long allocated = deliver(key, body.make());

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("errors")).hasSize(1);
        String error = report.get("errors").get(0).asText();
        assertThat(error).contains(reason).hasSizeLessThan(400);
        assertThat(report.get("revision").asLong()).isEqualTo(1);
        assertThat(report.get("title").asText()).isEqualTo("Good revision before " + kind);
        assertThat(stack.store.article(before.id(), "en").orElseThrow()).isEqualTo(before);
        assertThat(stack.store.languages(before.id())).containsExactly("en");
        assertThat(allocated).as("bytes allocated by the handler for %s", kind).isLessThan(allocationBudget);
        assertSentinelUntouched();
    }

    static Stream<Arguments> refusedImages() {
        return Stream.of(
                Arguments.of("svg-with-script.svg", ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3"
                        + ".org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>\n")
                        .getBytes(StandardCharsets.UTF_8), "SVG can carry script"),
                Arguments.of("truncated.png", Arrays.copyOf(resource("photo-named-as-text.txt"), 30),
                        "PNG image is truncated"),
                Arguments.of("text-named.jpg", "Just some notes, not a photo.\n".getBytes(StandardCharsets.UTF_8),
                        "named like an image but its content is not"));
    }

    /** A bad image over a good one: refused with the reason, and the good one stays served as it was. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedImages")
    void badImage_isRefusedWithAReason_andLiveMediaUntouched(String name, byte[] bad, String reason) {
        String key = "incoming/hostile/" + name;
        deliver(key, RequestBody.fromBytes(resource("photo-named-as-text.txt")));
        JsonNode good = stack.report(key);
        assertThat(good.get("status").asText()).isEqualTo("media");

        deliver(key, RequestBody.fromBytes(bad));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).asText()).contains(reason).hasSizeLessThan(400);
        assertThat(report.get("url").asText()).isEqualTo(good.get("url").asText());
        assertThat(report.get("width").asInt()).isEqualTo(16);
        assertSentinelUntouched();
    }

    /**
     * Content decides, not the name: a real PNG named {@code .txt} is stored as media. The article the key held
     * before is withdrawn, as if its upload had been deleted: the key now holds an image.
     */
    @Test
    void pngNamedTxt_isStoredAsMediaByItsContent_andTheArticleTheKeyHeldIsWithdrawn() {
        String key = "incoming/hostile/png-named-txt.txt";
        StoredArticle before = storeGood(key, "Good revision before the PNG");
        byte[] png = resource("photo-named-as-text.txt");

        deliver(key, RequestBody.fromBytes(png));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("media");
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("width").asInt()).isEqualTo(16);
        assertThat(report.get("height").asInt()).isEqualTo(16);
        assertThat(report.get("bytes").asLong()).isEqualTo(png.length);
        assertThat(report.get("url").asText()).matches(".*/media/" + before.id() + "-[0-9a-f]{16}\\.png");
        assertThat(stack.store.article(before.id(), "en").orElseThrow().withdrawn()).isTrue();
        assertSentinelUntouched();
    }

    @Test
    void utf16WithByteOrderMark_isDecodedAndStored() {
        String text = "---\ntitle: رسالة تهنئة بمناسبة الذكرى\nlang: ar\n---\n\n"
                + "أرسل الرئيس رسالة تهنئة إلى نظيره بمناسبة الذكرى السنوية.\n\nوقال إن العلاقات شهدت تطوراً كبيراً.\n";
        for (String charset : List.of("UTF-16LE", "UTF-16BE")) {
            String key = "incoming/hostile/utf16-" + charset + ".md";
            byte[] bom = charset.endsWith("LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] encoded = text.getBytes(java.nio.charset.Charset.forName(charset));
            byte[] body = ByteBuffer.allocate(bom.length + encoded.length).put(bom).put(encoded).array();

            deliver(key, RequestBody.fromBytes(body));

            JsonNode report = stack.report(key);
            assertThat(report.get("status").asText()).as(charset).isEqualTo("stored");
            assertThat(report.get("sourceLanguage").asText()).isEqualTo("ar");
            StoredArticle stored = stack.store.article(IngestService.articleId(key), "ar").orElseThrow();
            assertThat(stored.title()).isEqualTo("رسالة تهنئة بمناسبة الذكرى");
            assertThat(stored.paragraphs()).containsExactly(
                    "أرسل الرئيس رسالة تهنئة إلى نظيره بمناسبة الذكرى السنوية.", "وقال إن العلاقات شهدت تطوراً كبيراً.");
        }
        assertSentinelUntouched();
    }

    @Test
    void htmlWithXxeDoctypeAndBillionLaughs_isStoredWithoutExpandingAnyEntity() {
        String key = "incoming/hostile/xxe.html";
        storeGood(key, "Good revision before xxe");

        long allocated = deliver(key, RequestBody.fromBytes(resource("xxe-billion-laughs.html")));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        StoredArticle stored = stack.store.article(IngestService.articleId(key), "en").orElseThrow();
        assertThat(stored.revision()).isEqualTo(2);
        assertThat(stored.title()).isEqualTo("Entities in a news page");
        String all = String.join("\n", stored.paragraphs()) + stored.title() + stored.summary();
        // Neither the file nor the remote DTD was read, and no entity was expanded: the references stay inert text.
        assertThat(all).doesNotContain("root:").doesNotContain("lollol").doesNotContain("ENTITY");
        assertThat(stored.paragraphs()).hasSize(2);
        assertThat(stored.paragraphs().get(0)).startsWith("The ministry published its report on Tuesday");
        assertThat(all.length()).isLessThan(1_000);
        assertThat(allocated).isLessThan(UNREAD_BUDGET);
        assertSentinelUntouched();
    }

    /**
     * Declared wins (an editor may knowingly file a quote-heavy article under another language), and the report warns
     * so that a wrong {@code lang:} is noticed.
     */
    @Test
    void declaredLanguageContradictingTheText_declaredLanguageWins_withAWarning() {
        String key = "incoming/hostile/declared-en-arabic-text.md";

        deliver(key, RequestBody.fromBytes(resource("declared-english-arabic-text.md")));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("sourceLanguage").asText()).isEqualTo("en");
        assertThat(report.get("warnings")).hasSize(1);
        assertThat(report.get("warnings").get(0).asText()).contains("lang: en").contains("reads as ar");
        String id = IngestService.articleId(key);
        assertThat(stack.store.languages(id)).containsExactly("en");
        assertThat(stack.store.article(id, "en").orElseThrow().title()).isEqualTo("أرسل الرئيس رسالة تهنئة إلى نظيره");
        assertSentinelUntouched();
    }

    @Test
    void controlAndBidiOverrideCharacters_areStrippedFromWhatIsStoredAndReported() {
        String key = "incoming/hostile/controls.md";
        String title = "Bank \u202Egnp.exe\u202C rate \u0007decision\u001B[31m \u2066isolated\u2069 \u0085next";
        String body = "---\ntitle: \"" + title.replace("\u001B", "\\e").replace("\u0007", "\\a")
                .replace("\u0085", "\\N") + "\"\nlang: en\n---\n\n"
                + "The central bank\u202E kept \u0008its rate\u0003 unchanged\u200F on Thursday.\n\n"
                + "Analysts\u2067 had expected\u202A a cut\u001F of a quarter point.\n";

        deliver(key, RequestBody.fromBytes(body.getBytes(StandardCharsets.UTF_8)));

        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        StoredArticle stored = stack.store.article(IngestService.articleId(key), "en").orElseThrow();
        assertThat(stored.title()).isEqualTo("Bank gnp.exe rate decision[31m isolated next");
        assertThat(report.get("title").asText()).isEqualTo(stored.title());
        assertThat(stored.paragraphs()).containsExactly(
                "The central bank kept its rate unchanged\u200F on Thursday.",
                "Analysts had expected a cut of a quarter point.");
        for (String text : concat(stored.paragraphs(), stored.title(), stored.summary())) {
            assertThat(text.codePoints().filter(HostileUploadTest::isHostileControl).toArray()).as(text).isEmpty();
        }
        assertSentinelUntouched();
    }

    /**
     * S3 keys are opaque, but tools that sync a bucket to disk (and S3 emulators) resolve {@code .} and {@code ..}: such
     * a key is refused with a reason, and its report goes to {@code reports/_unsafe/<sha256>.json}, never outside
     * {@code reports/}. s3proxy's disk store refuses {@code ..} keys itself (AWS accepts them), so the event is
     * delivered as AWS would send it even when the emulator refused the upload.
     */
    @Test
    void keyWithDotDotSegments_isRefusedAndItsReportStaysUnderReports() {
        for (String key : List.of("incoming/../etc/passwd.txt", "incoming/../../../other-bucket/x.txt",
                "incoming/./evil.md", "incoming/a/../../reports/x.md")) {
            List<String> keysBefore = bucketKeys();
            byte[] body = IngestEndToEndTest.markdown("Dot dot", "A paragraph under a strange key.")
                    .getBytes(StandardCharsets.UTF_8);
            try {
                stack.upload(key, body);
            } catch (S3Exception refusedByEmulator) {
                assertThat(refusedByEmulator.statusCode()).isEqualTo(400);
            } catch (SdkClientException closedByEmulator) {
                // s3proxy may answer 400 and close the connection before the body is written: the upload is refused
                // all the same (seen once in CI as "Error writing request body to server"; a reset is the same case).
                assertThat(closedByEmulator).hasMessageContaining("Unable to execute HTTP request");
            }

            deliverEvent(key, body.length);

            JsonNode report = stack.report(key);
            assertThat(report.get("status").asText()).as(key).isEqualTo("failed");
            assertThat(report.get("errors").get(0).asText()).contains("'..' folder step");
            assertThat(report.get("uploadKey").asText()).isEqualTo(key);
            List<String> created = bucketKeys().stream()
                    .filter(k -> !keysBefore.contains(k) && !k.startsWith("incoming/")).toList();
            assertThat(created).as("objects created by ingesting %s", key)
                    .containsExactly(S3Reports.reportKey(key))
                    .allSatisfy(k -> assertThat(k).matches("reports/_unsafe/[0-9a-f]{64}\\.json"));
            assertThat(stack.store.languages(IngestService.articleId(key))).isEmpty();
        }
        assertSentinelUntouched();
    }

    @Test
    void keyOf1024BytesOfArabic_isStoredAndReportedUnderItsHash() throws Exception {
        String key = arabicKeyOf1024Bytes();
        assertThat(key.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        byte[] body = IngestEndToEndTest.markdown("Long Arabic key", "A paragraph under a very long key.")
                .getBytes(StandardCharsets.UTF_8);

        deliver(key, RequestBody.fromBytes(body));

        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(S3Reports.reportKey(key)).isEqualTo("reports/_long/" + digest + ".json");
        JsonNode report = stack.report(key);
        assertThat(report.get("status").asText()).isEqualTo("stored");
        assertThat(report.get("uploadKey").asText()).isEqualTo(key);
        assertThat(stack.store.article(IngestService.articleId(key), "en").orElseThrow().title())
                .isEqualTo("Long Arabic key");
        assertSentinelUntouched();
    }

    // ---------------------------------------------------------------- delivery

    /**
     * Uploads through the SDK, delivers the put event, and returns how many bytes the handler allocated on this
     * thread (the HTTP client reads responses on the calling thread, so a body read whole would show here).
     */
    private static long deliver(String key, RequestBody body) {
        long size = body.optionalContentLength().orElse(0L);
        stack.s3.putObject(b -> b.bucket(Stack.BUCKET).key(key), body);
        return deliverEvent(key, size);
    }

    private static long deliverEvent(String key, long size) {
        var event = S3Events.put(Stack.BUCKET, key, size, S3Events.nextSequencer());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatCode(() -> handler.handleRequest(event, new TestContext())).as("ingest of %s", key)
                .doesNotThrowAnyException();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static StoredArticle storeGood(String key, String title) {
        byte[] good = IngestEndToEndTest.markdown(title, "This paragraph is the good revision that must survive.")
                .getBytes(StandardCharsets.UTF_8);
        deliver(key, RequestBody.fromBytes(good));
        ArticleState state = stack.store.state(IngestService.articleId(key)).orElseThrow();
        assertThat(state.status()).isEqualTo(UploadStatus.STORED);
        return stack.store.article(state.id(), "en").orElseThrow();
    }

    private static void assertSentinelUntouched() {
        assertThat(stack.store.article(sentinel.id(), "en")).contains(sentinel);
        assertThat(stack.report(SENTINEL_KEY).get("status").asText()).isEqualTo("stored");
    }

    private static List<String> bucketKeys() {
        // s3proxy's disk store lists its folders as "dir/" objects: they are not objects anyone wrote.
        return stack.s3.listObjectsV2Paginator(b -> b.bucket(Stack.BUCKET)).contents().stream()
                .map(S3Object::key).filter(k -> !k.endsWith("/")).toList();
    }

    // ---------------------------------------------------------------- the corpus, built where large

    private static Body bytes(byte[] content) {
        return () -> RequestBody.fromBytes(content);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HostileUploadTest.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Valid-looking Markdown text, 50 MiB, written to disk and streamed: the test itself never holds it. */
    private static RequestBody fiftyMegabytes() throws IOException {
        Path file = tmp.resolve("fifty-megabytes.txt");
        byte[] line = "A perfectly ordinary sentence of an article that never ends, repeated.\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[line.length * 14_000];
        for (int i = 0; i < 14_000; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Fifty megabytes\n\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < 50L * 1024 * 1024; written += block.length) {
                out.write(block);
            }
        }
        return RequestBody.fromFile(file);
    }

    /** A ~260 KB zip whose one entry inflates to 256 MiB of text: it must be refused by its magic bytes, unopened. */
    private static RequestBody zipBomb() throws IOException {
        Path file = tmp.resolve("bomb.zip");
        byte[] spaces = new byte[1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("article.txt"));
            for (int i = 0; i < 256; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        return RequestBody.fromFile(file);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    /** Text that is UTF-8 at first and breaks in the middle (a Latin-1 é and a lone continuation byte). */
    private static byte[] invalidUtf8() {
        byte[] head = "Title of an article\n\nThe caf".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = " served coffee \u0080 all day.\n".getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(head.length + 1 + tail.length).put(head).put((byte) 0xE9).put(tail).array();
    }

    private static byte[] tenThousandParagraphs() {
        StringBuilder sb = new StringBuilder("---\ntitle: An article of ten thousand paragraphs\nlang: en\n---\n");
        for (int i = 1; i <= 10_000; i++) {
            sb.append("\nParagraph number ").append(i).append(" adds one more sentence to the story.\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] frontMatterOfOneMegabyte() {
        StringBuilder sb = new StringBuilder("---\ntitle: Heavy front matter\nlang: en\nnotes:\n");
        while (sb.length() < 1024 * 1024) {
            sb.append("  - a note that some content system added to the front matter again and again\n");
        }
        sb.append("---\n\nThe body is short.\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] titleOf100kCharacters() {
        StringBuilder title = new StringBuilder(100_000);
        while (title.length() < 100_000) {
            title.append("headline ");
        }
        title.setLength(100_000);
        title.setCharAt(99_999, 'x');
        return ("# " + title + "\n\nThe body is short, the title is not.\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code incoming/}, then Arabic words and folders, {@code .txt}: exactly 1,024 bytes, S3's limit. */
    private static String arabicKeyOf1024Bytes() {
        StringBuilder key = new StringBuilder("incoming/");
        int words = 0;
        while (utf8Length(key) + 11 + 4 <= 1024) {
            // A folder every twenty words keeps each path segment under the 255-byte file name limit of disk stores.
            key.append("مقالة").append(++words % 20 == 0 ? '/' : '-');
        }
        if ((1024 - 4 - utf8Length(key)) % 2 == 1) {
            key.append('x');
        }
        while (utf8Length(key) + 4 < 1024) {
            key.append('ب');
        }
        return key + ".txt";
    }

    private static int utf8Length(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isHostileControl(int cp) {
        return Character.getType(cp) == Character.CONTROL || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static List<String> concat(List<String> list, String... more) {
        return Stream.concat(list.stream(), Stream.of(more)).toList();
    }
}
