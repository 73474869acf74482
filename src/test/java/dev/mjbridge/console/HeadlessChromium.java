package dev.mjbridge.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.mjbridge.testing.TempDirs;

/**
 * Debian's headless Chromium and chromedriver, named by path so that Selenium Manager never looks
 * for (or downloads) a browser or driver. Where they are missing the browser tests are skipped with
 * the reason, unless the run says they are required ({@code -Dmj.test.browser=required},
 * {@code MJ_TEST_BROWSER=required} or {@code CI=true}, as .ci/run has): then they fail, so a CI run
 * without a browser can never pass them silently.
 */
final class HeadlessChromium {

    static final String CHROMIUM = System.getProperty("mj.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("mj.test.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static WebDriver shared;

    private HeadlessChromium() {
    }

    /**
     * The browser every console test drives: started on first use and quit when the test JVM ends, so
     * that the test classes share one Chromium instead of each starting and stopping its own. A class's
     * pages live on its own port, a browser origin of their own, so nothing signed in leaks between them.
     */
    static synchronized WebDriver shared() {
        assumeInstalled();
        if (shared == null) {
            WebDriver browser = start();
            Runtime.getRuntime().addShutdownHook(new Thread(browser::quit, "console-chromium-quit"));
            shared = browser;
        }
        return shared;
    }

    /** Whether this run must have the browser (CI), rather than skip its tests without one. */
    static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty("mj.test.browser", ""))
                || "required".equalsIgnoreCase(String.valueOf(System.getenv("MJ_TEST_BROWSER")))
                || "true".equalsIgnoreCase(String.valueOf(System.getenv("CI")));
    }

    /** Fails (required) or skips (otherwise) the tests when the browser or its driver is not installed. */
    private static void assumeInstalled() {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(path -> !new File(path).canExecute()).toList();
        if (missing.isEmpty()) {
            return;
        }
        String reason = "the console's browser tests need " + String.join(" and ", missing)
                + ": install the Debian packages chromium and chromium-driver (.ci/run does)";
        if (required()) {
            throw new AssertionError(reason + "; this run requires them (mj.test.browser=required, "
                    + "MJ_TEST_BROWSER=required or CI=true)");
        }
        Assumptions.abort(reason);
    }

    /** A new headless browser with a fresh profile, its window 1400×1000. */
    private static WebDriver start() {
        Path profile = TempDirs.create("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as target/console-screenshots/{name}.png. */
    static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.toLowerCase(Locale.ROOT) + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
