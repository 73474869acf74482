package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The component rows of the bot's messages, with Midjourney's customIds. Every job
 * button carries the job hash, which is how a client ties a button to its job.
 */
final class Buttons {

    static final String DESCRIBE_RETRY = "MJ::Picread::Retry";

    private static final int ACTION_ROW = 1;
    private static final int BUTTON = 2;
    private static final int SECONDARY = 2;
    private static final int SUCCESS = 3;
    private static final int LINK = 5;
    private static final int DANGER = 4;

    private Buttons() {
    }

    /** The buttons of a finished job's result message, in the model's set. */
    static ArrayNode forResult(Job job) {
        String hash = job.hash();
        Model model = job.model();
        return switch (job.kind().shape()) {
            case GRID -> model.current() ? withWebsiteLink(grid(hash), hash) : grid(hash);
            case IMAGE -> switch (model) {
                case V7 -> v7Image(hash);
                case V6 -> image(hash, "MJ::JOB::upsample_v6_2x_subtle", "Upscale (Subtle)",
                        "MJ::JOB::upsample_v6_2x_creative", "Upscale (Creative)");
                case V5 -> image(hash, "MJ::JOB::upsample_v5_2x", "Upscale (2x)", "MJ::JOB::upsample_v5_4x", "Upscale (4x)");
            };
            case UPSCALED -> model.current() ? v7Upscaled(hash) : image(hash, null, null, null, null);
            case VIDEO -> video(hash);
            case VIDEO_CLIP -> onlyWebsiteLink(hash);
        };
    }

    /** The one button of a V7+ button job's (ephemeral) start and progress: Cancel Job, red. */
    static ArrayNode cancelJob(String jobId) {
        ArrayNode rows = rows();
        row(rows).add(button("MJ::CancelJob::ByJobid::" + jobId, "Cancel Job", null, DANGER));
        return rows;
    }

    /** U1-U4 + 🔄, V1-V4. */
    static ArrayNode grid(String hash) {
        ArrayNode rows = rows();
        ArrayNode upscales = row(rows);
        for (int i = 1; i <= 4; i++) {
            upscales.add(button("MJ::JOB::upsample::" + i + "::" + hash, "U" + i, null, SECONDARY));
        }
        upscales.add(button("MJ::JOB::reroll::0::" + hash + "::SOLO", "", "🔄", SECONDARY));
        ArrayNode variations = row(rows);
        for (int i = 1; i <= 4; i++) {
            variations.add(button("MJ::JOB::variation::" + i + "::" + hash, "V" + i, null, SECONDARY));
        }
        return rows;
    }

    /**
     * The buttons of a V7 "Image #n", in the order of the 2026 capture: upscale, vary, zoom,
     * pan, animate, rate, web; Discord allows five to a row.
     */
    static ArrayNode v7Image(String hash) {
        String solo = "::" + hash + "::SOLO";
        List<ObjectNode> buttons = new ArrayList<>();
        addUpscalesAndVaries(buttons, solo, "Upscale");
        buttons.add(button("MJ::Inpaint::1" + solo, "Vary (Region)", "🖌️", SECONDARY));
        buttons.add(button("MJ::Outpaint::50::1" + solo, "Zoom Out 2x", "🔍", SECONDARY));
        buttons.add(button("MJ::Outpaint::75::1" + solo, "Zoom Out 1.5x", "🔍", SECONDARY));
        buttons.add(button("MJ::CustomZoom::" + hash, "Custom Zoom", "🔍", SECONDARY));
        for (PanDirection direction : PanDirection.values()) {
            buttons.add(button("MJ::JOB::pan_" + direction.word() + "::1" + solo, "", direction.emoji(), SECONDARY));
        }
        addAnimateRateAndWeb(buttons, hash);
        return inRowsOfFive(buttons);
    }

    /** The V7 2x upscales (labelled "Upscale" or, after one, "Redo Upscale") and Vary (Subtle/Strong). */
    private static void addUpscalesAndVaries(List<ObjectNode> buttons, String solo, String upscaleLabel) {
        buttons.add(button("MJ::JOB::upsample_v7_2x_subtle::1" + solo, upscaleLabel + " (Subtle)", null, SECONDARY));
        buttons.add(button("MJ::JOB::upsample_v7_2x_creative::1" + solo, upscaleLabel + " (Creative)", null, SECONDARY));
        buttons.add(button("MJ::JOB::low_variation::1" + solo, "Vary (Subtle)", "🪄", SECONDARY));
        buttons.add(button("MJ::JOB::high_variation::1" + solo, "Vary (Strong)", "🪄", SECONDARY));
    }

