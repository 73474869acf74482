package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.GatewayTestClient;
import dev.mjbridge.sandbox.SandboxControl;
import dev.mjbridge.sandbox.SandboxServer;
import dev.mjbridge.sandbox.SharedSandbox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Discord user of the shared sandbox, as a Midjourney client would be: its own
 * token, guild and channel, a READY gateway session, and the REST calls a client makes
 * (commands, button presses, modal submits, uploads, reactions). Every dispatch it
 * receives is kept, and the {@code await*} methods search all of them, so waiting for
 * one job never loses another job's events.
 */
final class SandboxUserSession implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = GatewayTestClient.WAIT;
    private static final AtomicLong NONCES = new AtomicLong((System.currentTimeMillis() - 1_420_070_400_000L) << 22);
    private static final Pattern RESULT_HASH = Pattern.compile("_([0-9a-f-]{36})\\.(png|webp|mp4)$");
    private static final Pattern CANCEL_JOB = Pattern.compile("MJ::CancelJob::ByJobid::([0-9a-f-]{36})");

    private final SandboxServer sandbox;
    private final GatewayTestClient gateway;
    private final String token;
    private final List<JsonNode> inbox = new ArrayList<>();
    private final Map<BotApp, JsonNode> commandLists = new EnumMap<>(BotApp.class);

    final String userId;
    final String username;
    final String guildId;
    final String channelId;
    final String sessionId;
    final String dmChannelId;

    private SandboxUserSession(String purpose) {
        this.sandbox = SharedSandbox.get();
        this.token = SharedSandbox.freshToken(purpose);
        this.gateway = GatewayTestClient.connect(sandbox.gatewayUrl(), false);
        JsonNode ready = gateway.readyAs(token).path("d");
        this.userId = ready.path("user").path("id").asString();
        this.username = ready.path("user").path("username").asString();
        this.sessionId = ready.path("session_id").asString();
        JsonNode guild = ready.path("guilds").get(0);
        this.guildId = guild.path("id").asString();
        this.channelId = guild.path("channels").get(0).path("id").asString();
        this.dmChannelId = ready.path("private_channels").get(0).path("id").asString();
    }

    static SandboxUserSession open(String purpose) {
        return new SandboxUserSession(purpose);
    }

    /** The sandbox's root URL (also the simulated Midjourney CDN's, e.g. {@code /video/<hash>/<n>.mp4}). */
    String sandboxBaseUrl() {
        return sandbox.restBaseUrl();
    }

    SandboxControl control() {
        return sandbox.control();
    }

    String mention() {
        return "<@" + userId + ">";
    }

    /** The link V7 grids and videos carry before their mode: {@code [(Open on website for full quality)](<...>)}. */
    static String website(String hash) {
        return "[(Open on website for full quality)](<https://midjourney.com/jobs/" + hash + ">)";
    }

    @Override
    public void close() {
        gateway.close();
    }

    // ---- REST ----------------------------------------------------------------------

    /** An HTTP answer: status and JSON body (null when there is none). */
    record Response(int status, JsonNode body) {
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(api(path)).header("Authorization", token).GET().build());
    }

    Response post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(api(path)).header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A POST to the sandbox root, outside {@code /api} (the inpaint app). */
    Response postRoot(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.restBaseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    Response put(String path) {
        return send(HttpRequest.newBuilder(api(path)).header("Authorization", token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI api(String path) {
        return URI.create(sandbox.restBaseUrl() + "/api/v9" + path);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- interactions ---------------------------------------------------------------

    /** An interaction as sent: its nonce, and Discord's answer (204 = accepted). */
    record Sent(String nonce, Response response) {

        Sent accepted() {
            assertThat(response.status()).as("interaction answer %s", response.body()).isEqualTo(204);
            return this;
        }
    }

    /** A file uploaded the way Discord clients do, ready to be referenced by a command. */
    record Upload(String filename, String uploadedFilename) {
    }

    /** The application's command, read from {@code GET /applications/{id}/commands} as a client would. */
    JsonNode catalogCommand(BotApp app, String name) {
        JsonNode commands = commandLists.computeIfAbsent(app, a -> {
            Response response = get("/applications/" + a.applicationId() + "/commands");
            assertThat(response.status()).isEqualTo(200);
            return response.body();
        });
        for (JsonNode command : commands) {
            if (name.equals(command.path("name").asString())) {
                return command;
            }
        }
        throw new AssertionError(app + " has no command " + name);
    }

    void forgetCatalog() {
        commandLists.clear();
    }

    static ObjectNode option(String name, int type, String value) {
        ObjectNode option = NODES.objectNode();
        option.put("type", type);
        option.put("name", name);
        option.put("value", value);
        return option;
    }

    static ObjectNode stringOption(String name, String value) {
        return option(name, 3, value);
    }

    Sent command(BotApp app, String name, List<ObjectNode> options, List<Upload> attachments) {
        JsonNode command = catalogCommand(app, name);
        return command(app, command.path("id").asString(), command.path("version").asString(), name, options, attachments);
    }

    Sent command(BotApp app, String commandId, String version, String name, List<ObjectNode> options,
                 List<Upload> attachments) {
        ObjectNode payload = envelope(2, app.applicationId());
        ObjectNode data = payload.putObject("data");
        data.put("version", version);
        data.put("id", commandId);
        data.put("name", name);
        data.put("type", 1);
        ArrayNode optionArray = data.putArray("options");
        options.forEach(optionArray::add);
        ArrayNode attachmentArray = data.putArray("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            ObjectNode attachment = attachmentArray.addObject();
            attachment.put("id", String.valueOf(i));
            attachment.put("filename", attachments.get(i).filename());
            attachment.put("uploaded_filename", attachments.get(i).uploadedFilename());
        }
        return interact(payload);
    }

    Sent imagine(String prompt) {
        return imagine(BotApp.MIDJOURNEY, prompt);
    }

    Sent imagine(BotApp app, String prompt) {
        return command(app, "imagine", List.of(stringOption("prompt", prompt)), List.of());
    }

    Sent simple(String name) {
        return command(BotApp.MIDJOURNEY, name, List.of(), List.of());
    }

    /** Presses a button of a message the bot posted. */
    Sent press(JsonNode message, String customId) {
        return press(message.path("author").path("id").asString(), message.path("id").asString(),
                message.path("flags").asInt(0), customId);
    }

    Sent press(String applicationId, String messageId, int messageFlags, String customId) {
        ObjectNode payload = envelope(3, applicationId);
        payload.put("message_flags", messageFlags);
        payload.put("message_id", messageId);
        ObjectNode data = payload.putObject("data");
        data.put("component_type", 2);
        data.put("custom_id", customId);
        return interact(payload);
    }

    /** Submits a modal the bot opened, filling its one text input with {@code value}. */
    Sent submitModal(JsonNode modalCreate, String value) {
        JsonNode input = modalCreate.path("components").get(0).path("components").get(0);
        return submitModal(modalCreate.path("application").path("id").asString(), modalCreate.path("id").asString(),
                modalCreate.path("custom_id").asString(), input.path("custom_id").asString(), value);
    }

    Sent submitModal(String applicationId, String modalId, String customId, String inputId, String value) {
        ObjectNode payload = envelope(5, applicationId);
        ObjectNode data = payload.putObject("data");
        data.put("id", modalId);
        data.put("custom_id", customId);
        ObjectNode row = data.putArray("components").addObject();
        row.put("type", 1);
        ObjectNode input = row.putArray("components").addObject();
        input.put("type", 4);
        input.put("custom_id", inputId);
        input.put("value", value);
        return interact(payload);
    }

    private ObjectNode envelope(int type, String applicationId) {
        ObjectNode payload = NODES.objectNode();
        payload.put("type", type);
        payload.put("application_id", applicationId);
        payload.put("guild_id", guildId);
        payload.put("channel_id", channelId);
        payload.put("session_id", sessionId);
        payload.put("nonce", String.valueOf(NONCES.incrementAndGet()));
        return payload;
    }

    private Sent interact(ObjectNode payload) {
        return new Sent(payload.path("nonce").asString(), post("/interactions", payload));
    }

    /** {@code POST /channels/{id}/attachments}, then PUT of the bytes to the upload URL. */
    Upload upload(String filename, byte[] bytes) {
        ObjectNode request = NODES.objectNode();
        ObjectNode file = request.putArray("files").addObject();
        file.put("filename", filename);
        file.put("file_size", bytes.length);
        file.put("id", "0");
        Response reserved = post("/channels/" + channelId + "/attachments", request);
        assertThat(reserved.status()).isEqualTo(200);
        JsonNode attachment = reserved.body().path("attachments").get(0);
        try {
            HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(attachment.path("upload_url").asString()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Upload(filename, attachment.path("upload_filename").asString());
    }

    Response react(JsonNode message, String emoji) {
        return put("/channels/" + message.path("channel_id").asString() + "/messages/" + message.path("id").asString()
                + "/reactions/" + URLEncoder.encode(emoji, StandardCharsets.UTF_8) + "/@me");
    }

    // ---- the gateway -----------------------------------------------------------------

    /**
     * The {@code d} of the first dispatch of this type, received at any time so far or
     * within the wait, that matches.
     */
    JsonNode await(String type, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int scanned = 0;
        while (true) {
            for (; scanned < inbox.size(); scanned++) {
                JsonNode frame = inbox.get(scanned);
                if (type.equals(frame.path("t").asString(null)) && match.test(frame.path("d"))) {
                    return frame.path("d");
                }
            }
            // Event-driven: block on the gateway's queue for what is left of the one limit.
            long left = deadline - System.nanoTime();
            JsonNode next = left > 0 ? gateway.next(Duration.ofNanos(left)) : null;
            if (next == null) {
                throw new AssertionError("no matching " + type + " within " + WAIT + "; received: " + summary());
            }
            inbox.add(next);
        }
    }

    /** Every dispatch of this type received so far that matches, in arrival order. */
    List<JsonNode> received(String type, Predicate<JsonNode> match) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode frame : inbox) {
            if (type.equals(frame.path("t").asString(null)) && match.test(frame.path("d"))) {
                found.add(frame.path("d"));
            }
        }
        return found;
    }

    /** Every MESSAGE_* dispatch about one of these message ids, in arrival order, as whole frames ({@code t}, {@code d}). */
    List<JsonNode> messageFrames(java.util.Collection<String> messageIds) {
        List<JsonNode> frames = new ArrayList<>();
        for (JsonNode frame : List.copyOf(inbox)) {
            if (frame.path("t").asString("").startsWith("MESSAGE_") && messageIds.contains(frame.path("d").path("id").asString())) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /** How many dispatches have arrived so far: a mark to compare arrival order against. */
    int receivedCount() {
        return inbox.size();
    }

    /** The arrival position of a dispatch, or -1. */
    int positionOf(JsonNode data) {
        for (int i = 0; i < inbox.size(); i++) {
            if (inbox.get(i).path("d") == data) {
                return i;
            }
        }
        return -1;
    }

    JsonNode awaitInteractionCreate(Sent sent) {
        return await("INTERACTION_CREATE", d -> sent.nonce().equals(d.path("nonce").asString(null)));
    }

    JsonNode awaitSuccess(Sent sent) {
        return await("INTERACTION_SUCCESS", d -> sent.nonce().equals(d.path("nonce").asString(null)));
    }

    JsonNode awaitModal(Sent sent) {
        return await("INTERACTION_MODAL_CREATE", d -> sent.nonce().equals(d.path("nonce").asString(null)));
    }

    JsonNode awaitIframe(Sent sent) {
        return await("INTERACTION_IFRAME_MODAL_CREATE", d -> sent.nonce().equals(d.path("nonce").asString(null)));
    }

    /** A message answering the interaction: it quotes the nonce or the interaction id. */
    JsonNode awaitAnswer(Sent sent, Predicate<JsonNode> match) {
        String interactionId = awaitInteractionCreate(sent).path("id").asString();
        return await("MESSAGE_CREATE", d -> (sent.nonce().equals(d.path("nonce").asString(null))
                || interactionId.equals(d.path("interaction_metadata").path("id").asString(null))) && match.test(d));
    }

    /** The error (or notice) embed answering the interaction. */
    JsonNode awaitEmbed(Sent sent, String title) {
        return await("MESSAGE_CREATE", d -> sent.nonce().equals(d.path("nonce").asString(null))
                && title.equals(d.path("embeds").path(0).path("title").asString(null)));
    }

    /** Everything one job showed: its start message, its progress edits, the deletion, and its result. */
    record JobTrace(JsonNode start, List<JsonNode> updates, JsonNode deletion, JsonNode result) {

        String hash() {
            Matcher matcher = RESULT_HASH.matcher(result.path("attachments").path(0).path("filename").asString());
            assertThat(matcher.find()).as("result filename carries the job hash").isTrue();
            return matcher.group(1);
        }

        String content() {
            return result.path("content").asString();
        }

        /** Every customId of the result's buttons. */
        List<String> customIds() {
            List<String> ids = new ArrayList<>();
            for (JsonNode row : result.path("components")) {
                for (JsonNode button : row.path("components")) {
                    if (button.has("custom_id")) {
                        ids.add(button.path("custom_id").asString());
                    }
                }
            }
            return ids;
        }

        String customId(String prefix) {
            return customIds().stream().filter(id -> id.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button " + prefix + "* in " + customIds()));
        }
    }

    /**
     * Follows the job the interaction started from its first message (the start, or an
     * Animate press's "Animating...") to its result. The job id comes from the start's
     * Cancel Job button or from a progress preview's file name.
     */
    JobTrace followJob(Sent sent) {
        String interactionId = awaitInteractionCreate(sent).path("id").asString();
        JsonNode start = await("MESSAGE_CREATE", d -> (d.path("content").asString("").endsWith("(Waiting to start)")
                || d.path("content").asString("").equals("Animating..."))
                && (sent.nonce().equals(d.path("nonce").asString(null))
                || interactionId.equals(d.path("interaction_metadata").path("id").asString(null))));
        String progressId = start.path("id").asString();
        JsonNode deletion = await("MESSAGE_DELETE", d -> progressId.equals(d.path("id").asString()));
        List<JsonNode> updates = received("MESSAGE_UPDATE", d -> progressId.equals(d.path("id").asString()));
        String hash = jobIdOf(start, updates);
        JsonNode result = await("MESSAGE_CREATE", d -> {
            Matcher matcher = RESULT_HASH.matcher(d.path("attachments").path(0).path("filename").asString(""));
            return matcher.find() && matcher.group(1).equals(hash);
        });
        return new JobTrace(start, updates, deletion, result);
    }

    /** The job id: the Cancel Job button of a button job's start, else the first preview's file name. */
    static String jobIdOf(JsonNode start, List<JsonNode> updates) {
        Matcher cancel = CANCEL_JOB.matcher(start.path("components").toString());
        if (cancel.find()) {
            return cancel.group(1);
        }
        for (JsonNode update : updates) {
            String preview = update.path("attachments").path(0).path("filename").asString("");
            if (!preview.isEmpty()) {
                return preview.substring(0, 36);
            }
        }
        throw new AssertionError("no job id in the start or the progress of " + start);
    }

    /**
     * A deferred reply (/info, /settings, mode commands): the empty "thinking" message
     * (flags 192) that quotes the nonce, then the edit of it that {@code match} accepts.
     */
    JsonNode awaitDeferredAnswer(Sent sent, Predicate<JsonNode> match) {
        JsonNode thinking = awaitAnswer(sent, d -> (d.path("flags").asInt() & 128) == 128);
        String id = thinking.path("id").asString();
        return await("MESSAGE_UPDATE", d -> id.equals(d.path("id").asString()) && match.test(d));
    }

    /** Imagines the prompt and waits for its grid. */
    JobTrace imagineGrid(String prompt) {
        return followJob(imagine(prompt).accepted());
    }

    /** Imagines the prompt and upscales picture {@code index}: the "Image #n" result. */
    JobTrace imagineImage(String prompt, int index) {
        JobTrace grid = imagineGrid(prompt);
        return followJob(press(grid.result(), grid.customId("MJ::JOB::upsample::" + index)).accepted());
    }

    private String summary() {
        StringBuilder summary = new StringBuilder();
        for (JsonNode frame : inbox) {
            JsonNode d = frame.path("d");
            summary.append("\n  ").append(frame.path("t").asString("op" + frame.path("op").asInt()))
                    .append(' ').append(d.path("id").asString(""))
                    .append(" nonce=").append(d.path("nonce").asString(""))
                    .append(' ').append(d.path("content").asString(""))
                    .append(' ').append(d.path("embeds").path(0).path("title").asString(""));
        }
        return summary.toString();
    }
}
