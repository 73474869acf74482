package dev.mjbridge.task;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BlendDimensions;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.JobRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes requests and routings as plain JSON (one {@code kind} per request type) so a
 * restarted process can send or follow what it accepted before it died. Explicit
 * rather than annotation-driven: the stored format must not change when a record does.
 */
final class JobRequestCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectMapper json;

    JobRequestCodec(ObjectMapper json) {
        this.json = json;
    }

    String write(JobRequest request) {
        ObjectNode node = F.objectNode();
        if (request instanceof JobRequest.Imagine r) {
            node.put("kind", "imagine").put("prompt", r.prompt()).set("images", images(r.images()));
        } else if (request instanceof JobRequest.Blend r) {
            node.put("kind", "blend").put("dimensions", r.dimensions() == null ? null : r.dimensions().name())
                    .set("images", images(r.images()));
        } else if (request instanceof JobRequest.Describe r) {
            node.put("kind", "describe").set("images", images(List.of(r.image())));
        } else if (request instanceof JobRequest.DescribeLink r) {
            node.put("kind", "describeLink").put("link", r.link());
        } else if (request instanceof JobRequest.Shorten r) {
            node.put("kind", "shorten").put("prompt", r.prompt());
        } else if (request instanceof JobRequest.Show r) {
            node.put("kind", "show").put("jobId", r.jobId());
        } else if (request instanceof JobRequest.Button r) {
            node.put("kind", "button").put("messageId", r.messageId()).put("messageFlags", r.messageFlags())
                    .put("customId", r.customId());
            if (r.answer() != null) {
                node.putObject("answer").put("prompt", r.answer().prompt()).put("maskBase64", r.answer().maskBase64());
            }
        } else if (request instanceof JobRequest.ModalSubmit r) {
            node.put("kind", "modalSubmit").put("modalInteractionId", r.modalInteractionId())
                    .put("modalCustomId", r.modalCustomId()).put("value", r.value());
        } else if (request instanceof JobRequest.InpaintSubmit r) {
            node.put("kind", "inpaintSubmit").put("iframeCustomId", r.iframeCustomId())
                    .put("maskBase64", r.maskBase64()).put("prompt", r.prompt());
        } else {
            throw new IllegalArgumentException("unknown request " + request.getClass());
        }
        return json.writeValueAsString(node);
    }

    JobRequest read(String text) {
        JsonNode node = json.readTree(text);
        String kind = node.path("kind").asString("");
        return switch (kind) {
            case "imagine" -> new JobRequest.Imagine(node.path("prompt").asString(), images(node.path("images")));
            case "blend" -> new JobRequest.Blend(images(node.path("images")),
                    node.path("dimensions").isString() ? BlendDimensions.valueOf(node.path("dimensions").asString()) : null);
            case "describe" -> new JobRequest.Describe(images(node.path("images")).get(0));
            case "describeLink" -> new JobRequest.DescribeLink(node.path("link").asString());
            case "shorten" -> new JobRequest.Shorten(node.path("prompt").asString());
            case "show" -> new JobRequest.Show(node.path("jobId").asString());
            case "button" -> new JobRequest.Button(node.path("messageId").asString(), node.path("messageFlags").asInt(),
                    node.path("customId").asString(), node.has("answer") ? new JobRequest.ModalAnswer(
                            node.path("answer").path("prompt").asString(null),
                            node.path("answer").path("maskBase64").asString(null)) : null);
            case "modalSubmit" -> new JobRequest.ModalSubmit(node.path("modalInteractionId").asString(),
                    node.path("modalCustomId").asString(), node.path("value").asString());
            case "inpaintSubmit" -> new JobRequest.InpaintSubmit(node.path("iframeCustomId").asString(),
                    node.path("maskBase64").asString(null), node.path("prompt").asString(null));
            default -> throw new IllegalArgumentException("unknown stored request kind '" + kind + "'");
        };
    }

    String write(Routing routing) {
        ObjectNode node = F.objectNode();
        node.put("botType", routing.botType().name());
        node.put("pinnedAccountId", routing.pinnedAccountId());
        node.put("sameChannelAs", routing.sameChannelAs());
        node.put("mode", routing.mode() == null ? null : routing.mode().name());
        ObjectNode filter = node.putObject("filter");
        filter.put("instanceId", routing.filter().instanceId());
        filter.put("channelId", routing.filter().channelId());
        ArrayNode modes = filter.putArray("modes");
        routing.filter().modes().forEach(m -> modes.add(m.name()));
        if (routing.filter().remix() != null) {
            filter.put("remix", routing.filter().remix());
        }
        return json.writeValueAsString(node);
    }

    Routing readRouting(String text) {
        JsonNode node = json.readTree(text);
        JsonNode filter = node.path("filter");
        Set<SpeedMode> modes = EnumSet.noneOf(SpeedMode.class);
        filter.path("modes").forEach(m -> SpeedMode.parse(m.asString()).ifPresent(modes::add));
        return new Routing(BotType.valueOf(node.path("botType").asString(BotType.MID_JOURNEY.name())),
                node.path("pinnedAccountId").asString(null), node.path("sameChannelAs").asString(null),
                new AccountFilter(filter.path("instanceId").asString(null), filter.path("channelId").asString(null), modes,
                        filter.path("remix").isBoolean() ? filter.path("remix").asBoolean() : null),
                SpeedMode.parse(node.path("mode").asString(null)).orElse(null));
    }

    private static ArrayNode images(List<JobRequest.ImageData> images) {
        ArrayNode array = F.arrayNode();
        for (JobRequest.ImageData image : images) {
            array.addObject().put("contentType", image.contentType()).put("filename", image.filename())
                    .put("base64", Base64.getEncoder().encodeToString(image.bytes()));
        }
        return array;
    }

    private static List<JobRequest.ImageData> images(JsonNode array) {
        List<JobRequest.ImageData> images = new ArrayList<>();
        for (JsonNode image : array) {
            images.add(new JobRequest.ImageData(Base64.getDecoder().decode(image.path("base64").asString()),
                    image.path("contentType").asString(), image.path("filename").asString()));
        }
        return images;
    }
}