    /** A V7 2x upscale: redo either upscale, vary, animate, rate, web. */
    static ArrayNode v7Upscaled(String hash) {
        String solo = "::" + hash + "::SOLO";
        List<ObjectNode> buttons = new ArrayList<>();
        addUpscalesAndVaries(buttons, solo, "Redo Upscale");
        addAnimateRateAndWeb(buttons, hash);
        return inRowsOfFive(buttons);
    }

    /** A finished video: U1-U4 pick a clip (video_virtual_upscale), 🔄 makes four new ones, the link opens the job. */
    static ArrayNode video(String hash) {
        ArrayNode rows = rows();
        ArrayNode upscales = row(rows);
        for (int i = 1; i <= 4; i++) {
            upscales.add(button("MJ::JOB::video_virtual_upscale::" + i + "::" + hash, "U" + i, null, SECONDARY));
        }
        upscales.add(button("MJ::JOB::reroll::0::" + hash + "::SOLO", "", "🔄", SECONDARY));
        row(rows).add(websiteLink(hash));
        return rows;
    }

    /**
     * The buttons under one image of an older model: its two upscales (only on an
     * "Image #n", not on an image that is already upscaled), vary, zoom, pan, bookmark
     * and the web link.
     */
    static ArrayNode image(String hash, String firstUpscale, String firstLabel, String secondUpscale, String secondLabel) {
        String solo = "::" + hash + "::SOLO";
        ArrayNode rows = rows();
        if (firstUpscale != null) {
            ArrayNode upscale = row(rows);
            upscale.add(button(firstUpscale + "::1" + solo, firstLabel, null, SECONDARY));
            upscale.add(button(secondUpscale + "::1" + solo, secondLabel, null, SECONDARY));
        }
        ArrayNode vary = row(rows);
        vary.add(button("MJ::JOB::low_variation::1" + solo, "Vary (Subtle)", "🪄", SECONDARY));
        vary.add(button("MJ::JOB::high_variation::1" + solo, "Vary (Strong)", "🪄", SECONDARY));
        vary.add(button("MJ::Inpaint::1" + solo, "Vary (Region)", "🖌️", SECONDARY));
        ArrayNode zoom = row(rows);
        zoom.add(button("MJ::Outpaint::50::1" + solo, "Zoom Out 2x", "🔍", SECONDARY));
        zoom.add(button("MJ::Outpaint::75::1" + solo, "Zoom Out 1.5x", "🔍", SECONDARY));
        zoom.add(button("MJ::CustomZoom::" + hash, "Custom Zoom", "🔍", SECONDARY));
        zoom.add(button("MJ::Outpaint::100::1" + solo, "Make Square", "↔️", SECONDARY));
        ArrayNode pan = row(rows);
        for (PanDirection direction : PanDirection.values()) {
            pan.add(button("MJ::JOB::pan_" + direction.word() + "::1" + solo, "", direction.emoji(), SECONDARY));
        }
        ArrayNode last = row(rows);
        last.add(button("MJ::BOOKMARK::" + hash, "", "❤️", SECONDARY));
        last.add(webLink(hash));
        return rows;
    }

    private static void addAnimateRateAndWeb(List<ObjectNode> buttons, String hash) {
        String solo = "::" + hash + "::SOLO";
        buttons.add(button("MJ::JOB::animate_high::1" + solo, "Animate (High motion)", "🎞️", SECONDARY));
        buttons.add(button("MJ::JOB::animate_low::1" + solo, "Animate (Low motion)", "🎞️", SECONDARY));
        buttons.add(button("MJ::BOOKMARK::" + hash, "", "❤️", SECONDARY));
        buttons.add(webLink(hash));
    }

    private static ArrayNode inRowsOfFive(List<ObjectNode> buttons) {
        ArrayNode rows = rows();
        ArrayNode current = null;
        for (int i = 0; i < buttons.size(); i++) {
            if (i % 5 == 0) {
                current = row(rows);
            }
            current.add(buttons.get(i));
        }
        return rows;
    }

