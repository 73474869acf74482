package dev.mjbridge.sandbox;

import dev.mjbridge.sandbox.cdn.MidjourneyFiles;
import dev.mjbridge.sandbox.control.AccountsFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar mj-bridge.jar sandbox [--port 8090] [--job-seconds 4] [--video-seconds 20] [--strict]
 * [--heartbeat-ms 41250] [--rate-limit N] [--accounts FILE] [--bots midjourney,niji] [--link-hours 24]}:
 * only the simulated Discord, for any client. See docs/sandbox.md.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    private static final String USAGE = "usage: java -jar mj-bridge.jar sandbox [--port 8090] [--job-seconds 4]"
            + " [--video-seconds 20] [--strict] [--heartbeat-ms 41250] [--rate-limit N] [--accounts accounts.yml]"
            + " [--bots midjourney,niji] [--link-hours 24]";

    public static void run(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            System.out.println("See docs/sandbox.md for the control API, scenarios and faults.");
            return;
        }
        SandboxSettings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SandboxServer server = SandboxServer.start(settings);
        System.out.println("mj-bridge sandbox: simulated Discord + Midjourney bot is running");
        System.out.println("  REST base (mj.discord.server)   " + server.restBaseUrl()
                + "   (clients append /api/v9 or /api/v10)");
        System.out.println("  gateway   (mj.discord.gateway)  " + server.gatewayUrl());
        System.out.println("  control API (no auth!)          " + server.restBaseUrl() + "/sandbox"
                + "   (GET it for the list of endpoints)");
        System.out.println("  mode                            " + (settings.strict() ? "strict: only the configured accounts"
                : "open: any token becomes a user on first use"));
        System.out.println("  bots in every guild             " + String.join(", ", settings.bots()));
        System.out.println("  attachment links last           " + settings.linkLifetime().toSeconds() + " s"
                + "   (Midjourney CDN: " + server.restBaseUrl() + MidjourneyFiles.BASE_PATH + ")");
        if (!settings.accounts().isEmpty()) {
            System.out.println("  accounts                        " + AccountsFile.describe(settings.accounts()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    public static SandboxSettings parse(String[] args) {
        SandboxSettings settings = SandboxSettings.defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--strict" -> settings = settings.withStrict(true);
                case "--port" -> settings = settings.withPort(intValue(flag, args, ++i, 0, 65_535));
                case "--job-seconds" -> settings = settings.withFastJobDuration(
                        Duration.ofMillis(Math.round(doubleValue(flag, args, ++i) * 1000)));
                case "--heartbeat-ms" -> settings = settings.withHeartbeatIntervalMs(intValue(flag, args, ++i, 100, 600_000));
                case "--rate-limit" -> settings = settings.withRestRequestsPerSecond(intValue(flag, args, ++i, 0, 100_000));
                case "--video-seconds" -> settings = settings.withVideoJobDuration(
                        Duration.ofMillis(Math.round(doubleValue(flag, args, ++i) * 1000)));
                case "--accounts" -> {
                    Path file = Path.of(value(flag, args, ++i));
                    settings = settings.withAccounts(AccountsFile.read(file));
                    Optional<Set<String>> bots = AccountsFile.readBots(file);
                    if (bots.isPresent()) {
                        settings = settings.withBots(bots.get());
                    }
                }
                case "--link-hours" -> settings = settings.withLinkLifetime(linkLifetime(value(flag, args, ++i)));
                case "--bots" -> settings = settings.withBots(bots(value(flag, args, ++i)));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return settings;
    }

    /** {@code midjourney,niji}: which bots sit in the guilds. */
    static Set<String> bots(String list) {
        Set<String> bots = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String bot = name.strip().toLowerCase(Locale.ROOT);
            if (!SandboxSettings.ALL_BOTS.contains(bot)) {
                throw new IllegalArgumentException("--bots takes midjourney and/or niji, got " + name.strip());
            }
            bots.add(bot);
        }
        if (bots.isEmpty()) {
            throw new IllegalArgumentException("--bots needs at least one of midjourney, niji");
        }
        return bots;
    }

    /** {@code --link-hours}: decimal hours, one second to a year (0.01 = 36 s, for trying expiry by hand). */
    static Duration linkLifetime(String raw) {
        try {
            double hours = Double.parseDouble(raw);
            long seconds = Math.round(hours * 3600);
            if (!(seconds >= 1 && hours <= 24 * 366)) {
                throw new IllegalArgumentException("--link-hours must be between 0.0003 (one second) and 8784, got " + raw);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--link-hours must be a number of hours, got " + raw);
        }
    }

    private static String value(String flag, String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int intValue(String flag, String[] args, int index, int min, int max) {
        String raw = value(flag, args, index);
        try {
            int parsed = Integer.parseInt(raw);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(flag + " must be between " + min + " and " + max + ", got " + raw);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, got " + raw);
        }
    }

    private static double doubleValue(String flag, String[] args, int index) {
        String raw = value(flag, args, index);
        try {
            double parsed = Double.parseDouble(raw);
            if (!(parsed > 0 && parsed <= 3600)) {
                throw new IllegalArgumentException(flag + " must be between 0 and 3600 seconds, got " + raw);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number of seconds, got " + raw);
        }
    }
}
