package dev.mjbridge.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check the watcher and the periodic poll run: a changed file is applied whole or not at all,
 * an unchanged one is left alone, an error stays in the status until a valid file is applied.
 * The pool is not built here, so applying only replaces the list it would build.
 */
class PoolReloaderTest {

    @TempDir
    Path dir;

    private static String account(String id, String extra) {
        return "  - id: " + id + "\n    guildId: \"1300000000000000001\"\n    channelId: \"1300000000000000211\"\n"
                + "    userToken: \"secret-token-" + id + "\"\n" + extra;
    }

    @Test
    void aChangedFileIsAppliedAndAnInvalidOneIsKeptOut() throws IOException {
        Path file = dir.resolve("accounts.yml");
        String first = "accounts:\n" + account("a", "");
        Files.writeString(file, first);
        AccountsFile parser = new AccountsFile(Map.<String, String>of()::get);
        AccountPool pool = new AccountPool(parser.parse(file.toString(), first), null, new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        PoolReloader reloader = new PoolReloader(file, PoolReloader.checksum(first), parser, pool, Clock.systemUTC());

        reloader.check();
        assertThat(reloader.status().lastCheckAt()).isNotNull();
        assertThat(pool.configs()).extracting(AccountConfig::id).containsExactly("a");

        String second = "accounts:\n" + account("a", "") + account("b", "    concurrency: 2\n");
        Files.writeString(file, second);
        reloader.check();
        assertThat(pool.configs()).extracting(AccountConfig::id).containsExactly("a", "b");
        assertThat(reloader.appliedChecksum()).isEqualTo(PoolReloader.checksum(second));

        String broken = "accounts:\n" + account("a", "") + account("c", "    queueSize: -3\n");
        Files.writeString(file, broken);
        reloader.check();
        assertThat(pool.configs()).extracting(AccountConfig::id).containsExactly("a", "b");
        PoolReloader.Status status = reloader.status();
        assertThat(status.lastError()).contains("account #2 (id 'c')").contains("key 'queueSize'")
                .doesNotContain("secret-token");
        assertThat(status.appliedChecksum()).isEqualTo(PoolReloader.checksum(second));
        assertThat(reloader.reload()).isInstanceOf(PoolReloader.Outcome.Invalid.class);

        String fixed = "accounts:\n" + account("c", "");
        Files.writeString(file, fixed);
        reloader.check();
        assertThat(reloader.status().lastError()).isNull();
        assertThat(pool.configs()).extracting(AccountConfig::id).containsExactly("c");
    }

    @Test
    void aReloadAnswersEveryAccountEvenWhenNothingChanged() throws IOException {
        Path file = dir.resolve("accounts.yml");
        String text = "accounts:\n" + account("a", "") + account("b", "");
        Files.writeString(file, text);
        AccountsFile parser = new AccountsFile(Map.<String, String>of()::get);
        AccountPool pool = new AccountPool(parser.parse(file.toString(), text), null, new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        PoolReloader reloader = new PoolReloader(file, PoolReloader.checksum(text), parser, pool, Clock.systemUTC());

        PoolReloader.Outcome outcome = reloader.reload();

        assertThat(outcome).isInstanceOf(PoolReloader.Outcome.Applied.class);
        assertThat(((PoolReloader.Outcome.Applied) outcome).changes().summary())
                .isEqualTo(new PoolChanges.Summary(List.of(), List.of(), List.of(), List.of("a", "b")));
    }

    @Test
    void aMissingFileIsAnErrorThatChangesNothing() throws IOException {
        Path file = dir.resolve("accounts.yml");
        String text = "accounts:\n" + account("a", "");
        AccountsFile parser = new AccountsFile(Map.<String, String>of()::get);
        AccountPool pool = new AccountPool(parser.parse(file.toString(), text), null, new AccountSelector(SelectionStrategy.BEST_WAIT_IDLE), false);
        PoolReloader reloader = new PoolReloader(file, PoolReloader.checksum(text), parser, pool, Clock.systemUTC());

        reloader.check();

        assertThat(reloader.status().lastError()).contains("missing");
        assertThat(pool.configs()).extracting(AccountConfig::id).containsExactly("a");
    }
}
