package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.rest.DiscordErrors;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Slash commands (type 2): the command id must be one of the application's, at its
 * current version, with its required options; then each command goes to its handler.
 */
@Component
class CommandRouter {

    static final int UNKNOWN_APPLICATION_COMMAND = 10063;

    private final CommandCatalog catalog;
    private final AccountGate gate;
    private final JobStarter starter;
    private final DescribeHandler describe;
    private final BlendHandler blend;
    private final ShortenHandler shorten;
    private final SeedHandler seeds;
    private final InfoHandler info;
    private final SettingsHandler settings;
    private final ErrorEmbeds errors;

    CommandRouter(ErrorEmbeds errors, CommandCatalog catalog, AccountGate gate, JobStarter starter, DescribeHandler describe,
                  BlendHandler blend, ShortenHandler shorten, SeedHandler seeds, InfoHandler info,
                  SettingsHandler settings) {
        this.errors = errors;
        this.catalog = catalog;
        this.gate = gate;
        this.starter = starter;
        this.describe = describe;
        this.blend = blend;
        this.shorten = shorten;
        this.seeds = seeds;
        this.info = info;
        this.settings = settings;
    }

    Decision route(Interaction interaction) {
        Optional<ApplicationCommand> found = catalog.find(interaction.app(), interaction.data().path("id").asString(""));
        if (found.isEmpty()) {
            return Decision.reject(404, DiscordErrors.body("Unknown application command", UNKNOWN_APPLICATION_COMMAND));
        }
        ApplicationCommand command = found.get();
        if (!command.version().equals(interaction.data().path("version").asString(""))) {
            return Decision.reject(400, DiscordErrors.invalidFormBody("data",
                    "INTERACTION_APPLICATION_COMMAND_INVALID_VERSION",
                    "This command is outdated, please try again in a few minutes"));
        }
        Optional<String> missing = CommandOptions.missingRequired(interaction.data(), command.kind());
        if (missing.isPresent()) {
            return Decision.reject(400, DiscordErrors.invalidFormBody("data.options", "APPLICATION_COMMAND_OPTION_REQUIRED",
                    "The option " + missing.get() + " is required."));
        }
        Interaction named = interaction.withCommandName(command.name());
        return switch (command.kind()) {
            case IMAGINE -> imagine(named);
            case DESCRIBE -> describe.command(named);
            case BLEND -> blend.command(named);
            case SHORTEN -> shorten.command(named);
            case SHOW -> seeds.show(named);
            case INFO -> info.show(named);
            case SETTINGS -> settings.show(named);
            case FAST -> settings.switchMode(named, SpeedMode.FAST);
            case RELAX -> settings.switchMode(named, SpeedMode.RELAX);
            case TURBO -> settings.switchMode(named, SpeedMode.TURBO);
        };
    }

    private Decision imagine(Interaction command) {
        String prompt = CommandOptions.string(command.data(), "prompt").orElse("");
        if (VideoPrompts.isVideo(prompt)) {
            return gate.captcha(command).orElseGet(() -> Decision.success(() -> video(command, prompt)));
        }
        return gate.captcha(command).orElseGet(() ->
                Decision.success(() -> starter.start(JobRequest.of(command, JobKind.IMAGINE, "", prompt))));
    }

    /** {@code --video 1} animates the image the prompt starts from; without one there is nothing to animate. */
    private void video(Interaction command, String prompt) {
        if (!VideoPrompts.hasImageLink(prompt)) {
            errors.post(command, ErrorKind.INVALID_PARAMETER, "`--video` needs an image: start the prompt with an image link.");
            return;
        }
        ImageSize size = ImageSize.gridFor(PromptParams.parse(prompt).aspectRatio()).half();
        starter.start(JobRequest.of(command, JobKind.VIDEO, "", prompt).withSize(size));
    }
}
