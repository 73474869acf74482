package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.Recorder;
import dev.mjbridge.sandbox.SandboxControl;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** What the sandbox received: interactions (with per-nonce counts) and uploads. */
@RestController
@RequestMapping("/sandbox/received")
public class ReceivedController {

    public record Interactions(int count, List<Recorder.ReceivedInteraction> interactions) {
    }

    /** {@code repeated}: nonces that arrived more than once, the sign of a job started twice. */
    public record NonceCounts(Map<String, Integer> counts, List<String> repeated) {
    }

    public record NonceCount(String nonce, int count) {
    }

    public record Uploads(int count, List<Recorder.ReceivedUpload> uploads) {
    }

    private final SandboxControl control;

    public ReceivedController(SandboxControl control) {
        this.control = control;
    }

    /** Optional filters: {@code userId}, {@code nonce}, {@code type}. Oldest first. */
    @GetMapping("/interactions")
    public Interactions interactions(@RequestParam(required = false) String userId,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) Integer type) {
        List<Recorder.ReceivedInteraction> matching = control.received().interactions().stream()
                .filter(i -> userId == null || userId.equals(i.userId()))
                .filter(i -> nonce == null || nonce.equals(i.nonce()))
                .filter(i -> type == null || type == i.type())
                .toList();
        return new Interactions(matching.size(), matching);
    }

    @GetMapping("/nonces")
    public NonceCounts nonces() {
        Map<String, Integer> counts = control.interactionCountsByNonce();
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        return new NonceCounts(counts, repeated);
    }

    @GetMapping("/nonces/{nonce}")
    public NonceCount nonce(@PathVariable String nonce) {
        return new NonceCount(nonce, control.received().interactionsWithNonce(nonce));
    }

    @GetMapping("/uploads")
    public Uploads uploads() {
        List<Recorder.ReceivedUpload> uploads = control.received().uploads();
        return new Uploads(uploads.size(), uploads);
    }

    @DeleteMapping
    public Map<String, Boolean> clear() {
        control.received().clear();
        return Map.of("cleared", true);
    }
}
