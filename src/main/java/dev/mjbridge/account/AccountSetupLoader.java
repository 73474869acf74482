package dev.mjbridge.account;

import dev.mjbridge.config.MjProperties;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.SimulatedDiscordProvider;
import dev.mjbridge.midjourney.BotType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Decides what this instance runs against. An accounts file named by
 * {@code mj.accounts-file} or {@code MJ_ACCOUNTS_FILE} must exist; without one,
 * {@code ./accounts.yml} is used when present, and otherwise the built-in sandbox
 * starts with two simulated accounts (and says so loudly).
 */
public final class AccountSetupLoader {

    private static final Logger log = LoggerFactory.getLogger(AccountSetupLoader.class);
    static final Path DEFAULT_FILE = Path.of("accounts.yml");
    static final String SANDBOX_GUILD = "1100000000000000001";
    static final String SANDBOX_CHANNEL = "1100000000000000002";

    private final MjProperties properties;
    private final Map<String, String> environment;

    public AccountSetupLoader(MjProperties properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public AccountSetup load() {
        String explicit = firstNonBlank(properties.accountsFile(), environment.get("MJ_ACCOUNTS_FILE"));
        Boolean sandboxWanted = properties.sandbox().enabled();
        if (Boolean.TRUE.equals(sandboxWanted)) {
            return startSandbox();
        }
        if (explicit != null) {
            Path file = Path.of(explicit);
            if (!Files.isRegularFile(file)) {
                throw new AccountsFileException("The accounts file " + file.toAbsolutePath()
                        + " (from mj.accounts-file / MJ_ACCOUNTS_FILE) does not exist");
            }
            return fromFile(file);
        }
        if (Files.isRegularFile(DEFAULT_FILE)) {
            return fromFile(DEFAULT_FILE);
        }
        if (Boolean.FALSE.equals(sandboxWanted)) {
            throw new AccountsFileException("No accounts file: create ./accounts.yml (see accounts.example.yml) "
                    + "or set MJ_ACCOUNTS_FILE; the sandbox is disabled (mj.sandbox.enabled=false)");
        }
        return startSandbox();
    }

    private AccountSetup fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new AccountsFileException(file + ": cannot read the accounts file (" + e.getMessage() + ")", e);
        }
        List<AccountConfig> accounts = new AccountsFile(environment::get).parse(file.toString(), text);
        if (accounts.isEmpty()) {
            log.warn("{} lists no accounts: every submit will answer code 23", file);
        }
        MjProperties.Discord d = properties.discord();
        return new AccountSetup(accounts, new DiscordEndpoints(d.server(), d.gateway(), d.cdn(), d.upload(), d.inpaint()),
                null, file, PoolReloader.checksum(text));
    }

    private AccountSetup startSandbox() {
        SimulatedDiscordProvider provider = SimulatedDiscordProvider.find().orElseThrow(() ->
                new AccountsFileException("No accounts file and no built-in sandbox in this build"));
        List<SimulatedDiscordProvider.SimulatedUser> users = List.of(
                new SimulatedDiscordProvider.SimulatedUser("sandbox-token-1", "1100000000000000011", "sandbox-one",
                        SANDBOX_GUILD, SANDBOX_CHANNEL),
                new SimulatedDiscordProvider.SimulatedUser("sandbox-token-2", "1100000000000000012", "sandbox-two",
                        SANDBOX_GUILD, SANDBOX_CHANNEL));
        SimulatedDiscordProvider.Running sandbox = provider.start(properties.sandbox().port(),
                properties.sandbox().jobTime(), properties.sandbox().videoTime(), properties.sandbox().linkLifetime(), users);
        List<AccountConfig> accounts = List.of(sandboxAccount("sandbox-1", users.get(0)), sandboxAccount("sandbox-2", users.get(1)));
        log.warn("""

                ************************************************************************
                *  SANDBOX MODE: no accounts file, so mj-bridge runs against its       *
                *  built-in simulated Discord and Midjourney bot. Nothing reaches      *
                *  Discord; images are generated test pictures stamped "SANDBOX".      *
                *  To use real accounts, create ./accounts.yml (see                    *
                *  accounts.example.yml) or set MJ_ACCOUNTS_FILE, then restart.        *
                ************************************************************************
                  simulated Discord REST: {}  gateway: {}
                """, sandbox.restBaseUrl(), sandbox.gatewayUrl());
        return new AccountSetup(accounts, new DiscordEndpoints(sandbox.restBaseUrl(), sandbox.gatewayUrl(), "", "",
                sandbox.restBaseUrl()), sandbox);
    }

    private static AccountConfig sandboxAccount(String id, SimulatedDiscordProvider.SimulatedUser user) {
        return new AccountConfig(id, user.guildId(), user.channelId(), user.token(), null, true,
                AccountConfig.DEFAULT_CONCURRENCY, AccountConfig.DEFAULT_QUEUE_SIZE, AccountConfig.DEFAULT_TIMEOUT_MINUTES,
                SpeedMode.FAST, EnumSet.allOf(SpeedMode.class), true, EnumSet.allOf(BotType.class), 1,
                "simulated by the built-in sandbox", null, null);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
