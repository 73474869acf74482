package dev.mjbridge.cli;

import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.MjEvent;
import dev.mjbridge.midjourney.ParseOutcome;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON that parse-message prints for one dispatch: a task-like summary, the event, and why. */
final class OutcomeDescription {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutcomeDescription() {
    }

    static ObjectNode describe(DispatchInput input, ParseOutcome outcome) {
        ObjectNode out = JSON.createObjectNode();
        out.put("dispatchType", input.dispatchType());
        if (input.received() != null) {
            out.put("received", input.received());
        }
        if (input.account() != null) {
            out.put("account", input.account());
        }
        out.put("event", "none");
        // Every key is always present, in this order, so scripts can rely on the shape.
        for (String key : List.of("status", "progress", "action", "prompt", "jobHash", "imageUrl", "mode",
                "errorTitle", "failReason", "moderation")) {
            out.putNull(key);
        }
        ArrayNode buttonArray = out.putArray("buttons");
        out.putNull("correlation");
        out.putNull("details");
        ArrayNode reasons = JSON.createArrayNode();
        String outcomeName;
        if (outcome instanceof ParseOutcome.Placed placed) {
            outcomeName = "placed";
            describeEvent(out, buttonArray, placed.placed());
        } else if (outcome instanceof ParseOutcome.Unplaced unplaced) {
            outcomeName = "unplaced";
            unplaced.reasons().forEach(reasons::add);
            out.put("shape", unplaced.shape().describe());
        } else {
            outcomeName = "not-midjourney";
            reasons.add(((ParseOutcome.NotMidjourney) outcome).reason());
        }
        out.put("outcome", outcomeName);
        out.set("reasons", reasons);
        return out;
    }

    private static void describeEvent(ObjectNode out, ArrayNode buttonArray, MjEvent event) {
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
            buttons = started.buttons();
        } else if (event instanceof MjEvent.JobProgress running) {
            status = "IN_PROGRESS";
            progress = running.percent() < 0 ? null : running.percent() + "%";
            out.put("mode", running.mode());
            out.put("imageUrl", running.previewUrl());
            buttons = running.buttons();
        } else if (event instanceof MjEvent.JobFinished finished) {
            status = "SUCCESS";
            progress = "100%";
            out.put("action", finished.resultKind().name());
            out.put("imageUrl", finished.imageUrl());
            out.put("mode", finished.mode());
            buttons = finished.buttons();
        } else if (event instanceof MjEvent.JobStopped) {
            status = "FAILURE";
            out.put("failReason", "stopped");
        } else if (event instanceof MjEvent.JobQueued) {
            status = "SUBMITTED";
        } else if (event instanceof MjEvent.JobFailed failed) {
            status = "FAILURE";
            out.put("errorTitle", failed.title());
            out.put("failReason", failed.failReason());
            out.put("moderation", failed.moderation().name());
            buttons = failed.buttons();
        } else if (event instanceof MjEvent.DescribeResult described) {
            status = "SUCCESS";
            progress = "100%";
            out.put("imageUrl", described.imageUrl());
            buttons = described.buttons();
        } else if (event instanceof MjEvent.ShortenResult shortened) {
            status = "SUCCESS";
            progress = "100%";
            buttons = shortened.buttons();
        } else if (event instanceof MjEvent.BotReply reply) {
            buttons = reply.buttons();
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
    }
}
