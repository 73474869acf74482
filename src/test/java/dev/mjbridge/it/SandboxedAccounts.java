package dev.mjbridge.it;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountState;
import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.bot.Job;
import dev.mjbridge.testing.Waits;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * A standalone sandbox in strict mode with {@code n} accounts (each its own user and
 * channel, all in one guild), and the accounts.yml that points the proxy at it as it
 * would point at Discord: only {@code mj.discord.*} and the accounts file differ, the
 * built-in sandbox stays off. Tests start one per class from {@code @DynamicPropertySource}.
 */
public final class SandboxedAccounts implements AutoCloseable {

    private static final String GUILD = "1300000000000000001";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The property naming, in an application context, the sandbox it was pointed at. */
    private static final String HANDLE = "mj-test.sandboxed-accounts";
    /** Registered with an application context and not closed yet, by handle. */
    private static final Map<String, SandboxedAccounts> OPEN = new ConcurrentHashMap<>();
    private static final AtomicInteger HANDLES = new AtomicInteger();

    /**
     * Import it into a test that {@link #register registers} its sandbox: the sandbox is then
     * closed with the application context, after its accounts disconnected (closed before, it would
     * have them reconnecting to nothing while the context shuts down).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class ClosedWithTheApplication {
        @Bean
        AutoCloseable sandboxedAccountsShutdown(@Value("${" + HANDLE + "}") String handle) {
            return () -> {
                SandboxedAccounts sandbox = OPEN.remove(handle);
                if (sandbox != null) {
                    sandbox.close();
                }
            };
        }
    }

    private final String handle = "sandbox-" + HANDLES.incrementAndGet();
    private final SandboxServer sandbox;
    private final List<SandboxAccount> users;
    private final Path accountsFile;

    private SandboxedAccounts(SandboxServer sandbox, List<SandboxAccount> users, Path accountsFile) {
        this.sandbox = sandbox;
        this.users = users;
        this.accountsFile = accountsFile;
    }

    /**
     * @param settings       the sandbox's settings; its accounts are replaced by the generated ones
     * @param count          how many accounts
     * @param dir            where accounts.yml is written
     * @param timeoutMinutes each account's {@code timeoutMinutes}
     */
    public static SandboxedAccounts start(SandboxSettings settings, int count, Path dir, int timeoutMinutes) {
        return start(settings, count, dir, timeoutMinutes, n -> "");
    }

    /**
     * @param extraKeys more accounts.yml lines for the n-th account (1-based), each indented by four
     *                  spaces and ending in a newline; "" for none
     */
    public static SandboxedAccounts start(SandboxSettings settings, int count, Path dir, int timeoutMinutes,
                                          IntFunction<String> extraKeys) {
        return start(settings, count, dir, timeoutMinutes, extraKeys, n -> false);
    }

