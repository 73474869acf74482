package dev.mjbridge.sandbox.rest;

import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.bot.ReactionReceiver;
import dev.mjbridge.sandbox.cdn.SignedLinks;
import dev.mjbridge.sandbox.cdn.UploadStore;
import dev.mjbridge.sandbox.gateway.GatewayHub;
import dev.mjbridge.sandbox.gateway.MessagePublisher;
import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import dev.mjbridge.sandbox.world.World;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/** Channels: read one, read history, post a message, reserve uploads, react. */
@RestController
@RequestMapping({"/api/v9", "/api/v10"})
public class ChannelController {

    private static final int MAX_UPLOAD_FILES = 10;

    private final World world;
    private final MessagePublisher publisher;
    private final GatewayHub hub;
    private final UploadStore uploads;
    private final ReactionReceiver reactions;
    private final SandboxUrls urls;
    private final ObjectMapper json;
    private final SignedLinks links;

    public ChannelController(World world, MessagePublisher publisher, GatewayHub hub, UploadStore uploads,
                             ReactionReceiver reactions, SandboxUrls urls, ObjectMapper json, SignedLinks links) {
        this.links = links;
        this.world = world;
        this.publisher = publisher;
        this.hub = hub;
        this.uploads = uploads;
        this.reactions = reactions;
        this.urls = urls;
        this.json = json;
    }

