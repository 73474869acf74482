package dev.mjbridge.config;

import dev.mjbridge.account.SelectionStrategy;
import dev.mjbridge.midjourney.MidjourneyCommands;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;

/**
 * The {@code mj.*} settings of application.yml (see README, "Configuration").
 *
 * @param accountsFile path of accounts.yml; empty = {@code MJ_ACCOUNTS_FILE} or {@code ./accounts.yml},
 *                     and sandbox mode when that default file does not exist
 * @param apiSecret    when set, every /mj call must carry it in the {@code mj-api-secret} header
 * @param notifyHook   global webhook for tasks that name none
 */
@ConfigurationProperties("mj")
public record MjProperties(
        String accountsFile,
        String apiSecret,
        String notifyHook,
        Discord discord,
        Sandbox sandbox,
        Selection selection,
        Tasks tasks,
        MidjourneyCommands commands,
        Midjourney midjourney) {

    @ConstructorBinding
    public MjProperties {
        discord = discord == null ? new Discord(null, null, null, null, null, null) : discord;
        sandbox = sandbox == null ? new Sandbox(null, 0, null, null) : sandbox;
        selection = selection == null ? new Selection(null) : selection;
        tasks = tasks == null ? new Tasks(null, null) : tasks;
        commands = commands == null ? MidjourneyCommands.defaults() : commands;
        midjourney = midjourney == null ? new Midjourney(null) : midjourney;
    }

    /** Without the {@code mj.midjourney} settings (their defaults apply). */
    public MjProperties(String accountsFile, String apiSecret, String notifyHook, Discord discord, Sandbox sandbox,
                        Selection selection, Tasks tasks, MidjourneyCommands commands) {
        this(accountsFile, apiSecret, notifyHook, discord, sandbox, selection, tasks, commands, null);
    }

    /** Never prints the api secret or the global hook (its URL may carry a token of the receiver). */
    @Override
    public String toString() {
        return "MjProperties[accountsFile=" + accountsFile + ", apiSecret=" + (isSet(apiSecret) ? "(set)" : "none")
                + ", notifyHook=" + (isSet(notifyHook) ? "(set)" : "none") + ", discord=" + discord
                + ", sandbox=" + sandbox + ", selection=" + selection + ", tasks=" + tasks + ", midjourney=" + midjourney + "]";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Discord's base URLs (only these differ between Discord and a standalone sandbox), and
     * {@code captureDir}: when set, Midjourney's dispatches are appended to daily JSONL files there
     * (see docs/captures.md).
     */
    public record Discord(String server, String gateway, String cdn, String upload, String inpaint,
                          String captureDir) {
        public Discord {
            server = server == null || server.isBlank() ? "https://discord.com" : server;
            gateway = gateway == null || gateway.isBlank() ? "wss://gateway.discord.gg" : gateway;
        }
    }

    /**
     * @param enabled  null = on exactly when no accounts file exists
     * @param port     port of the embedded sandbox (0 = any free port)
     * @param jobTime  how long one simulated fast job runs
     * @param videoTime how long one simulated fast video job runs; null = the sandbox's default
     *                  (a few image jobs, as on Midjourney)
     */
    public record Sandbox(Boolean enabled, int port, Duration jobTime, Duration videoTime) {
        public Sandbox {
            jobTime = jobTime == null ? Duration.ofSeconds(4) : jobTime;
        }
    }

    /**
     * Midjourney's own web addresses.
     *
     * @param cdn where Midjourney serves job files, e.g. the videos at {@code <cdn>/video/<hash>/<n>.mp4};
     *            in sandbox mode the sandbox's base URL is used instead
     */
    public record Midjourney(String cdn) {
        public static final String DEFAULT_CDN = "https://cdn.midjourney.com";

        public Midjourney {
            cdn = cdn == null || cdn.isBlank() ? DEFAULT_CDN : cdn.strip();
        }
    }

    public record Selection(SelectionStrategy strategy) {
        public Selection {
            strategy = strategy == null ? SelectionStrategy.BEST_WAIT_IDLE : strategy;
        }
    }

    /**
     * @param seedTimeout   how long image-seed waits for Midjourney's DM
     * @param timeoutCheck  how often silent tasks are looked for
     */
    public record Tasks(Duration seedTimeout, Duration timeoutCheck) {
        public Tasks {
            seedTimeout = seedTimeout == null ? Duration.ofSeconds(60) : seedTimeout;
            timeoutCheck = timeoutCheck == null ? Duration.ofSeconds(10) : timeoutCheck;
        }
    }
}
