package dev.mjbridge.config;

import static dev.mjbridge.config.SettingChecks.HTTP;
import static dev.mjbridge.config.SettingChecks.WEBSOCKET;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code mj.*} settings every layer reads (see README, "Configuration"). Settings that one
 * package owns are bound there ({@code mj.notify.*} in notify, {@code mj.selection}/{@code mj.commands}
 * in account, {@code mj.limits}/{@code mj.rate-limit} in api), so this package imports none of them.
 * <p>
 * Each default is written once, in the record below that owns the key; application.yml only names
 * the keys. A value given but unusable stops start-up with the key and the reason
 * ({@link InvalidSettingException}).
 *
 * @param accountsFile path of accounts.yml; empty = {@code MJ_ACCOUNTS_FILE} or {@code ./accounts.yml},
 *                     and sandbox mode when that default file does not exist
 * @param apiSecret    when set, every /mj call must carry it in the {@code mj-api-secret} header
 * @param notifyHook   global webhook (an http(s) URL) for tasks that name none; null = none
 */
@ConfigurationProperties("mj")
public record MjProperties(
        String accountsFile,
        String apiSecret,
        String notifyHook,
        Discord discord,
        Sandbox sandbox,
        Tasks tasks,
        Midjourney midjourney) {

    public MjProperties {
        notifyHook = SettingChecks.secretUrl("mj.notify-hook", notifyHook, HTTP, null);
        discord = discord == null ? new Discord(null, null, null, null, null, null) : discord;
        sandbox = sandbox == null ? new Sandbox(null, 0, null, null, null) : sandbox;
        tasks = tasks == null ? new Tasks(null, null, null) : tasks;
        midjourney = midjourney == null ? new Midjourney(null) : midjourney;
    }

    /** Every setting at its default. */
    public static MjProperties defaults() {
        return new MjProperties(null, null, null, null, null, null, null);
    }

    /** Never prints the api secret or the global hook (its URL may carry a token of the receiver). */
    @Override
    public String toString() {
        return "MjProperties[accountsFile=" + accountsFile + ", apiSecret=" + (isSet(apiSecret) ? "(set)" : "none")
                + ", notifyHook=" + (isSet(notifyHook) ? "(set)" : "none") + ", discord=" + discord
                + ", sandbox=" + sandbox + ", tasks=" + tasks + ", midjourney=" + midjourney + "]";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Discord's base URLs (only these differ between Discord and a standalone sandbox), and
     * {@code captureDir}: when set, Midjourney's dispatches are appended to daily JSONL files there
     * (see docs/captures.md). Empty {@code cdn}/{@code upload} = links as Discord sends them; empty
     * {@code inpaint} = Midjourney's own vary-region app (the discord package knows its address).
     */
    public record Discord(String server, String gateway, String cdn, String upload, String inpaint,
                          String captureDir) {
        public Discord {
            server = SettingChecks.url("mj.discord.server", server, HTTP, "https://discord.com");
            gateway = SettingChecks.url("mj.discord.gateway", gateway, WEBSOCKET, "wss://gateway.discord.gg");
            cdn = SettingChecks.url("mj.discord.cdn", cdn, HTTP, "");
            upload = SettingChecks.url("mj.discord.upload", upload, HTTP, "");
            inpaint = SettingChecks.url("mj.discord.inpaint", inpaint, HTTP, null);
        }
    }

    /**
     * @param enabled  null = on exactly when no accounts file exists
     * @param port     port of the embedded sandbox (0 = any free port)
     * @param jobTime  how long one simulated fast job runs
     * @param videoTime how long one simulated fast video job runs; null = the sandbox's default
     *                  (a few image jobs, as on Midjourney)
     * @param linkLifetime how long the attachment links the sandbox hands out work ({@code ex} - {@code is});
     *                  null = the sandbox's default, 24 h as on Discord
     */
    public record Sandbox(Boolean enabled, int port, Duration jobTime, Duration videoTime, Duration linkLifetime) {
        public Sandbox {
            SettingChecks.between("mj.sandbox.port", port, 0, 65535);
            jobTime = SettingChecks.positive("mj.sandbox.job-time", jobTime, Duration.ofSeconds(4));
            videoTime = SettingChecks.positiveOrNone("mj.sandbox.video-time", videoTime);
            linkLifetime = SettingChecks.positiveOrNone("mj.sandbox.link-lifetime", linkLifetime);
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
            cdn = SettingChecks.url("mj.midjourney.cdn", cdn, HTTP, DEFAULT_CDN);
        }
    }

    /**
     * @param seedTimeout   how long image-seed waits for Midjourney's DM
     * @param timeoutCheck  how often silent tasks are looked for
     * @param maxWait       a task no account can take now because of its pacing (daily limit, work
     *                      hours) is queued when an account will take it within this, else refused
     */
    public record Tasks(Duration seedTimeout, Duration timeoutCheck, Duration maxWait) {
        public Tasks {
            maxWait = SettingChecks.positive("mj.tasks.max-wait", maxWait, Duration.ofMinutes(10));
            seedTimeout = SettingChecks.positive("mj.tasks.seed-timeout", seedTimeout, Duration.ofSeconds(60));
            timeoutCheck = SettingChecks.positive("mj.tasks.timeout-check", timeoutCheck, Duration.ofSeconds(10));
        }
    }
}