    @GetMapping("/channels/{channelId}")
    public ResponseEntity<?> channel(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId) {
        return world.accessibleChannel(user, null, channelId).<ResponseEntity<?>>map(channel -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("id", channel.id());
            node.put("type", channel.type());
            if (channel.guildId() != null) {
                node.put("guild_id", channel.guildId());
                node.put("name", channel.name());
            }
            return ResponseEntity.ok(node);
        }).orElseGet(DiscordErrors::unknownChannel);
    }

    @GetMapping("/channels/{channelId}/messages")
    public ResponseEntity<?> history(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId,
                                     @RequestParam(defaultValue = "50") int limit,
                                     @RequestParam(required = false) String before,
                                     @RequestParam(required = false) String after) {
        Optional<Channel> channel = world.accessibleChannel(user, null, channelId);
        if (channel.isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        if (limit < 1 || limit > 100) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("limit", "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 100."));
        }
        if (!isSnowflakeOrNull(before) || !isSnowflakeOrNull(after)) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody(before != null ? "before" : "after",
                    "NUMBER_TYPE_COERCE", "Value is not snowflake."));
        }
        List<ObjectNode> messages = world.messages().history(channelId, limit, before, after);
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        messages.forEach(message -> body.add(freshlySigned(message)));
        return ResponseEntity.ok(body);
    }

    @GetMapping("/channels/{channelId}/messages/{messageId}")
    public ResponseEntity<?> message(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId,
                                     @PathVariable String messageId) {
        if (world.accessibleChannel(user, null, channelId).isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        return world.messages().get(channelId, messageId).<ResponseEntity<?>>map(m -> ResponseEntity.ok(freshlySigned(m)))
                .orElseGet(DiscordErrors::unknownMessage);
    }

    /** A copy of the stored message whose attachment links are signed now: how Discord clients refresh links. */
    private ObjectNode freshlySigned(ObjectNode message) {
        ObjectNode copy = message.deepCopy();
        links.refresh(copy);
        return copy;
    }

    @PostMapping(value = "/channels/{channelId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> post(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId,
                                  @RequestBody String body) {
        return postMessage(user, channelId, body);
    }

    @PostMapping(value = "/channels/{channelId}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<?> postMultipart(@RequestAttribute(RestGate.USER) SandboxUser user,
                                           @PathVariable String channelId,
                                           @RequestPart("payload_json") String body) {
        return postMessage(user, channelId, body);
    }

    private ResponseEntity<?> postMessage(SandboxUser user, String channelId, String body) {
        Optional<Channel> channel = world.accessibleChannel(user, null, channelId);
        if (channel.isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            return DiscordErrors.badRequest(DiscordErrors.body("400: Bad Request", 0));
        }
        String content = request.path("content").asString("");
        boolean hasAttachments = request.path("attachments").isArray() && !request.path("attachments").isEmpty();
        if (content.isEmpty() && !hasAttachments) {
            return DiscordErrors.badRequest(DiscordErrors.body("Cannot send an empty message", 50006));
        }
        if (content.length() > 2000) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("content", "BASE_TYPE_MAX_LENGTH",
                    "Must be 2000 or fewer in length."));
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.set("author", userObject(user));
        message.put("content", content);
        if (request.hasNonNull("nonce")) {
            message.set("nonce", request.get("nonce"));
        }
        ArrayNode attachments = message.putArray("attachments");
        if (hasAttachments) {
            for (JsonNode reference : request.get("attachments")) {
                uploads.find(reference.path("uploaded_filename").asString(null)).filter(UploadStore.Upload::complete)
                        .ifPresent(upload -> attachments.add(attachmentOf(channelId, upload)));
            }
        }
        return ResponseEntity.ok(publisher.create(channel.get(), message));
    }

    private ObjectNode attachmentOf(String channelId, UploadStore.Upload upload) {
        ObjectNode attachment = JsonNodeFactory.instance.objectNode();
        String id = world.snowflakes().next();
        attachment.put("id", id);
        attachment.put("filename", upload.filename());
        attachment.put("size", upload.bytes().length);
        String path = "/uploads/" + upload.uploadFilename();
        String signed = urls.http() + path + links.query(path);
        attachment.put("url", signed);
        attachment.put("proxy_url", signed);
        attachment.put("content_type", dev.mjbridge.sandbox.cdn.ImageTypes.sniff(upload.bytes()));
        return attachment;
    }

    @PostMapping("/channels/{channelId}/attachments")
    public ResponseEntity<?> reserveUploads(@RequestAttribute(RestGate.USER) SandboxUser user,
                                            @PathVariable String channelId, @RequestBody String body) {
        if (world.accessibleChannel(user, null, channelId).isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            return DiscordErrors.badRequest(DiscordErrors.body("400: Bad Request", 0));
        }
        JsonNode files = request.path("files");
        if (!files.isArray() || files.isEmpty() || files.size() > MAX_UPLOAD_FILES) {
            return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("files", "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and " + MAX_UPLOAD_FILES + " in length."));
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode reserved = answer.putArray("attachments");
        for (JsonNode file : files) {
            String filename = file.path("filename").asString("");
            if (filename.isBlank()) {
                return DiscordErrors.badRequest(DiscordErrors.invalidFormBody("files.0.filename",
                        "BASE_TYPE_REQUIRED", "This field is required"));
            }
            UploadStore.Upload upload = uploads.reserve(user.id(), channelId, filename, file.path("file_size").asLong(0));
            ObjectNode entry = reserved.addObject();
            entry.set("id", file.has("id") ? file.get("id") : JsonNodeFactory.instance.numberNode(reserved.size() - 1));
            entry.put("upload_url", urls.http() + "/upload/" + upload.uploadFilename() + "?upload_id=" + world.snowflakes().next());
            entry.put("upload_filename", upload.uploadFilename());
        }
        return ResponseEntity.ok(answer);
    }

    @PutMapping("/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me")
    public ResponseEntity<?> react(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId,
                                   @PathVariable String messageId, @PathVariable String emoji) {
        Optional<Channel> channel = world.accessibleChannel(user, null, channelId);
        if (channel.isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        Optional<ObjectNode> message = world.messages().get(channelId, messageId);
        if (message.isEmpty()) {
            return DiscordErrors.unknownMessage();
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("user_id", user.id());
        event.put("channel_id", channelId);
        event.put("message_id", messageId);
        if (channel.get().guildId() != null) {
            event.put("guild_id", channel.get().guildId());
        }
        event.putObject("emoji").putNull("id").put("name", emoji);
        hub.dispatchToChannel(channel.get(), "MESSAGE_REACTION_ADD", event);
        reactions.reactionAdded(user, channel.get(), message.get(), emoji);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me")
    public ResponseEntity<?> unreact(@RequestAttribute(RestGate.USER) SandboxUser user, @PathVariable String channelId,
                                     @PathVariable String messageId, @PathVariable String emoji) {
        if (world.accessibleChannel(user, null, channelId).isEmpty()) {
            return DiscordErrors.unknownChannel();
        }
        return ResponseEntity.noContent().build();
    }

    private static ObjectNode userObject(SandboxUser user) {
        ObjectNode author = JsonNodeFactory.instance.objectNode();
        author.put("id", user.id());
        author.put("username", user.username());
        author.put("discriminator", "0");
        author.putNull("avatar");
        if (user.bot()) {
            author.put("bot", true);
        }
        return author;
    }

    private static boolean isSnowflakeOrNull(String value) {
        return value == null || (!value.isEmpty() && value.length() <= 20 && value.chars().allMatch(Character::isDigit));
    }
}