    /**
     * @param withBot which accounts (1-based) get a bot listener: a {@code botToken} in accounts.yml
     *                ({@link #botToken(int)}) that the sandbox admits as a bot in the account's guild
     *                and channel ({@link #botUserId(int)})
     */
    public static SandboxedAccounts start(SandboxSettings settings, int count, Path dir, int timeoutMinutes,
                                          IntFunction<String> extraKeys, IntPredicate withBot) {
        List<SandboxAccount> users = new ArrayList<>();
        List<SandboxAccount> bots = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("accounts:\n");
        for (int i = 1; i <= count; i++) {
            SandboxAccount user = new SandboxAccount("sandboxed-token-" + i, "13000000000000001" + (10 + i),
                    "sandboxed-" + i, GUILD, "13000000000000002" + (10 + i));
            users.add(user);
            yaml.append("  - id: ").append(accountId(i)).append('\n')
                    .append("    guildId: \"").append(GUILD).append("\"\n")
                    .append("    channelId: \"").append(user.channelId()).append("\"\n")
                    .append("    userToken: \"").append(user.token()).append("\"\n")
                    .append("    concurrency: 3\n")
                    .append("    queueSize: 10\n")
                    .append("    timeoutMinutes: ").append(timeoutMinutes).append('\n')
                    .append(extraKeys.apply(i));
            if (withBot.test(i)) {
                bots.add(SandboxAccount.bot(botToken(i), botUserId(i), "listener-" + i, GUILD, user.channelId()));
                yaml.append("    botToken: \"").append(botToken(i)).append("\"\n");
            }
        }
        Path file = dir.resolve("accounts.yml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SandboxAccount> admitted = new ArrayList<>(users);
        admitted.addAll(bots);
        SandboxServer server = SandboxServer.start(settings.withStrict(true).withAccounts(admitted));
        return new SandboxedAccounts(server, List.copyOf(users), file);
    }

    /** The bot token of the n-th account's listener, when it has one. */
    public static String botToken(int n) {
        return "sandboxed-bot-token-" + n;
    }

    /** The Discord user id of the n-th account's listener bot. */
    public static String botUserId(int n) {
        return "13000000000000003" + (10 + n);
    }

    /** The id of the n-th account (1-based) in accounts.yml. */
    public static String accountId(int n) {
        return "acc-" + n;
    }

    /** Points the proxy at this sandbox, with a database of its own. */
    public void register(DynamicPropertyRegistry registry) {
        OPEN.put(handle, this);
        registry.add(HANDLE, () -> handle);
        proxyProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:sandboxed-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * The settings that point a proxy at this sandbox (no database), for tests that start the
     * application themselves, several of them on one sandbox.
     */
    public Map<String, String> proxyProperties() {
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("mj.sandbox.enabled", "false");
        properties.put("mj.accounts-file", accountsFile.toString());
        properties.put("mj.discord.server", sandbox.restBaseUrl());
        properties.put("mj.discord.gateway", sandbox.gatewayUrl());
        properties.put("mj.discord.inpaint", sandbox.restBaseUrl());
        properties.put("mj.tasks.timeout-check", "1s");
        return properties;
    }

    public SandboxControl control() {
        return sandbox.control();
    }

    public int size() {
        return users.size();
    }

    /** The Discord user id of the n-th account (1-based). */
    public String userId(int n) {
        return users.get(n - 1).userId();
    }

    /** The Discord user id behind an account id of accounts.yml. */
    public String userIdOf(String accountId) {
        return userId(Integer.parseInt(accountId.substring("acc-".length())));
    }

    public String channelId(int n) {
        return users.get(n - 1).channelId();
    }

    /** The token of the n-th simulated user (1-based), for tests that write accounts.yml themselves. */
    public String token(int n) {
        return users.get(n - 1).token();
    }

    /** The guild every simulated user is in. */
    public static String guildId() {
        return GUILD;
    }

    /** The accounts.yml the proxy is pointed at. */
    public Path accountsFile() {
        return accountsFile;
    }

    /**
     * The sandbox job whose image a finished task shows, checked to be the job the task's
     * own interaction (its nonce) started, and that its Discord image link names (the task's
     * {@code imageUrl} is the stored copy's link, which names no job).
     */
    public Job ownJob(JsonNode task) {
        JsonNode properties = task.path("properties");
        String hash = properties.path("messageHash").asString(null);
        if (hash == null || !properties.path("discordImageUrl").asString("").contains(hash)) {
            throw new AssertionError("task shows no job of its own: " + task);
        }
        Job job = control().bot().job(hash).orElseThrow(() -> new AssertionError("the sandbox ran no job " + hash));
        if (!Objects.equals(job.origin().nonce(), properties.path("nonce").asString(null))) {
            throw new AssertionError("task shows job " + hash + " of nonce " + job.origin().nonce() + ": " + task);
        }
        return job;
    }

    /** Waits until every account of the pool is READY, or fails the test with every account's state. */
    public static void awaitAllReady(AccountPool pool, Duration wait) {
        Waits.await("every account READY", wait).pollInterval(Duration.ofMillis(20))
                .until(pool::accounts, accounts -> accounts.stream().allMatch(a -> a.state() == AccountState.READY));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
