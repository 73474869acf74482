package dev.mjbridge.cli;

import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.MjEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code parse-message [--type DISPATCH] FILE}: shows what {@link MessageParser} makes of a
 * raw Discord payload, to debug a message captured from Discord without running the proxy.
 *
 * <p>FILE holds a gateway {@code d} object, or a whole frame {@code {op:0, t, d}} whose
 * {@code t} then names the dispatch. For a bare {@code d} the dispatch is guessed from its
 * fields unless {@code --type} names it.
 */
public final class ParseMessageCommand {

    public static final int OK = 0;
    public static final int USAGE_ERROR = 2;

    private static final String USAGE = "usage: parse-message [--type DISPATCH_TYPE] FILE";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParseMessageCommand() {
    }

    /** Runs the command; returns the process exit code (0, or 2 for bad arguments or input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args == null ? List.of() : List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals("parse-message")) {
            rest.remove(0);
        }
        String explicitType = null;
        if (rest.size() >= 2 && rest.get(0).equals("--type")) {
            explicitType = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() != 1) {
            err.println(USAGE);
            return USAGE_ERROR;
        }
        Path file = Path.of(rest.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("parse-message: no such file: " + file);
            return USAGE_ERROR;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            err.println("parse-message: cannot read " + file + " as JSON: " + firstLine(e.getMessage()));
            return USAGE_ERROR;
        }
        if (root == null || !root.isObject()) {
            err.println("parse-message: " + file + " does not hold a JSON object");
            return USAGE_ERROR;
        }
        boolean frame = root.has("op") && root.has("d");
        JsonNode d = frame ? root.path("d") : root;
        String dispatchType = explicitType != null ? explicitType
                : frame && root.path("t").isString() ? root.path("t").asString()
                : guessDispatchType(d);

        Optional<MjEvent> event = new MessageParser().parse(dispatchType, d);
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(describe(dispatchType, event)));
        return OK;
    }

    /** The dispatch a bare {@code d} object most likely came with. */
    static String guessDispatchType(JsonNode d) {
        if (d.has("iframe_path")) {
            return MessageParser.INTERACTION_IFRAME_MODAL_CREATE;
        }
        if (d.has("custom_id")) {
            return MessageParser.INTERACTION_MODAL_CREATE;
        }
        if (d.has("author") || d.has("content") || d.has("embeds") || d.has("attachments")) {
            return MessageParser.MESSAGE_CREATE;
        }
        if (d.has("nonce")) {
            return d.has("reason_code") ? MessageParser.INTERACTION_FAILURE : MessageParser.INTERACTION_SUCCESS;
        }
        return MessageParser.MESSAGE_DELETE;
    }

    private static ObjectNode describe(String dispatchType, Optional<MjEvent> maybeEvent) {
        ObjectNode out = JSON.createObjectNode();
        out.put("dispatchType", dispatchType);
        out.put("event", "none");
        // Every key is always present, in this order, so scripts can rely on the shape.
        for (String key : List.of("status", "progress", "action", "prompt", "jobHash", "imageUrl", "mode",
                "errorTitle", "failReason", "moderation")) {
            out.putNull(key);
        }
        ArrayNode buttonArray = out.putArray("buttons");
        out.putNull("correlation");
        out.putNull("details");
        if (maybeEvent.isEmpty()) {
            return out;
        }
        MjEvent event = maybeEvent.get();
        out.put("event", event.getClass().getSimpleName());
        out.put("prompt", event.correlation().prompt());
        out.put("jobHash", event.correlation().jobHash());
        String status = null;
        String progress = null;
        List<Button> buttons = List.of();
        if (event instanceof MjEvent.JobStarted started) {
            status = "IN_PROGRESS";
            progress = "0%";
            out.put("action", started.kindHint() == null ? null : started.kindHint().name());
        } else if (event instanceof MjEvent.JobProgress running) {
            status = "IN_PROGRESS";
            progress = running.percent() < 0 ? null : running.percent() + "%";
            out.put("mode", running.mode());
            out.put("imageUrl", running.previewUrl());
        } else if (event instanceof MjEvent.JobFinished finished) {
            status = "SUCCESS";
            progress = "100%";
            out.put("action", finished.resultKind().name());
            out.put("imageUrl", finished.imageUrl());
            out.put("mode", finished.mode());
            buttons = finished.buttons();
        } else if (event instanceof MjEvent.JobQueued) {
            status = "SUBMITTED";
        } else if (event instanceof MjEvent.JobFailed failed) {
            status = "FAILURE";
            out.put("errorTitle", failed.title());
            out.put("failReason", failed.failReason());
            out.put("moderation", failed.moderation().name());
        } else if (event instanceof MjEvent.DescribeResult described) {
            status = "SUCCESS";
            progress = "100%";
            out.put("imageUrl", described.imageUrl());
            buttons = described.buttons();
        } else if (event instanceof MjEvent.ShortenResult shortened) {
            status = "SUCCESS";
            progress = "100%";
            buttons = shortened.buttons();
        } else if (event instanceof MjEvent.ModalOpened) {
            status = "MODAL";
        }
        out.put("status", status);
        out.put("progress", progress);
        buttons.forEach(button -> buttonArray.add(JSON.<JsonNode>valueToTree(button)));
        out.set("correlation", JSON.valueToTree(event.correlation()));
        ObjectNode details = JSON.valueToTree(event);
        details.remove("correlation");
        out.set("details", details);
        return out;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
