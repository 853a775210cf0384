package dev.tarjim.local;

import dev.tarjim.emulators.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven through Debian's chromedriver: the browser of the end-to-end tests. */
final class HeadlessChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Whether chromium and chromium-driver are installed ({@code .ci/run} installs them). */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * A fresh browser with an empty profile under {@code profileParent}, a window of the given size and English
     * as its language. The closed network here refuses Chromium's background connections, so they are all off.
     */
    static WebDriver start(Path profileParent, int width, int height) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory(profileParent, "chromium-profile"));
        // The driver named explicitly: Selenium Manager is never asked to find or download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Only when asked ({@code -Dtarjim.screenshots=true}): writes {@code docs/<name>}; a test run leaves the tree. */
    static void screenshot(WebDriver browser, String name) throws Exception {
        if (Boolean.getBoolean("tarjim.screenshots")) {
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(ProjectPaths.root().resolve("docs").resolve(name), png);
        }
    }
}
