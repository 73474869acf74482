package dev.mjbridge.sandbox.bot;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    private Buttons() {
    }

    /** The buttons of a finished job's result message. */
    static ArrayNode forResult(Job job) {
        return switch (job.kind().shape()) {
            case GRID -> grid(job.hash());
            case IMAGE -> image(job.hash(), true);
            case UPSCALED -> image(job.hash(), false);
        };
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
     * The buttons under one image: upscale (only on an "Image #n", not on an image that
     * is already upscaled), vary, zoom, pan, bookmark and the web link.
     */
    static ArrayNode image(String hash, boolean withUpscales) {
        String solo = "::" + hash + "::SOLO";
        ArrayNode rows = rows();
        if (withUpscales) {
            ArrayNode upscale = row(rows);
            upscale.add(button("MJ::JOB::upsample_v7_2x_subtle::1" + solo, "Upscale (Subtle)", null, SECONDARY));
            upscale.add(button("MJ::JOB::upsample_v7_2x_creative::1" + solo, "Upscale (Creative)", null, SECONDARY));
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
        ObjectNode web = JsonNodeFactory.instance.objectNode();
        web.put("type", BUTTON);
        web.put("style", LINK);
        web.put("label", "Web");
        web.put("url", "https://www.midjourney.com/jobs/" + hash);
        last.add(web);
        return rows;
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
        button.put("label", label);
        if (emoji != null) {
            button.putObject("emoji").put("name", emoji);
        }
        return button;
    }
}
