package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;

/** The slow-CDN fault: every image download waits this long. */
@RestController
@RequestMapping("/sandbox/cdn")
public class CdnControlController {

    public record CdnDelay(long delayMs) {
    }

    private final SandboxControl control;
    private final ObjectMapper json;

    public CdnControlController(SandboxControl control, ObjectMapper json) {
        this.control = control;
        this.json = json;
    }

    @GetMapping("/delay")
    public CdnDelay delay() {
        return new CdnDelay(control.cdnDelay().toMillis());
    }

    /** {@code {"delayMs": 3000}}; 0 turns it off. */
    @PutMapping("/delay")
    public CdnDelay setDelay(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "delayMs");
        long millis = request.requiredWhole("delayMs", 0, 600_000);
        control.setCdnDelay(Duration.ofMillis(millis));
        return delay();
    }
}
