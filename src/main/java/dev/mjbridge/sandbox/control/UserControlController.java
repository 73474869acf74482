package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.bot.ModerationDesk;
import dev.mjbridge.sandbox.bot.Plan;
import dev.mjbridge.sandbox.bot.SpeedMode;
import dev.mjbridge.sandbox.bot.Standing;
import dev.mjbridge.sandbox.bot.UserState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Users by user id (never by token): list them, and change what Midjourney knows of one
 * (plan, fast hours, mode, remix, stealth, standing, captcha, job limits).
 */
@RestController
@RequestMapping("/sandbox/users")
public class UserControlController {

    private static final long MAX_FAST_SECONDS = 10_000L * 3600;

    private final SandboxControl control;
    private final ObjectMapper json;
    private final ModerationDesk moderation;

    public UserControlController(SandboxControl control, ObjectMapper json, ModerationDesk moderation) {
        this.control = control;
        this.json = json;
        this.moderation = moderation;
    }

    @GetMapping
    public Map<String, List<KnownUser>> users() {
        return Map.of("users", control.users());
    }

    @GetMapping("/{userId}")
    public KnownUser user(@PathVariable String userId) {
        return control.knownUser(userId).orElseThrow(() -> unknownUser(userId));
    }

    /**
     * Any of {@code plan, fastHours | fastSeconds, mode, remix, stealth, standing, captchaNext,
     * concurrentJobs, queueSize}; fields left out keep their value.
     */
    @PatchMapping("/{userId}")
    public KnownUser update(@PathVariable String userId, @RequestBody(required = false) String body) {
        requireKnown(userId);
        ControlRequest request = ControlRequest.parse(json, body, "plan", "fastHours", "fastSeconds",
                "mode", "remix", "stealth", "standing", "captchaNext", "concurrentJobs", "queueSize");
        UnaryOperator<UserState> change = changeFrom(request);
        if (request.has("standing")) {
            // A standing set by hand is not timed, and forgets a moderator's message not yet acknowledged.
            moderation.forget(userId);
        }
        control.updateUser(userId, change);
        return user(userId);
    }

    @PostMapping("/{userId}/ban")
    public KnownUser ban(@PathVariable String userId) {
        requireKnown(userId);
        moderation.forget(userId);
        control.ban(userId);
        return user(userId);
    }

    @PostMapping("/{userId}/unban")
    public KnownUser unban(@PathVariable String userId) {
        requireKnown(userId);
        moderation.forget(userId);
        control.unban(userId);
        return user(userId);
    }

    private static UnaryOperator<UserState> changeFrom(ControlRequest request) {
        var plan = request.choice("plan", Plan.class);
        var fastHours = request.number("fastHours", 0, MAX_FAST_SECONDS / 3600.0);
        var fastSeconds = request.whole("fastSeconds", 0, MAX_FAST_SECONDS);
        var mode = request.choice("mode", SpeedMode.class);
        var remix = request.bool("remix");
        var stealth = request.bool("stealth");
        var standing = request.choice("standing", Standing.class);
        var captchaNext = request.bool("captchaNext");
        var concurrent = request.whole("concurrentJobs", 1, 100);
        var queue = request.whole("queueSize", 0, 1000);
        if (fastHours.isPresent() && fastSeconds.isPresent()) {
            throw new BadControlRequest("give fastHours or fastSeconds, not both");
        }
        return state -> {
            UserState next = state;
            next = plan.map(next::withPlan).orElse(next);
            if (fastHours.isPresent()) {
                next = next.withFastSecondsRemaining(Math.round(fastHours.get() * 3600));
            }
            next = fastSeconds.map(next::withFastSecondsRemaining).orElse(next);
            next = mode.map(next::withMode).orElse(next);
            next = remix.map(next::withRemix).orElse(next);
            next = stealth.map(next::withStealth).orElse(next);
            next = standing.map(next::withStanding).orElse(next);
            next = captchaNext.map(next::withCaptchaNext).orElse(next);
            if (concurrent.isPresent() || queue.isPresent()) {
                next = next.withLimits(concurrent.map(Long::intValue).orElse(next.concurrentJobs()),
                        queue.map(Long::intValue).orElse(next.queueSize()));
            }
            return next;
        };
    }

    private void requireKnown(String userId) {
        if (control.knownUser(userId).isEmpty()) {
            throw unknownUser(userId);
        }
    }

    static UnknownControlTarget unknownUser(String userId) {
        return new UnknownControlTarget("unknown user " + userId + "; a user exists once its token made a REST call or"
                + " a gateway IDENTIFY, or when it is a configured account (GET /sandbox/users lists them)");
    }
}
