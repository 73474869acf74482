package dev.mjbridge.sandbox.bot;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * The vary-region editor's backend ({@code <app>.discordsays.com/inpaint/api/submit-job}
 * on Discord, the sandbox root here): {@code {customId, mask, prompt, userId, username}}
 * starts the region variation the iframe was opened for.
 */
@RestController
public class InpaintController {

    private static final String IFRAME_PREFIX = "MJ::iframe::";

    private final InpaintSessions sessions;
    private final JobButtons jobButtons;
    private final ObjectMapper json;

    InpaintController(InpaintSessions sessions, JobButtons jobButtons, ObjectMapper json) {
        this.sessions = sessions;
        this.jobButtons = jobButtons;
        this.json = json;
    }

    @PostMapping(value = "/inpaint/api/submit-job", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ObjectNode> submit(@RequestBody(required = false) String body) {
        JsonNode request;
        try {
            request = body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            return failure(400, "the body is not JSON");
        }
        if (request == null || !request.isObject()) {
            return failure(400, "the body must be a JSON object");
        }
        String customId = request.path("customId").asString("");
        String token = customId.startsWith(IFRAME_PREFIX) ? customId.substring(IFRAME_PREFIX.length()) : customId;
        if (token.isBlank()) {
            return failure(400, "customId is required");
        }
        if (!isImage(request.path("mask").asString(""))) {
            // Checked before the session is taken, so a client can correct the mask and retry.
            return failure(400, "mask must be a base64 encoded image");
        }
        Optional<InpaintSessions.Session> session = sessions.take(token);
        if (session.isEmpty()) {
            return failure(404, "unknown or expired customId");
        }
        jobButtons.varyRegion(session.get(), request.path("prompt").asString(""));
        ObjectNode ok = JsonNodeFactory.instance.objectNode();
        ok.put("success", true);
        return ResponseEntity.ok(ok);
    }

    /** Accepts plain base64 and {@code data:image/png;base64,...} URLs. */
    private static boolean isImage(String mask) {
        String base64 = mask.startsWith("data:") && mask.contains(",") ? mask.substring(mask.indexOf(',') + 1) : mask;
        if (base64.isBlank()) {
            return false;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64))) != null;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static ResponseEntity<ObjectNode> failure(int status, String error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("success", false);
        body.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
