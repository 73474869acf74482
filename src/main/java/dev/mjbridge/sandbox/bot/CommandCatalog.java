package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.Snowflakes;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The slash commands of both applications: ids are stable, versions change (Discord
 * answers a stale version with "This command is outdated"), so a test can rotate a
 * version to prove that a client refreshes it from the command index.
 */
@Component
public class CommandCatalog {

    private record Registration(BotApp app, CommandKind kind, String id, String version) {
    }

    /** Midjourney's command ids and versions; fast/relax/turbo versions are the ones the proxy's defaults carry. */
    private static final List<Registration> DEFAULTS = List.of(
            new Registration(BotApp.MIDJOURNEY, CommandKind.IMAGINE, "938956540159881230", "1237876415471554623"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.DESCRIBE, "1092492867185950852", "1237876415471554625"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.BLEND, "1062880104792997970", "1237876415471554624"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.SHORTEN, "1121575372539039774", "1247736572414001223"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.SHOW, "1169435442328911902", "1247736572414001224"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.INFO, "972289487818334209", "1237876415735660565"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.SETTINGS, "1000850743479255081", "1237876415790055475"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.FAST, "972289487818334212", "1237876415735660572"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.RELAX, "972289487818334213", "1237876415735660573"),
            new Registration(BotApp.MIDJOURNEY, CommandKind.TURBO, "1124132684143271996", "1237876415790055474"),
            new Registration(BotApp.NIJI, CommandKind.IMAGINE, "1023054140580057099", "1248805223892254774"),
            new Registration(BotApp.NIJI, CommandKind.DESCRIBE, "1092683500743831652", "1248805223892254776"),
            new Registration(BotApp.NIJI, CommandKind.BLEND, "1061216934374424697", "1248805223892254775"),
            new Registration(BotApp.NIJI, CommandKind.SHORTEN, "1121575453916942376", "1248805223892254777"),
            new Registration(BotApp.NIJI, CommandKind.SHOW, "1023054140580057101", "1248805223892254781"),
            new Registration(BotApp.NIJI, CommandKind.INFO, "1023054140580057102", "1248805223892254782"),
            new Registration(BotApp.NIJI, CommandKind.SETTINGS, "1023054140634579025", "1493662157915684906"),
            new Registration(BotApp.NIJI, CommandKind.FAST, "1023054140580057107", "1248805223892254778"),
            new Registration(BotApp.NIJI, CommandKind.RELAX, "1023054140634579024", "1248805223892254779"));

    private final Snowflakes snowflakes;
    /** Current version per "appId/commandId". */
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public CommandCatalog(Snowflakes snowflakes) {
        this.snowflakes = snowflakes;
        reset();
    }

    /** The command with this id in this application, if it has one. */
    public Optional<ApplicationCommand> find(BotApp app, String commandId) {
        return DEFAULTS.stream()
                .filter(r -> r.app() == app && r.id().equals(commandId))
                .findFirst()
                .map(this::current);
    }

    public Optional<ApplicationCommand> command(BotApp app, CommandKind kind) {
        return DEFAULTS.stream().filter(r -> r.app() == app && r.kind() == kind).findFirst().map(this::current);
    }

    /** Every command of the application, by name. */
    public List<ApplicationCommand> commands(BotApp app) {
        return DEFAULTS.stream().filter(r -> r.app() == app).map(this::current)
                .sorted(Comparator.comparing(ApplicationCommand::name)).toList();
    }

    /** Gives the command a new version, as Midjourney's redeploys do; returns it. */
    public String rotateVersion(BotApp app, CommandKind kind) {
        Registration registration = DEFAULTS.stream().filter(r -> r.app() == app && r.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(app + " has no /" + kind.commandName()));
        String version = snowflakes.next();
        versions.put(key(registration), version);
        return version;
    }

    /** Back to the default versions. */
    public void reset() {
        DEFAULTS.forEach(r -> versions.put(key(r), r.version()));
    }

    private ApplicationCommand current(Registration r) {
        return new ApplicationCommand(r.app(), r.kind(), r.id(), versions.getOrDefault(key(r), r.version()));
    }

    private static String key(Registration r) {
        return r.app().applicationId() + "/" + r.id();
    }
}
