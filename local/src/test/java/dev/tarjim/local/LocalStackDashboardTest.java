package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tarjim.emulators.Apy;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' dashboard in a real browser (Debian's Chromium, headless, through chromedriver) against the local
 * stack: an editor signs in with the token, uploads an article and a broken file through the page's form (straight
 * to S3 by a signed POST), sees them listed with their languages, the failure first, filters them, reads the report,
 * follows the page and source links, opens the side-by-side review of the Spanish machine translation, submits the
 * reviewed text from there and sees Spanish become {@code reviewed}. Needs chromium, chromedriver and APy's
 * English–Spanish pair (.ci/run installs them).
 *
 * <p>With {@code -Dtarjim.screenshots=true} it writes {@code docs/editor-dashboard.png} and
 * {@code docs/editor-review.png}.
 */
class LocalStackDashboardTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration INGEST = Duration.ofSeconds(120);
    private static final String ARTICLE_KEY = "incoming/harbour-strike.md";
    private static final String BROKEN_KEY = "incoming/scan.pdf";
    private static final String ARTICLE = """
            ---
            title: Harbour workers end their strike
            lang: en
            author: Harbour desk
            ---
            The harbour workers ended their strike on Monday after three weeks.

            ## What they won

            The union said that the new contract raises wages by six percent.

            Ships that waited outside the port began to unload in the afternoon.
            """;
    private static final String REVIEWED_FIRST = "Los estibadores pusieron fin el lunes a una huelga de tres semanas.";

    @TempDir
    static Path data;
    @TempDir
    static Path files;

    private static LocalStack stack;
    private static WebDriver browser;
    private static String base;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(HeadlessChromium.installed(),
                "chromium and chromium-driver are not installed (.ci/run installs them)");
        assumeTrue(Apy.installed(), "Apertium APy with English–Spanish is not installed: no translation to review");
        stack = TestStacks.start(data, true, Map.of("TARGET_LANGUAGES", "es", "BUCKET_NAME",
                LocalConfig.DEFAULT_BUCKET, "MAX_UPLOAD_BYTES", "100000"));
        base = stack.gatewayEndpoint().toString().replaceAll("/+$", "");
        token = Files.readString(data.resolve("editor-token")).strip();

        browser = HeadlessChromium.start(data, 1400, 1100);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void editor_uploadsFiltersAndReviews_inChromium() throws Exception {
        // The page is public and holds nothing; its data needs the token.
        HttpResponse<String> page = get(base + "/editor/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("harbour").contains("<script src=\"app.js\"");
        assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "connect-src 'self'", "default-src 'none'",
                        "form-action 'self' " + stack.s3Endpoint().toString().replaceAll("/$", ""))
                .doesNotContain("unsafe-inline"));
        assertThat(get(base + "/editor/api/uploads", null).statusCode()).isEqualTo(401);
        assertThat(get(base + "/editor/api/uploads", "wrong-" + token).statusCode()).isEqualTo(401);
        assertThat(get(base + "/editor/api/upload-form", null).statusCode()).isEqualTo(401);

        browser.get(base + "/editor/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // A wrong token is refused, and the page says so.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "not accepted"));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("upload-submit")));
        assertThat(browser.findElement(By.id("who-name")).getText()).contains("local-editor");

        // Two uploads through the browser form: a PDF (refused) and then the article.
        upload(wait, "scan.pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n");
        WebDriverWait ingest = new WebDriverWait(browser, INGEST);
        ingest.until(d -> !d.findElements(By.cssSelector(row(BROKEN_KEY) + " .status[data-status='failed']"))
                .isEmpty());
        upload(wait, "harbour-strike.md", ARTICLE);
        ingest.until(d -> !d.findElements(By.cssSelector(row(ARTICLE_KEY) + " .lang[data-lang='es'][data-status='translated']"))
                .isEmpty());
        assertThat(text(row(ARTICLE_KEY) + " .lang[data-lang='en']")).isEqualTo("en: original");
        // The failure is listed first although the article is newer.
        assertThat(keys()).containsExactly(BROKEN_KEY, ARTICLE_KEY);
        assertThat(text(row(BROKEN_KEY))).contains("needs attention");
        assertThat(text(row(ARTICLE_KEY))).doesNotContain("needs attention");

        // Filters: by status, then by language.
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("failed");
        wait.until(d -> keys().equals(List.of(BROKEN_KEY)));
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("translated");
        wait.until(d -> keys().equals(List.of(ARTICLE_KEY)));
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("");
        new Select(browser.findElement(By.id("filter-lang"))).selectByValue("es");
        wait.until(d -> keys().equals(List.of(ARTICLE_KEY)));
        new Select(browser.findElement(By.id("filter-lang"))).selectByValue("");
        wait.until(d -> keys().size() == 2);

        // The report, the page and the source, from the row's links.
        click(row(ARTICLE_KEY) + " button.report");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-json"), "\"uploadKey\": \""
                + ARTICLE_KEY + "\""));
        String esPage = on(row(ARTICLE_KEY) + " a.page[data-lang='es']", e -> e.getAttribute("href"));
        assertThat(get(esPage, null).statusCode()).isEqualTo(200);
        String source = on(row(ARTICLE_KEY) + " a.source", e -> e.getAttribute("href"));
        assertThat(get(source, null).body()).isEqualTo(ARTICLE);

        // Side by side: the source's blocks beside the machine's Spanish; the first paragraph is rewritten.
        click(row(ARTICLE_KEY) + " button.review[data-lang='es']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        List<WebElement> sourceCells = browser.findElements(By.cssSelector("#review-form tbody td.source"));
        List<WebElement> blocks = browser.findElements(By.cssSelector("#review-form textarea.block"));
        assertThat(sourceCells).hasSize(5);
        assertThat(sourceCells.get(1).getText()).isEqualTo("The harbour workers ended their strike on Monday after "
                + "three weeks.");
        assertThat(sourceCells.get(2).getText()).isEqualTo("## What they won");
        assertThat(blocks).hasSize(4);
        assertThat(blocks.get(1).getAttribute("value")).startsWith("## ");
        String machineFirst = blocks.get(0).getAttribute("value");
        assertThat(machineFirst).isNotBlank().isNotEqualTo(REVIEWED_FIRST);
        blocks.get(0).clear();
        blocks.get(0).sendKeys(REVIEWED_FIRST);
        browser.findElement(By.id("reviewer")).sendKeys("Ana García");
        screenshot("editor-review.png");
        browser.findElement(By.id("review-submit")).click();
        ingest.until(d -> !d.findElements(By.cssSelector(row(ARTICLE_KEY) + " .lang[data-lang='es'][data-status='reviewed']"))
                .isEmpty());
        String esTitle = on(row(ARTICLE_KEY) + " .lang[data-lang='es']", e -> e.getAttribute("title"));
        assertThat(esTitle).contains("Ana García");
        // The review's own upload is listed as such.
        String reviewKey = "incoming/reviews/" + on(row(ARTICLE_KEY), e -> e.getAttribute("data-article"))
                + ".es.md";
        assertThat(text(row(reviewKey))).contains("reviewed es of");

        // Readers get the reviewed text.
        String reviewed = get(esPage, null).body();
        assertThat(reviewed).contains(REVIEWED_FIRST).contains("Ana García");
        browser.findElement(By.id("review-close")).click();
        browser.findElement(By.id("report-close")).click();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("editor-dashboard.png");
    }

    private static void upload(WebDriverWait wait, String name, String content) throws Exception {
        Path file = files.resolve(name);
        Files.writeString(file, content);
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-file")));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-note"), "incoming/" + name));
    }

    private static String row(String key) {
        return "#uploads tr[data-key='" + key + "']";
    }

    /** The listed upload keys, in order, read in one step (the list is re-rendered when it changes). */
    @SuppressWarnings("unchecked")
    private static List<String> keys() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from("
                + "document.querySelectorAll('#uploads tbody tr[data-key]')).map(r => r.dataset.key)");
    }

    /** Waits for an element and acts on it, again if the list was re-rendered in between. */
    private static <T> T on(String css, Function<WebElement, T> action) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(css));
                    return found.isEmpty() ? null : action.apply(found.get(0));
                });
    }

    private static String text(String css) {
        return on(css, WebElement::getText);
    }

    private static void click(String css) {
        on(css, e -> {
            e.click();
            return true;
        });
    }

    private static HttpResponse<String> get(String url, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
