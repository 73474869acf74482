package dev.mjbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountState;
import dev.mjbridge.account.AccountView;
import dev.mjbridge.it.MjApi;
import dev.mjbridge.it.SandboxedAccounts;
import dev.mjbridge.sandbox.SandboxSettings;

/**
 * The console's account forms against accounts from a file (a standalone sandbox, as Discord would
 * be): an account added through the form connects; an edit changes only the keys changed and keeps
 * the token it never showed; a removed account leaves the file. No api secret here: the sign-in
 * asks only for the admin secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SandboxedAccounts.ClosedWithTheApplication.class)
class ConsoleAccountsFileTest {

    private static final String ADMIN_SECRET = "console-file-admin";

    @TempDir
    static Path dir;
    static SandboxedAccounts sandbox;
    private WebDriver browser;

    @DynamicPropertySource
    static void pointAtSandbox(DynamicPropertyRegistry registry) {
        // Three simulated users, two of them in accounts.yml: the third is for the account the console adds.
        sandbox = SandboxedAccounts.start(SandboxSettings.forTests(), 3, dir, 1);
        write(entry(1) + entry(2));
        sandbox.register(registry);
        registry.add("mj.admin-secret", () -> ADMIN_SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountPool pool;

    private ConsolePage page;

    @BeforeEach
    void signedIn() {
        browser = HeadlessChromium.shared();
        SandboxedAccounts.awaitAllReady(pool, MjApi.WAIT);
        page = new ConsolePage(browser, port);
        page.openSignedOut();
        page.signIn(ADMIN_SECRET, null);
        page.menu("accounts");
        page.waitFor("acc-1 listed", d -> page.hasAccountRow("acc-1"));
    }

    @Test
    void anAccountIsAddedEditedAndRemovedThroughTheFile() {
        page.click(By.id("account-add"));
        page.type(By.id("account-id"), "acc-3");
        page.type(By.id("account-guildId"), SandboxedAccounts.guildId());
        page.type(By.id("account-channelId"), sandbox.channelId(3));
        page.type(By.id("account-userToken"), sandbox.token(3));
        page.type(By.id("account-concurrency"), "2");
        page.click(By.id("dialog-confirm"));
        page.waitFor("acc-3 READY", d -> page.hasAccountRow("acc-3")
                && "READY".equals(page.accountRow("acc-3").getAttribute("data-state")));
        assertThat(page.text(By.id("notice"))).isEqualTo("Account acc-3 created");
        assertThat(fileText()).contains("id: acc-3", sandbox.token(3));
        page.screenshot("11-account-added");

        page.click(By.cssSelector("tr[data-account='acc-1'] button[data-action=edit]"));
        assertThat(browser.findElement(By.id("account-userToken")).getAttribute("value"))
                .as("a token is never shown").isEmpty();
        page.type(By.id("account-concurrency"), "5");
        page.type(By.id("account-remark"), "edited in the console");
        page.click(By.id("dialog-confirm"));
        page.waitFor("acc-1 with 5 slots and its remark", d -> page.accountRow("acc-1").getText().contains("of 5 slots")
                && page.accountRow("acc-1").getText().contains("edited in the console"));
        AccountView edited = pool.account("acc-1").orElseThrow();
        assertThat(edited.concurrency()).isEqualTo(5);
        assertThat(edited.state()).as("scheduling keys apply in place").isEqualTo(AccountState.READY);
        assertThat(fileText()).contains(sandbox.token(1)).contains("concurrency: 5").contains("edited in the console");

        page.click(By.cssSelector("tr[data-account='acc-3'] button[data-action=remove]"));
        page.click(By.id("dialog-confirm"));
        page.waitFor("acc-3 gone", d -> !page.hasAccountRow("acc-3"));
        assertThat(fileText()).doesNotContain("acc-3");
    }

    private static String entry(int n) {
        return "  - id: " + SandboxedAccounts.accountId(n) + "\n"
                + "    guildId: \"" + SandboxedAccounts.guildId() + "\"\n"
                + "    channelId: \"" + sandbox.channelId(n) + "\"\n"
                + "    userToken: \"" + sandbox.token(n) + "\"\n"
                + "    concurrency: 3\n";
    }

    private static void write(String entries) {
        try {
            Files.writeString(sandbox.accountsFile(), "accounts:\n" + entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileText() {
        try {
            return Files.readString(sandbox.accountsFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
