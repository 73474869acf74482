package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxControl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;

/**
 * The slow-CDN fault (every image download waits this long) and the signed attachment links:
 * their lifetime, and expiring all links handed out so far at once.
 */
@RestController
@RequestMapping("/sandbox/cdn")
public class CdnControlController {

    public record CdnDelay(long delayMs) {
    }

    public record LinkLifetime(long seconds) {
    }

    public record LinksExpired(boolean expired) {
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

    /** Every attachment link handed out so far answers 404; REST reads of the messages hand out working ones. */
    @PostMapping("/expire-links")
    public LinksExpired expireLinks() {
        control.expireCdnLinks();
        return new LinksExpired(true);
    }

    @GetMapping("/link-lifetime")
    public LinkLifetime linkLifetime() {
        return new LinkLifetime(control.cdnLinkLifetime().toSeconds());
    }

    /** {@code {"seconds": 600}}: links handed out from now on work this long; links out already keep theirs. */
    @PutMapping("/link-lifetime")
    public LinkLifetime setLinkLifetime(@RequestBody(required = false) String body) {
        ControlRequest request = ControlRequest.parse(json, body, "seconds");
        long seconds = request.requiredWhole("seconds", 1, 366L * 24 * 3600);
        control.setCdnLinkLifetime(Duration.ofSeconds(seconds));
        return linkLifetime();
    }
}
