package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;

/** The Midjourney bot's clock: job time scale, pause and resume. */
@RestController
@RequestMapping("/sandbox/bot")
public class BotControlController {

    static final long MAX_JOB_MS = 3_600_000;

    /** {@code relaxFactor}: a relax job takes this many times a fast one; turbo takes half. */
    public record BotView(long fastJobMs, long fastVideoMs, int relaxFactor, boolean paused) {
    }

    private final SandboxControl control;
    private final ObjectMapper json;

    public BotControlController(SandboxControl control, ObjectMapper json) {
        this.control = control;
        this.json = json;
    }

    @GetMapping
    public BotView bot() {
        return new BotView(control.fastJobDuration().toMillis(), control.fastVideoDuration().toMillis(),
                SandboxSettings.RELAX_FACTOR, control.botPaused());
    }

    /** {@code {"fastJobMs": 2000}} or {@code {"fastJobSeconds": 2.5}}. */
    @PutMapping("/job-duration")
    public BotView jobDuration(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "fastJobMs", "fastJobSeconds");
        var millis = request.whole("fastJobMs", 1, MAX_JOB_MS);
        var seconds = request.number("fastJobSeconds", 0.001, MAX_JOB_MS / 1000.0);
        if (millis.isPresent() == seconds.isPresent()) {
            throw new BadControlRequest("give exactly one of fastJobMs (1.." + MAX_JOB_MS + ") or fastJobSeconds");
        }
        long value = millis.orElseGet(() -> Math.max(1, Math.round(seconds.get() * 1000)));
        control.setFastJobDuration(Duration.ofMillis(value));
        return bot();
    }

    /** {@code {"fastVideoMs": 20000}} or {@code {"fastVideoSeconds": 20}}: how long a fast video job runs. */
    @PutMapping("/video-duration")
    public BotView videoDuration(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "fastVideoMs", "fastVideoSeconds");
        var millis = request.whole("fastVideoMs", 1, MAX_JOB_MS);
        var seconds = request.number("fastVideoSeconds", 0.001, MAX_JOB_MS / 1000.0);
        if (millis.isPresent() == seconds.isPresent()) {
            throw new BadControlRequest("give exactly one of fastVideoMs (1.." + MAX_JOB_MS + ") or fastVideoSeconds");
        }
        long value = millis.orElseGet(() -> Math.max(1, Math.round(seconds.get() * 1000)));
        control.setFastVideoDuration(Duration.ofMillis(value));
        return bot();
    }

    @PostMapping("/pause")
    public BotView pause() {
        control.pauseBot();
        return bot();
    }

    @PostMapping("/resume")
    public BotView resume() {
        control.resumeBot();
        return bot();
    }
}