    /** Under a single image: the "Web" link to the job. */
    private static ObjectNode webLink(String hash) {
        return link("Web", "https://www.midjourney.com/jobs/" + hash);
    }

    /** Under V7 grids and videos: a link button with an invisible label (U+200B) to the job. */
    private static ObjectNode websiteLink(String hash) {
        return link("\u200b", "https://midjourney.com/jobs/" + hash);
    }

    private static ArrayNode withWebsiteLink(ArrayNode rows, String hash) {
        ((ArrayNode) rows.get(rows.size() - 1).path("components")).add(websiteLink(hash));
        return rows;
    }

    private static ArrayNode onlyWebsiteLink(String hash) {
        ArrayNode rows = rows();
        row(rows).add(websiteLink(hash));
        return rows;
    }

    private static ObjectNode link(String label, String url) {
        ObjectNode web = JsonNodeFactory.instance.objectNode();
        web.put("type", BUTTON);
        web.put("style", LINK);
        web.put("label", label);
        web.put("url", url);
        return web;
    }

    /** Imagine suggestion 1-4 of a /describe result, and 🔄 describe again. */
    static ArrayNode describe() {
        ArrayNode rows = rows();
        ArrayNode picks = row(rows);
        for (int i = 1; i <= 4; i++) {
            picks.add(button("MJ::Job::PicReader::" + i, String.valueOf(i), null, SECONDARY));
        }
        row(rows).add(button(DESCRIBE_RETRY, "", "🔄", SECONDARY));
        return rows;
    }

    /** Imagine shortened prompt 1-5 of the /shorten result {@code messageId}. */
    static ArrayNode shorten(String messageId) {
        ArrayNode rows = rows();
        ArrayNode picks = row(rows);
        for (int i = 1; i <= 5; i++) {
            picks.add(button("MJ::Job::PromptAnalyzer::" + messageId + "::" + i, String.valueOf(i), null, SECONDARY));
        }
        return rows;
    }

    /** The /settings buttons, the current choices in green. */
    static ArrayNode settings(UserState state, BotApp app) {
        ArrayNode rows = rows();
        ArrayNode first = row(rows);
        for (SettingsOption option : new SettingsOption[] {SettingsOption.REMIX, SettingsOption.PUBLIC, SettingsOption.STEALTH}) {
            first.add(setting(option, state));
        }
        ArrayNode second = row(rows);
        for (SettingsOption option : new SettingsOption[] {SettingsOption.TURBO, SettingsOption.FAST, SettingsOption.RELAX}) {
            if (option != SettingsOption.TURBO || app == BotApp.MIDJOURNEY) {
                second.add(setting(option, state));
            }
        }
        return rows;
    }

    /** Whether some component of the message has this customId. */
    /** One row with the one moderation button of an error embed (ids <b>assumed</b>, see docs/midjourney.md). */
    static ArrayNode moderation(String customId, String label) {
        ArrayNode rows = rows();
        row(rows).add(button(customId, label, null, customId.contains("::Appeal::") ? SECONDARY : SUCCESS));
        return rows;
    }

    static boolean contain(JsonNode message, String customId) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode component : row.path("components")) {
                if (customId.equals(component.path("custom_id").asString(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode setting(SettingsOption option, UserState state) {
        return button(option.customId(), option.label(), option.emoji(), option.isActive(state) ? SUCCESS : SECONDARY);
    }

    private static ArrayNode rows() {
        return JsonNodeFactory.instance.arrayNode();
    }

    private static ArrayNode row(ArrayNode rows) {
        ObjectNode row = rows.addObject();
        row.put("type", ACTION_ROW);
        return row.putArray("components");
    }

    private static ObjectNode button(String customId, String label, String emoji, int style) {
        ObjectNode button = JsonNodeFactory.instance.objectNode();
        button.put("type", BUTTON);
        button.put("style", style);
        button.put("custom_id", customId);
        // Discord leaves out the label of an emoji-only button (pan, reroll, bookmark).
        if (!label.isEmpty()) {
            button.put("label", label);
        }
        if (emoji != null) {
            button.putObject("emoji").put("name", emoji);
        }
        return button;
    }
}
