package dev.mjbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The admin console in a real browser (headless Chromium through WebDriver) against the app in
 * sandbox mode, with both secrets set: signing in (a wrong secret refused), the two sandbox
 * accounts READY, disabling and re-enabling one, the API's refusal shown in a dialog, an imagine
 * followed live to 100 % and its picture, U1 and its upscale, and vary region with a mask painted
 * on the picture. Screenshots go to target/console-screenshots/.
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
// No other class shares these settings: close the app (and its sandbox) once done rather than keep it cached.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleBrowserTest {

    static final String ADMIN_SECRET = "console-admin-secret";
    static final String API_SECRET = "console-api-secret";

    private WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AccountPool pool;

    private ConsolePage page;

    /**
     * The browser check runs per test rather than once per class, so a run without the browser reports
     * each test as skipped with the reason (or, where the browser is required, failed) instead of none.
     */
    @BeforeEach
    void signedOutWithAccountsReady() {
        browser = HeadlessChromium.shared();
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        page = new ConsolePage(browser, port);
        page.openSignedOut();
    }

    @Test
    void aWrongSecretIsRefusedAndTheApiSecretIsAskedFor() {
        page.type(By.id("admin-secret"), "not-the-admin-secret");
        page.click(By.id("sign-in"));
        page.waitFor("the service asking for its API secret", d -> page.text(By.id("sign-in-error"))
                .equals("This service also needs its API secret (mj.api-secret)."));
        assertThat(browser.findElement(By.id("api-secret")).isDisplayed()).isTrue();

        page.type(By.id("admin-secret"), "not-the-admin-secret");
        page.type(By.id("api-secret"), API_SECRET);
        page.click(By.id("sign-in"));
        page.waitFor("the wrong admin secret refused", d -> page.text(By.id("sign-in-error"))
                .equals("The admin secret was refused."));
        page.screenshot("01-sign-in-refused");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).as("not signed in").isFalse();
        assertThat(page.sessionItem("mj-console.admin-secret")).as("a refused secret is not kept").isNull();

        page.signIn(ADMIN_SECRET, API_SECRET);
        assertThat(browser.getCurrentUrl()).doesNotContain(ADMIN_SECRET).doesNotContain(API_SECRET);
        assertThat(page.sessionItem("mj-console.admin-secret")).isEqualTo(ADMIN_SECRET);
    }

    @Test
    void bothSandboxAccountsAreReadyAndOneIsDisabledAndEnabledAgain() {
        page.signIn(ADMIN_SECRET, API_SECRET);
        page.menu("accounts");
        for (String id : List.of("sandbox-1", "sandbox-2")) {
            page.waitFor(id + " READY with its sync's fast time", d -> "READY".equals(page.accountRow(id).getAttribute("data-state"))
                    && page.accountRow(id).getText().contains("h fast time left"));
        }
        page.screenshot("02-accounts");

        page.click(By.cssSelector("tr[data-account='sandbox-2'] button[data-action=disable]"));
        page.type(By.id("disable-reason"), "card expired");
        page.screenshot("03-disable-dialog");
        page.click(By.id("dialog-confirm"));
        page.waitFor("sandbox-2 DISABLED with the reason", d -> "DISABLED".equals(page.accountRow("sandbox-2").getAttribute("data-state"))
                && page.accountRow("sandbox-2").getText().contains("disabled by an operator: card expired"));
        assertThat(page.text(By.id("notice"))).isEqualTo("Account sandbox-2 disabled");
        page.screenshot("04-account-disabled");

        page.click(By.cssSelector("tr[data-account='sandbox-2'] button[data-action=enable]"));
        page.waitFor("the confirmation", d -> d.findElement(By.id("dialog")).isDisplayed());
        page.click(By.id("dialog-confirm"));
        page.waitFor("sandbox-2 READY again", d -> "READY".equals(page.accountRow("sandbox-2").getAttribute("data-state")));
        assertThat(pool.account("sandbox-2").orElseThrow().enabled()).isTrue();
    }

    @Test
    void theApisRefusalIsShownInWordsAndTheFormStaysOpen() {
        page.signIn(ADMIN_SECRET, API_SECRET);
        page.menu("accounts");
        page.click(By.id("account-add"));
        page.type(By.id("account-id"), "acc-3");
        page.type(By.id("account-guildId"), "1300000000000000001");
        page.type(By.id("account-channelId"), "1300000000000000213");
        page.type(By.id("account-userToken"), "a-user-token");
        page.click(By.id("dialog-confirm"));
        // The built-in sandbox's accounts come from no file, so the API refuses to add one.
        page.waitFor("the refusal in the dialog", d -> page.text(By.id("dialog-error"))
                .equals("Refused: no accounts file is configured (the accounts are the built-in sandbox's)"));
        assertThat(browser.findElement(By.id("account-id")).getAttribute("value")).isEqualTo("acc-3");
        page.screenshot("10-add-account-refused");
        page.click(By.id("dialog-cancel"));
        assertThat(pool.account("acc-3")).isEmpty();
    }

    @Test
    void anImagineIsFollowedLiveThenU1IsPressedAndTheUpscaleShown() {
        page.signIn(ADMIN_SECRET, API_SECRET);
        page.menu("submit");
        page.type(By.id("imagine-prompt"), "a lighthouse at dusk --ar 3:2");
        page.click(By.id("imagine-submit"));
        page.waitFor("the new task's page", d -> !page.taskOnPage().isEmpty());
        String imagineId = page.taskOnPage();

        page.waitFor("the progress bar moving", d -> page.progress() > 0 && page.progress() < 100);
        // The screenshot shows Midjourney's preview when it comes before the end (it does unless the machine is slow).
        page.waitFor("a preview shown, or the end", d -> (page.progress() < 100 && page.loaded(By.id("task-picture")))
                || "SUCCESS".equals(page.taskStatus()));
        page.screenshot("05-imagine-in-progress");
        page.waitFor("the imagine at 100 % and SUCCESS", d -> page.progress() == 100 && "SUCCESS".equals(page.taskStatus()));
        page.waitFor("the picture shown", d -> page.loaded(By.id("task-picture")));
        page.waitFor("the grid's four pictures shown", d -> {
            List<WebElement> pictures = d.findElements(By.cssSelector("#grid-pictures img"));
            return pictures.size() == 4 && pictures.stream().allMatch(page::loaded);
        });
        page.screenshot("06-imagine-done");

        page.click(By.cssSelector("#task-buttons button[data-label=U1]"));
        page.waitFor("the upscale's page", d -> !page.taskOnPage().isEmpty() && !imagineId.equals(page.taskOnPage()));
        String upscaleId = page.taskOnPage();
        page.waitFor("the upscale SUCCESS with its picture", d -> "SUCCESS".equals(page.taskStatus())
                && page.loaded(By.id("task-picture")));
        assertThat(page.text(By.cssSelector(".title-row h1"))).startsWith("UPSCALE");
        page.screenshot("07-upscale");

        page.menu("tasks");
        page.waitFor("both tasks listed as SUCCESS", d -> List.of(imagineId, upscaleId).stream().allMatch(id ->
                "SUCCESS".equals(d.findElement(By.cssSelector("tr[data-task='" + id + "']")).getAttribute("data-status"))));
        page.screenshot("08-tasks");
    }

    @Test
    void varyRegionSendsTheMaskPaintedOnThePicture() {
        page.signIn(ADMIN_SECRET, API_SECRET);
        String upscaleId = upscaleThroughTheApi();
        page.open("#/task/" + upscaleId);
        page.waitFor("the upscale's page", d -> upscaleId.equals(page.taskOnPage()) && page.loaded(By.id("task-picture")));

        page.click(By.cssSelector("#task-buttons button[data-custom-id^='MJ::Inpaint::']"));
        page.waitFor("the mask editor with the picture", d -> page.loaded(By.id("mask-image")));
        WebElement canvas = browser.findElement(By.id("mask-canvas"));
        new Actions(browser).moveToElement(canvas, -40, -40).clickAndHold().moveByOffset(80, 20).moveByOffset(0, 60)
                .release().perform();
        page.type(By.id("modal-prompt"), "a red door");
        page.screenshot("09-vary-region");
        page.click(By.id("dialog-confirm"));

        page.waitFor("the vary region task SUCCESS", d -> !page.taskOnPage().isEmpty()
                && !upscaleId.equals(page.taskOnPage()) && "SUCCESS".equals(page.taskStatus()));
        assertThat(page.text(By.id("final-prompt"))).isEqualTo("sent as: a red door");
        JsonNode varied = new MjApi(port, API_SECRET).fetch(page.taskOnPage());
        assertThat(varied.path("customId").asString()).startsWith("MJ::Inpaint::");
        assertThat(varied.path("properties").path("parentId").asString()).isEqualTo(upscaleId);

        page.open("#/task/" + upscaleId);
        page.waitFor("the upscale's page again", d -> upscaleId.equals(page.taskOnPage()));
        page.click(By.cssSelector("#task-buttons button[data-custom-id^='MJ::CustomZoom::']"));
        page.waitFor("the custom zoom form with the parent's prompt", d -> "a blue house --zoom 1.5"
                .equals(d.findElement(By.id("modal-prompt")).getAttribute("value")));
        page.click(By.id("dialog-confirm"));
        page.waitFor("the zoom task SUCCESS", d -> !page.taskOnPage().isEmpty() && !upscaleId.equals(page.taskOnPage())
                && "SUCCESS".equals(page.taskStatus()) && page.loaded(By.id("task-picture")));
        assertThat(page.text(By.cssSelector(".title-row h1"))).startsWith("ZOOM");
    }

    @Test
    void uploadedFilesAreBlendedAndAShortenShowsItsSuggestions(@TempDir Path files) {
        page.signIn(ADMIN_SECRET, API_SECRET);
        page.menu("submit");
        page.attach(By.id("blend-images"), png(files, "red.png", Color.RED), png(files, "blue.png", Color.BLUE));
        page.click(By.id("blend-submit"));
        page.waitFor("the blend SUCCESS with its picture", d -> !page.taskOnPage().isEmpty()
                && "SUCCESS".equals(page.taskStatus()) && page.loaded(By.id("task-picture")));
        assertThat(page.text(By.cssSelector(".title-row h1"))).startsWith("BLEND");
        String blendId = page.taskOnPage();

        page.menu("submit");
        page.type(By.id("shorten-prompt"), "a very long and elaborate prompt about a quiet harbour town at night");
        page.click(By.id("shorten-submit"));
        page.waitFor("the shorten's suggestions", d -> !page.taskOnPage().isEmpty() && !blendId.equals(page.taskOnPage())
                && "SUCCESS".equals(page.taskStatus()) && !d.findElements(By.id("task-prompt-en")).isEmpty());
        assertThat(page.text(By.id("task-prompt-en"))).contains("harbour");
        assertThat(browser.findElements(By.cssSelector("#task-buttons button"))).isNotEmpty();

        // The list's filters: by action, then by text.
        page.menu("tasks");
        new Select(browser.findElement(By.id("filter-action"))).selectByValue("BLEND");
        page.waitFor("only blends listed", d -> d.findElements(By.cssSelector("tr.task-row")).stream()
                .allMatch(row -> row.getText().contains("BLEND")) && !d.findElements(By.cssSelector("tr[data-task='" + blendId + "']")).isEmpty());
        new Select(browser.findElement(By.id("filter-action"))).selectByValue("");
        page.type(By.id("filter-text"), "quiet harbour");
        page.waitFor("only the shorten listed", d -> d.findElements(By.cssSelector("tr.task-row")).size() == 1
                && d.findElement(By.cssSelector("tr.task-row")).getText().contains("SHORTEN"));
    }

    @Test
    void aFailedTaskShowsMidjourneysReasonOnItsPageAndInTheList() {
        page.signIn(ADMIN_SECRET, API_SECRET);
        page.menu("submit");
        page.type(By.id("imagine-prompt"), "a cat --ar 3:x");
        page.click(By.id("imagine-submit"));
        page.waitFor("the task FAILURE with the reason", d -> !page.taskOnPage().isEmpty()
                && "FAILURE".equals(page.taskStatus()) && !d.findElements(By.id("fail-reason")).isEmpty());
        String failedId = page.taskOnPage();
        assertThat(page.text(By.id("fail-reason"))).contains("Invalid aspect ratio");

        page.menu("tasks");
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("FAILURE");
        page.waitFor("the failed task listed with its reason", d -> d.findElements(By.cssSelector("tr.task-row")).stream()
                .allMatch(row -> "FAILURE".equals(row.getAttribute("data-status")))
                && d.findElement(By.cssSelector("tr[data-task='" + failedId + "'] .fail-reason")).getText()
                        .contains("Invalid aspect ratio"));
        page.screenshot("12-failed-tasks");
    }

    /** A small PNG of one colour, written for the file input; returns its absolute path. */
    private static String png(Path dir, String name, Color color) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 64, 64);
        graphics.dispose();
        Path file = dir.resolve(name);
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath().toString();
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
}
