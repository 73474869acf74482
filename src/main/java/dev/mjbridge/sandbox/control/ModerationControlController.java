package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.bot.ModerationDesk;
import dev.mjbridge.sandbox.bot.Standing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Midjourney's moderation beyond a standing: the AI moderator's soft-flag words and how appeals
 * end, a moderator's message waiting for a user (and the block it announces), and timed blocks.
 */
@RestController
public class ModerationControlController {

    private static final long MAX_BLOCK_SECONDS = 30L * 86_400;

    private final SandboxControl control;
    private final ModerationDesk desk;
    private final ObjectMapper json;

    public ModerationControlController(SandboxControl control, ModerationDesk desk, ObjectMapper json) {
        this.control = control;
        this.desk = desk;
        this.json = json;
    }

    @GetMapping("/sandbox/moderation")
    public Map<String, Object> settings() {
        ModerationDesk.Settings settings = desk.settings();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("softFlagWords", settings.softFlagWords());
        view.put("appeals", settings.appealsAccepted() ? "ACCEPT" : "REJECT");
        return view;
    }

    /** Any of {@code softFlagWords} (array of words, {@code []} for none) and {@code appeals} ({@code ACCEPT | REJECT}). */
    @PostMapping("/sandbox/moderation")
    public Map<String, Object> configure(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "softFlagWords", "appeals");
        List<String> words = request.texts("softFlagWords").orElse(null);
        var appeals = request.choice("appeals", Appeals.class);
        desk.configure(java.util.Optional.ofNullable(words), appeals.map(a -> a == Appeals.ACCEPT));
        return settings();
    }

    /**
     * The user gets "Pending mod message" until it presses Acknowledge; the answer shows {@code text} and,
     * with {@code blockSeconds}, blocks the user that long.
     */
    @PostMapping("/sandbox/users/{userId}/mod-message")
    public KnownUser modMessage(@PathVariable String userId, @RequestBody(required = false) String body) {
        requireKnown(userId);
        ControlRequest request = ControlRequest.parse(json, body, "text", "blockSeconds");
        String text = request.text("text").orElse(null);
        long seconds = request.whole("blockSeconds", 0, MAX_BLOCK_SECONDS).orElse(0L);
        desk.modMessage(userId, text, Duration.ofSeconds(seconds));
        control.updateUser(userId, state -> state.withStanding(Standing.PENDING_MOD_MESSAGE));
        return known(userId);
    }

    /** A block that ends by itself: the "Blocked" embed names the time left, and after it the user is GOOD. */
    @PostMapping("/sandbox/users/{userId}/block")
    public KnownUser block(@PathVariable String userId, @RequestBody(required = false) String body) {
        requireKnown(userId);
        ControlRequest request = ControlRequest.parse(json, body, "seconds");
        long seconds = request.whole("seconds", 1, MAX_BLOCK_SECONDS)
                .orElseThrow(() -> new BadControlRequest("seconds is required (1.." + MAX_BLOCK_SECONDS + ")"));
        desk.blockFor(userId, Duration.ofSeconds(seconds));
        control.updateUser(userId, state -> state.withStanding(Standing.BLOCKED));
        return known(userId);
    }

    private KnownUser known(String userId) {
        return control.knownUser(userId).orElseThrow(() -> UserControlController.unknownUser(userId));
    }

    private void requireKnown(String userId) {
        known(userId);
    }

    /** How the moderators decide appeals. */
    enum Appeals {
        ACCEPT, REJECT
    }
}
