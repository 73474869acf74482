package dev.mjbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The admin console in a real browser (headless Chromium through WebDriver) against the app in
 * sandbox mode, with both secrets set: signing in (a wrong secret refused), the two sandbox
 * accounts READY, disabling and re-enabling one, an imagine followed live to 100 % and its
 * picture, U1 and its upscale, and vary region with a mask painted on the picture. Every step
 * waits on what the page shows; screenshots go to target/console-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mj.sandbox.enabled=true",
        // Long enough to see the progress bar move, short enough for a quick test.
        "mj.sandbox.job-time=2500ms",
        // The accounts page shows what the /info and /settings sync found (off in the other tests).
        "mj.accounts.sync-enabled=true",
        "mj.admin-secret=" + ConsoleBrowserTest.ADMIN_SECRET,
        "mj.api-secret=" + ConsoleBrowserTest.API_SECRET,
        "spring.datasource.url=jdbc:h2:mem:console-browser;DB_CLOSE_DELAY=-1"
})
class ConsoleBrowserTest {

    static final String ADMIN_SECRET = "console-admin-secret";
    static final String API_SECRET = "console-api-secret";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AccountPool pool;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Checked per test rather than once per class, so a run without the browser reports each test as
     * skipped with the reason (or, where the browser is required, failed) instead of running none.
     */
    @BeforeEach
    void signedOutWithAccountsReady() {
        HeadlessChromium.assumeInstalled();
        if (browser == null) {
            browser = HeadlessChromium.start();
        }
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        browser.get(base() + "/console/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(base() + "/console/");
        waitFor("the sign-in form", d -> d.findElement(By.id("admin-secret")).isDisplayed());
    }

    @Test
    void aWrongSecretIsRefusedAndTheApiSecretIsAskedFor() {
        type(By.id("admin-secret"), "not-the-admin-secret");
        click(By.id("sign-in"));
        waitFor("the service asking for its API secret", d -> text(By.id("sign-in-error"))
                .equals("This service also needs its API secret (mj.api-secret)."));
        assertThat(browser.findElement(By.id("api-secret")).isDisplayed()).isTrue();

        type(By.id("admin-secret"), "not-the-admin-secret");
        type(By.id("api-secret"), API_SECRET);
        click(By.id("sign-in"));
        waitFor("the wrong admin secret refused", d -> text(By.id("sign-in-error")).equals("The admin secret was refused."));
        HeadlessChromium.screenshot(browser, "01-sign-in-refused");
        assertThat(browser.findElements(By.id("nav")).get(0).isDisplayed()).as("not signed in").isFalse();
        assertThat(session("mj-console.admin-secret")).as("a refused secret is not kept").isNull();

        signIn();
        assertThat(browser.getCurrentUrl()).doesNotContain(ADMIN_SECRET).doesNotContain(API_SECRET);
        assertThat(session("mj-console.admin-secret")).isEqualTo(ADMIN_SECRET);
    }

    @Test
    void bothSandboxAccountsAreReadyAndOneIsDisabledAndEnabledAgain() {
        signIn();
        click(By.cssSelector("#nav a[data-view=accounts]"));
        for (String id : List.of("sandbox-1", "sandbox-2")) {
            waitFor(id + " READY with its sync's fast time", d -> "READY".equals(accountRow(id).getAttribute("data-state"))
                    && accountRow(id).getText().contains("h fast time left"));
        }
        HeadlessChromium.screenshot(browser, "02-accounts");

        click(By.cssSelector("tr[data-account='sandbox-2'] button[data-action=disable]"));
        type(By.id("disable-reason"), "card expired");
        HeadlessChromium.screenshot(browser, "03-disable-dialog");
        click(By.id("dialog-confirm"));
        waitFor("sandbox-2 DISABLED with the reason", d -> "DISABLED".equals(accountRow("sandbox-2").getAttribute("data-state"))
                && accountRow("sandbox-2").getText().contains("disabled by an operator: card expired"));
        assertThat(text(By.id("notice"))).isEqualTo("Account sandbox-2 disabled");
        HeadlessChromium.screenshot(browser, "04-account-disabled");

        click(By.cssSelector("tr[data-account='sandbox-2'] button[data-action=enable]"));
        waitFor("the confirmation", d -> d.findElement(By.id("dialog")).isDisplayed());
        click(By.id("dialog-confirm"));
        waitFor("sandbox-2 READY again", d -> "READY".equals(accountRow("sandbox-2").getAttribute("data-state")));
        assertThat(pool.account("sandbox-2").orElseThrow().enabled()).isTrue();
    }

    @Test
    void theApisRefusalIsShownInWordsAndTheFormStaysOpen() {
        signIn();
        click(By.cssSelector("#nav a[data-view=accounts]"));
        click(By.id("account-add"));
        type(By.id("account-id"), "acc-3");
        type(By.id("account-guildId"), "1300000000000000001");
        type(By.id("account-channelId"), "1300000000000000213");
        type(By.id("account-userToken"), "a-user-token");
        click(By.id("dialog-confirm"));
        // The built-in sandbox's accounts come from no file, so the API refuses to add one.
        waitFor("the refusal in the dialog", d -> text(By.id("dialog-error"))
                .equals("Refused: no accounts file is configured (the accounts are the built-in sandbox's)"));
        assertThat(browser.findElement(By.id("account-id")).getAttribute("value")).isEqualTo("acc-3");
        HeadlessChromium.screenshot(browser, "10-add-account-refused");
        click(By.id("dialog-cancel"));
        assertThat(pool.account("acc-3")).isEmpty();
    }

    @Test
    void anImagineIsFollowedLiveThenU1IsPressedAndTheUpscaleShown() {
        signIn();
        click(By.cssSelector("#nav a[data-view=submit]"));
        type(By.id("imagine-prompt"), "a lighthouse at dusk --ar 3:2");
        click(By.id("imagine-submit"));
        waitFor("the new task's page", d -> d.getCurrentUrl().contains("#/task/"));
        String imagineId = taskOnPage();

        waitFor("the progress bar moving", d -> progress() > 0 && progress() < 100);
        // The screenshot shows Midjourney's preview when it comes before the end (it does unless the machine is slow).
        waitFor("a preview shown, or the end", d -> (progress() < 100 && loaded(By.id("task-picture")))
                || "SUCCESS".equals(taskStatus()));
        HeadlessChromium.screenshot(browser, "05-imagine-in-progress");
        waitFor("the imagine at 100 % and SUCCESS", d -> progress() == 100 && "SUCCESS".equals(taskStatus()));
        waitFor("the picture shown", d -> loaded(By.id("task-picture")));
        waitFor("the grid's four pictures shown", d -> d.findElements(By.cssSelector("#grid-pictures img")).size() == 4
                && d.findElements(By.cssSelector("#grid-pictures img")).stream().allMatch(this::loaded));
        HeadlessChromium.screenshot(browser, "06-imagine-done");

        click(By.cssSelector("#task-buttons button[data-label=U1]"));
        waitFor("the upscale's page", d -> !imagineId.equals(taskOnPage()));
        String upscaleId = taskOnPage();
        waitFor("the upscale SUCCESS with its picture", d -> "SUCCESS".equals(taskStatus()) && loaded(By.id("task-picture")));
        assertThat(text(By.cssSelector(".title-row h1"))).startsWith("UPSCALE");
        HeadlessChromium.screenshot(browser, "07-upscale");

        click(By.cssSelector("#nav a[data-view=tasks]"));
        waitFor("both tasks listed as SUCCESS", d -> List.of(imagineId, upscaleId).stream().allMatch(id ->
                "SUCCESS".equals(d.findElement(By.cssSelector("tr[data-task='" + id + "']")).getAttribute("data-status"))));
        HeadlessChromium.screenshot(browser, "08-tasks");
    }

    @Test
    void varyRegionSendsTheMaskPaintedOnThePicture() {
        signIn();
        String upscaleId = upscaleThroughTheApi();
        browser.get(base() + "/console/#/task/" + upscaleId);
        waitFor("the upscale's page", d -> upscaleId.equals(taskOnPage()) && loaded(By.id("task-picture")));

        click(By.cssSelector("#task-buttons button[data-custom-id^='MJ::Inpaint::']"));
        waitFor("the mask editor with the picture", d -> loaded(By.id("mask-image")));
        WebElement canvas = browser.findElement(By.id("mask-canvas"));
        new Actions(browser).moveToElement(canvas, -40, -40).clickAndHold().moveByOffset(80, 20).moveByOffset(0, 60)
                .release().perform();
        type(By.id("modal-prompt"), "a red door");
        HeadlessChromium.screenshot(browser, "09-vary-region");
        click(By.id("dialog-confirm"));

        waitFor("the vary region task SUCCESS", d -> !upscaleId.equals(taskOnPage()) && "SUCCESS".equals(taskStatus()));
        assertThat(text(By.id("final-prompt"))).isEqualTo("sent as: a red door");
        JsonNode varied = new MjApi(port, API_SECRET).fetch(taskOnPage());
        assertThat(varied.path("customId").asString()).startsWith("MJ::Inpaint::");
        assertThat(varied.path("properties").path("parentId").asString()).isEqualTo(upscaleId);
    }

    // --- helpers: each waits on what the page shows ---

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void signIn() {
        type(By.id("admin-secret"), ADMIN_SECRET);
        click(By.id("sign-in"));
        waitFor("either signed in or asked for the API secret", d -> d.findElement(By.id("nav")).isDisplayed()
                || d.findElement(By.id("api-secret")).isDisplayed());
        if (!browser.findElement(By.id("nav")).isDisplayed()) {
            type(By.id("admin-secret"), ADMIN_SECRET);
            type(By.id("api-secret"), API_SECRET);
            click(By.id("sign-in"));
        }
        waitFor("signed in with the live stream", d -> d.findElement(By.id("nav")).isDisplayed()
                && "live".equals(d.findElement(By.id("stream-state")).getAttribute("data-state")));
    }

    /** An imagine and its U1 through the REST API (as another client would), for the modal test. */
    private String upscaleThroughTheApi() {
        MjApi api = new MjApi(port, API_SECRET);
        String imagineId = api.submit("/mj/submit/imagine", "{\"prompt\": \"a blue house\"}");
        JsonNode grid = api.awaitStatus(imagineId, "SUCCESS");
        String upscaleId = api.submit("/mj/submit/action",
                "{\"taskId\": \"%s\", \"customId\": \"%s\"}".formatted(imagineId, MjApi.button(grid, "U1")));
        api.awaitStatus(upscaleId, "SUCCESS");
        return upscaleId;
    }

    private <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(100)).withMessage(() -> what + "; the page shows: " + pageText())
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            HeadlessChromium.screenshot(browser, "failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw e;
        }
    }

    private String pageText() {
        try {
            return browser.findElement(By.tagName("body")).getText();
        } catch (RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Clicks once the element is there and clickable (rows are redrawn as the page refreshes). */
    private void click(By locator) {
        waitFor("to click " + locator, d -> {
            WebElement element = d.findElement(locator);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private void type(By locator, String value) {
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

    private String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private WebElement accountRow(String id) {
        return browser.findElement(By.cssSelector("tr[data-account='" + id + "']"));
    }

    private String taskOnPage() {
        List<WebElement> page = browser.findElements(By.id("task"));
        return page.isEmpty() ? "" : page.get(0).getAttribute("data-task");
    }

    private String taskStatus() {
        return browser.findElement(By.id("task")).getAttribute("data-status");
    }

    private int progress() {
        return Integer.parseInt(browser.findElement(By.cssSelector("#task [role=progressbar]")).getAttribute("aria-valuenow"));
    }

    private boolean loaded(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return !found.isEmpty() && loaded(found.get(0));
    }

    private boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    private Object session(String key) {
        return ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem(arguments[0])", key);
    }
}
