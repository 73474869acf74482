package dev.mjbridge.console;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a test drives it in the browser. Every step waits for what the page shows, with a
 * limit (never a fixed time); a wait that runs out fails naming what it awaited and the page's text,
 * and leaves a screenshot {@code failed-...png} beside the others.
 */
final class ConsolePage {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver browser;
    private final String base;

    ConsolePage(WebDriver browser, int port) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port;
    }

    WebDriver browser() {
        return browser;
    }

    /** Opens the console signed out (this tab's session storage emptied) and waits for the sign-in form. */
    void openSignedOut() {
        browser.get(base + "/console/");
        script("sessionStorage.clear()");
        browser.get(base + "/console/");
        waitFor("the sign-in form", d -> d.findElement(By.id("admin-secret")).isDisplayed());
    }

    /** Opens a page of the console ({@code #/task/<id>} ...) in the signed-in tab. */
    void open(String hash) {
        browser.get(base + "/console/" + hash);
    }

    /** Signs in with the admin secret, and the api secret when the service asks for it (null: none). */
    void signIn(String adminSecret, String apiSecret) {
        type(By.id("admin-secret"), adminSecret);
        click(By.id("sign-in"));
        waitFor("either signed in or asked for the API secret", d -> d.findElement(By.id("nav")).isDisplayed()
                || d.findElement(By.id("api-secret")).isDisplayed());
        if (!browser.findElement(By.id("nav")).isDisplayed()) {
            type(By.id("admin-secret"), adminSecret);
            type(By.id("api-secret"), apiSecret);
            click(By.id("sign-in"));
        }
        waitFor("signed in with the live stream", d -> d.findElement(By.id("nav")).isDisplayed()
                && "live".equals(d.findElement(By.id("stream-state")).getAttribute("data-state")));
    }

    /** Goes to a page through the menu: tasks, accounts or submit. */
    void menu(String view) {
        click(By.cssSelector("#nav a[data-view=" + view + "]"));
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(100))
                    .withMessage(() -> what + "; the page shows: " + pageText())
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            HeadlessChromium.screenshot(browser, "failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }

    /** Clicks once the element is there, shown and enabled (tables are redrawn as the page refreshes). */
    void click(By locator) {
        waitFor("to click " + locator, d -> {
            WebElement element = d.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    void type(By locator, String value) {
        waitFor("to type into " + locator, d -> {
            WebElement element = d.findElement(locator);
            if (!element.isDisplayed()) {
                return false;
            }
            element.clear();
            element.sendKeys(value);
            return true;
        });
    }

    /** Chooses files in a file input, as a person picking them in the file dialog would. */
    void attach(By locator, String... absolutePaths) {
        waitFor("to attach files to " + locator, d -> {
            d.findElement(locator).sendKeys(String.join("\n", absolutePaths));
            return true;
        });
    }

    String text(By locator) {
        return browser.findElement(locator).getText();
    }

    WebElement accountRow(String id) {
        return browser.findElement(By.cssSelector("tr[data-account='" + id + "']"));
    }

    boolean hasAccountRow(String id) {
        return !browser.findElements(By.cssSelector("tr[data-account='" + id + "']")).isEmpty();
    }

    /** The id of the task whose page is shown; "" on another page. */
    String taskOnPage() {
        List<WebElement> page = browser.findElements(By.id("task"));
        return page.isEmpty() ? "" : page.get(0).getAttribute("data-task");
    }

    String taskStatus() {
        return browser.findElement(By.id("task")).getAttribute("data-status");
    }

    /** The task page's progress bar, 0..100. */
    int progress() {
        return Integer.parseInt(browser.findElement(By.cssSelector("#task [role=progressbar]")).getAttribute("aria-valuenow"));
    }

    /** Whether the picture is there and its bytes were decoded (a broken link is not). */
    boolean loaded(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return !found.isEmpty() && loaded(found.get(0));
    }

    boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    Object sessionItem(String key) {
        return script("return sessionStorage.getItem(arguments[0])", key);
    }

    void screenshot(String name) {
        HeadlessChromium.screenshot(browser, name);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private String pageText() {
        try {
            return browser.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
