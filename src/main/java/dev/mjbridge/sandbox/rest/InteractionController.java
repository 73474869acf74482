package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.bot.InteractionOutcome;
import dev.mjbridge.sandbox.bot.InteractionReceiver;
import dev.mjbridge.sandbox.control.scenario.ScenarioPlayer;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * {@code POST /interactions}: checks the envelope as Discord does (type, application,
 * channel access, session), records it, and hands it to the application.
 */
@RestController
@RequestMapping({"/api/v9", "/api/v10"})
public class InteractionController {

    private final World world;
    private final InteractionReceiver receiver;
    private final ScenarioPlayer scenarios;
    private final Recorder recorder;
    private final ObjectMapper json;

    public InteractionController(World world, InteractionReceiver receiver, ScenarioPlayer scenarios, Recorder recorder,
                                 ObjectMapper json) {
        this.world = world;
        this.receiver = receiver;
        this.scenarios = scenarios;
        this.recorder = recorder;
        this.json = json;
    }

    @PostMapping(value = "/interactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> interact(@RequestAttribute(RestGate.USER) SandboxUser user, @RequestBody String body) {
        return handle(user, body);
    }

    /** Clients that attach files send the payload as the {@code payload_json} part. */
    @PostMapping(value = "/interactions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> interactMultipart(@RequestAttribute(RestGate.USER) SandboxUser user,
                                               @RequestPart("payload_json") String body) {
        return handle(user, body);
    }

    private ResponseEntity<?> handle(SandboxUser user, String body) {
        JsonNode payload;
        try {
            payload = json.readTree(body);
        } catch (JacksonException e) {
            return DiscordErrors.badRequest(DiscordErrors.body("400: Bad Request", 0));
        }
        if (payload == null || !payload.isObject()) {
            return DiscordErrors.badRequest(DiscordErrors.body("400: Bad Request", 0));
        }
        int type = payload.path("type").asInt(-1);
        if (type != 2 && type != 3 && type != 5) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("type", "BASE_TYPE_CHOICES",
                    "Value must be one of {2, 3, 4, 5}."));
        }
        String applicationId = payload.path("application_id").asString("");
        if (!World.MIDJOURNEY_APP_ID.equals(applicationId) && !World.NIJI_APP_ID.equals(applicationId)) {
            return DiscordErrors.respond(HttpStatus.NOT_FOUND,
                    DiscordErrors.body("Unknown Application", DiscordErrors.UNKNOWN_APPLICATION));
        }
        if (!payload.path("session_id").isString() || payload.path("session_id").asString().isBlank()) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("session_id", "BASE_TYPE_REQUIRED",
                    "This field is required"));
        }
        String nonce = payload.path("nonce").isString() ? payload.path("nonce").asString() : null;
        if (nonce != null && nonce.length() > 25) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("nonce", "BASE_TYPE_MAX_LENGTH",
                    "Must be 25 or fewer in length."));
        }
        Optional<Channel> channel = world.accessibleChannel(user,
                payload.path("guild_id").asString(null), payload.path("channel_id").asString(null));
        if (channel.isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        if (!world.botPresent(applicationId, channel.get().guildId())) {
            // The application is not in this guild: Discord refuses the interaction.
            return DiscordErrors.badRequest(DiscordErrors.body("Unknown Application", DiscordErrors.UNKNOWN_APPLICATION));
        }
        String interactionId = world.snowflakes().next();
        long receivedAt = System.currentTimeMillis();
        InteractionReceiver.InteractionRequest request =
                new InteractionReceiver.InteractionRequest(interactionId, user, channel.get(), payload);
        int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
        try {
            // An armed replay scenario answers in place of the bot (docs/sandbox.md, "Scenarios").
            InteractionOutcome outcome = scenarios.answer(request).orElseGet(() -> receiver.receive(request));
            if (outcome instanceof InteractionOutcome.Rejected rejected) {
                status = rejected.httpStatus();
                return DiscordErrors.respond(HttpStatus.valueOf(rejected.httpStatus()), rejected.body());
            }
            status = HttpStatus.NO_CONTENT.value();
            return ResponseEntity.noContent().build();
        } finally {
            // Recorded with its answer, so a test can count the interactions that may have started a job.
            recorder.interaction(new Recorder.ReceivedInteraction(interactionId, user.id(), type, nonce, payload,
                    receivedAt, status));
        }
    }
}
