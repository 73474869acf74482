package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.world.SandboxUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code /users/@me}, {@code /gateway} and {@code /gateway/bot}. */
@RestController
@RequestMapping({"/api/v9", "/api/v10"})
public class UserController {

    private final SandboxUrls urls;

    public UserController(SandboxUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/users/@me")
    public ObjectNode me(@RequestAttribute(RestGate.USER) SandboxUser user) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", user.id());
        node.put("username", user.username());
        node.put("global_name", user.username());
        node.put("discriminator", user.bot() ? "0001" : "0");
        node.putNull("avatar");
        node.put("bot", user.bot());
        node.put("verified", true);
        node.put("mfa_enabled", false);
        node.put("locale", "en-US");
        node.put("flags", 0);
        return node;
    }

    @GetMapping("/gateway")
    public ObjectNode gateway() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("url", urls.gateway());
        return node;
    }

    @GetMapping("/gateway/bot")
    public ResponseEntity<ObjectNode> gatewayBot(@RequestAttribute(RestGate.USER) SandboxUser user) {
        ObjectNode node = gateway();
        node.put("shards", 1);
        ObjectNode limit = node.putObject("session_start_limit");
        limit.put("total", 1000);
        limit.put("remaining", 1000);
        limit.put("reset_after", 86_400_000);
        limit.put("max_concurrency", 1);
        return ResponseEntity.ok(node);
    }
}
