package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.bot.ApplicationCommand;
import dev.mjbridge.sandbox.bot.BotApp;
import dev.mjbridge.sandbox.bot.CommandCatalog;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.Guild;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Where clients read the current command ids and versions: the command index of a
 * channel or guild (both applications), and one application's command list.
 */
@RestController
@RequestMapping({"/api/v9", "/api/v10"})
public class ApplicationCommandController {

    private static final int UNKNOWN_GUILD = 10004;

    private final CommandCatalog catalog;
    private final World world;

    public ApplicationCommandController(CommandCatalog catalog, World world) {
        this.catalog = catalog;
        this.world = world;
    }

    @GetMapping("/channels/{channelId}/application-command-index")
    public ResponseEntity<?> channelIndex(@RequestAttribute(RestGate.USER) SandboxUser user,
                                          @PathVariable String channelId) {
        Optional<Channel> channel = world.accessibleChannel(user, null, channelId);
        if (channel.isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        return ResponseEntity.ok(index(channel.get().guildId()));
    }

    /**
     * The older search route ({@code ?type=1&query=ima&limit=10}): the present bots' commands
     * whose name starts with the query, in the index's shape.
     */
    @GetMapping("/channels/{channelId}/application-commands/search")
    public ResponseEntity<?> search(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId,
                                    @RequestParam(name = "query", required = false) String query,
                                    @RequestParam(name = "limit", required = false, defaultValue = "25") int limit) {
        Optional<Channel> channel = world.accessibleChannel(user, null, channelId);
        if (channel.isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        ObjectNode index = index(channel.get().guildId());
        String prefix = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        ArrayNode matching = JsonNodeFactory.instance.arrayNode();
        for (var command : index.path("application_commands")) {
            if (command.path("name").asString("").startsWith(prefix) && matching.size() < Math.max(1, limit)) {
                matching.add(command);
            }
        }
        index.set("application_commands", matching);
        index.putObject("cursor").putNull("next").putNull("previous").putNull("repaired");
        return ResponseEntity.ok(index);
    }

    @GetMapping("/guilds/{guildId}/application-command-index")
    public ResponseEntity<?> guildIndex(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String guildId) {
        Optional<Guild> guild = world.accessibleGuild(user, guildId);
        if (guild.isEmpty()) {
            return DiscordErrors.respond(HttpStatus.NOT_FOUND, DiscordErrors.body("Unknown Guild", UNKNOWN_GUILD));
        }
        return ResponseEntity.ok(index(guildId));
    }

    @GetMapping("/applications/{applicationId}/commands")
    public ResponseEntity<?> commands(@PathVariable String applicationId) {
        Optional<BotApp> app = BotApp.byApplicationId(applicationId).filter(a -> world.botPresent(a.applicationId(), null));
        if (app.isEmpty()) {
            return DiscordErrors.respond(HttpStatus.NOT_FOUND,
                    DiscordErrors.body("Unknown Application", DiscordErrors.UNKNOWN_APPLICATION));
        }
        ArrayNode commands = JsonNodeFactory.instance.arrayNode();
        catalog.commands(app.get()).forEach(command -> commands.add(command.toJson()));
        return ResponseEntity.ok(commands);
    }

    /** The commands of the bots that sit in the guild (all configured bots in a DM). */
    private ObjectNode index(String guildId) {
        ObjectNode index = JsonNodeFactory.instance.objectNode();
        ArrayNode applications = index.putArray("applications");
        ArrayNode commands = index.putArray("application_commands");
        StringBuilder versions = new StringBuilder();
        for (BotApp app : BotApp.values()) {
            if (!world.botPresent(app.applicationId(), guildId)) {
                continue;
            }
            applications.add(app.application());
            for (ApplicationCommand command : catalog.commands(app)) {
                commands.add(command.toJson());
                versions.append(command.version());
            }
        }
        // The index version changes whenever a command version does, as Discord's does.
        index.put("version", Integer.toUnsignedString(versions.toString().hashCode()));
        return index;
    }
}
