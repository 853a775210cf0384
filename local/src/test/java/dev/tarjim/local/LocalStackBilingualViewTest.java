package dev.tarjim.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarjim.emulators.ProjectPaths;
import dev.tarjim.support.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bilingual view in a real browser: the seed (Arabic) and an editor's reviewed English translation of it are
 * uploaded with the AWS CLI and ingested; Chromium opens {@code /articles/{id}/ar?beside=en} through the local gateway
 * and lays out two columns, Arabic on the right as a right-to-left page reads, block facing block, stacked on a narrow
 * screen. Debian has no Arabic pair for Apertium, so the English is a human translation, as a newsroom would upload.
 *
 * <p>With {@code -Dtarjim.screenshots=true} it writes {@code docs/bilingual-ar-en.png}.
 */
class LocalStackBilingualViewTest {
    @TempDir
    static Path data;

    private static LocalStack stack;
    private static S3Client s3;
    private static WebDriver browser;
    private static String seedId;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "chromium and chromium-driver are not installed (.ci/run does)");
        assumeTrue(AwsCli.installed(), "Debian's AWS CLI v2 is not installed (.ci/run installs it)");
        stack = TestStacks.start(data, false, Map.of("TARGET_LANGUAGES", "en"));
        s3 = LocalStackTest.s3(stack);
        Path samples = ProjectPaths.root().resolve("samples");
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", samples.resolve("000_eb83513c9fa28be5.txt").toString(),
                "s3://tarjim-articles/incoming/");
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        AwsCli.run(stack.s3Endpoint(), "s3", "cp", samples.resolve("000_eb83513c9fa28be5.en.md").toString(),
                "s3://tarjim-articles/incoming/reviews/000_eb83513c9fa28be5.en.md");
        assertThat(stack.awaitIngestIdle(Duration.ofSeconds(60))).isTrue();
        JsonNode review = report("incoming/reviews/000_eb83513c9fa28be5.en.md");
        assertThat(review.get("status").asText()).as(review.toString()).isEqualTo("stored");
        JsonNode seed = report("incoming/000_eb83513c9fa28be5.txt");
        seedId = seed.get("articleId").asText();
        assertThat(seed.at("/languages/en/status").asText()).as(seed.toString()).isEqualTo("reviewed");
        browser = HeadlessChromium.start(data, 1400, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (s3 != null) {
            s3.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void arabicBesideEnglish_twoColumnsRightToLeft_blockFacingBlock_stackedWhenNarrow() throws Exception {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        browser.get(stack.gatewayEndpoint().toString().replaceAll("/+$", "") + "/articles/" + seedId
                + "/ar?beside=en");

        List<WebElement> titles = browser.findElements(By.cssSelector("main.beside > .row:first-child > .column"));
        // The page's stylesheet applies (its hash is what the Content-Security-Policy allows), and each column is
        // set in its own script's face.
        assertThat(titles.get(0).getCssValue("font-family")).contains("Noto Naskh Arabic");
        assertThat(titles.get(1).getCssValue("font-family")).contains("system-ui");
        assertThat(titles).extracting(e -> e.getAttribute("lang")).containsExactly("ar", "en");
        WebElement arabic = titles.get(0);
        WebElement english = titles.get(1);
        assertThat(english.findElement(By.tagName("h1")).getText()).startsWith("Xi and Putin send");
        // Right to left: the page's own language in the right-hand column, side by side on one line.
        assertThat(arabic.getRect().getX()).isGreaterThan(english.getRect().getX() + english.getRect().getWidth()
                - 1);
        assertThat(Math.abs(arabic.getRect().getY() - english.getRect().getY())).isLessThan(5);
        assertThat(english.getCssValue("direction")).isEqualTo("ltr");
        assertThat(arabic.getCssValue("direction")).isEqualTo("rtl");
        // Block n faces block n: the first paragraphs start on the same line.
        List<WebElement> firstBody = browser.findElements(By.cssSelector("main.beside > .row:nth-child(2) > .column"));
        assertThat(firstBody.get(0).getText()).startsWith("أرسل الرئيس الصيني شي جين بينغ");
        assertThat(firstBody.get(1).getText()).startsWith("Chinese President Xi Jinping");
        assertThat(Math.abs(firstBody.get(0).getRect().getY() - firstBody.get(1).getRect().getY())).isLessThan(5);
        assertThat(browser.findElement(By.cssSelector(".tarjim-mt-note, .column [class*=note]")).getText())
                .contains("Reviewed translation");
        HeadlessChromium.screenshot(browser, "bilingual-ar-en.png");

        browser.manage().window().setSize(new Dimension(480, 1000));
        List<WebElement> narrow = browser.findElements(By.cssSelector("main.beside > .row:nth-child(2) > .column"));
        assertThat(narrow.get(1).getRect().getY()).as("stacked on a narrow screen")
                .isGreaterThan(narrow.get(0).getRect().getY() + narrow.get(0).getRect().getHeight() - 1);
    }

    private static JsonNode report(String key) throws Exception {
        return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket("tarjim-articles").key("reports/" + key
                + ".json")).asByteArray());
    }
}
