package dev.mjbridge.midjourney;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the parts of a Discord message that Midjourney puts its results in. */
final class MessageParts {

    private static final int COMPONENT_BUTTON = 2;
    private static final int COMPONENT_TEXT_INPUT = 4;
    /** 1️⃣ .. 5️⃣ : a digit, an optional variation selector, the combining keycap. */
    private static final Pattern NUMBERED_LINE = Pattern.compile("^\\s*([1-5])\\uFE0F?\\u20E3\\s*(.*)$");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PREVIEW_NAME = Pattern.compile(
            "(?i)(?:.*_)?grid_\\d+\\.webp|.*_\\d+_step_\\d+\\.jpe?g");
    private static final Pattern BOLD_FIELD = Pattern.compile("^\\s*\\*\\*(.+?)\\*\\*:?\\s*(.*)$");

    private MessageParts() {
    }

    /** The first embed of a message. */
    record Embed(String title, String description, Integer color, String imageUrl, String footer) {
    }

    /** An attachment of a message that has a URL. */
    record Attachment(String url, String proxyUrl, String filename, int width, int height) {

        /**
         * Progress previews are {@code <hash>_grid_0.webp} (in 2023 plain {@code grid_0.webp}, without
         * the hash) and, for videos, {@code <hash>_<n>_step_<k>.jpeg}; finished images are not.
         */
        boolean isPreview() {
            return filename != null && mayBePreview(filename) && PREVIEW_NAME.matcher(filename).matches();
        }

        /**
         * Every name {@link #PREVIEW_NAME} accepts ends in {@code grid_<digits>.webp}, or is a .jpg
         * or .jpeg: a result (.png, .mp4, a .webp named after its prompt) is told apart without
         * running that pattern, whose leading {@code .*} backtracks over the whole name. The result
         * message is the one whose delay until SUCCESS the clients see.
         */
        private static boolean mayBePreview(String name) {
            return endsWithGridNumber(name) || endsWithIgnoreCase(name, name.length(), ".jpg")
                    || endsWithIgnoreCase(name, name.length(), ".jpeg");
        }

        private static boolean endsWithGridNumber(String name) {
            int end = name.length() - ".webp".length();
            if (!endsWithIgnoreCase(name, name.length(), ".webp")) {
                return false;
            }
            int digits = end;
            while (digits > 0 && name.charAt(digits - 1) >= '0' && name.charAt(digits - 1) <= '9') {
                digits--;
            }
            return digits < end && endsWithIgnoreCase(name, digits, "grid_");
        }

        /** Whether the first {@code end} characters of {@code name} end in {@code suffix}, ignoring case. */
        private static boolean endsWithIgnoreCase(String name, int end, String suffix) {
            return name.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
        }
    }

    static Embed firstEmbed(JsonNode message) {
        for (JsonNode embed : Json.elements(message, "embeds")) {
            if (!embed.isObject()) {
                continue;
            }
            return new Embed(
                    Json.nonBlank(embed, "title"),
                    Json.nonBlank(embed, "description"),
                    Json.optionalInteger(embed, "color"),
                    Json.nonBlank(embed, "image", "url"),
                    Json.nonBlank(embed, "footer", "text"));
        }
        return null;
    }

    static Attachment firstAttachment(JsonNode message) {
        List<Attachment> all = attachments(message);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every attachment that has a URL, in order (a video's progress carries four previews). */
    static List<Attachment> attachments(JsonNode message) {
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : Json.elements(message, "attachments")) {
            String url = Json.nonBlank(attachment, "url");
            if (url != null) {
                attachments.add(new Attachment(url,
                        Json.nonBlank(attachment, "proxy_url"),
                        Json.nonBlank(attachment, "filename"),
                        Json.integer(attachment, 0, "width"),
                        Json.integer(attachment, 0, "height")));
            }
        }
        return attachments;
    }

    /** The job UUID: the last UUID of the first attachment filename that has one. */
    static String jobHashOfAttachments(JsonNode message) {
        for (JsonNode attachment : Json.elements(message, "attachments")) {
            String hash = lastUuidIn(Json.text(attachment, "filename"));
            if (hash != null) {
                return hash;
            }
        }
        return null;
    }

    /** Every pressable button, in order; rows and bare buttons alike. */
    static List<Button> buttons(JsonNode message) {
        List<Button> buttons = new ArrayList<>();
        for (JsonNode component : Json.elements(message, "components")) {
            if (Json.integer(component, 0, "type") == COMPONENT_BUTTON) {
                addButton(component, buttons);
            }
            for (JsonNode child : Json.elements(component, "components")) {
                if (Json.integer(child, 0, "type") == COMPONENT_BUTTON) {
                    addButton(child, buttons);
                }
            }
        }
        return buttons;
    }

    /** The text inputs of a modal's components. */
    static List<TextInput> textInputs(JsonNode modal) {
        List<TextInput> inputs = new ArrayList<>();
        for (JsonNode row : Json.elements(modal, "components")) {
            List<JsonNode> candidates = new ArrayList<>(Json.elements(row, "components"));
            candidates.add(row);
            for (JsonNode component : candidates) {
                String customId = Json.nonBlank(component, "custom_id");
                if (Json.integer(component, 0, "type") == COMPONENT_TEXT_INPUT && customId != null) {
                    inputs.add(new TextInput(customId,
                            orEmpty(Json.text(component, "label")),
                            orEmpty(Json.text(component, "value"))));
                }
            }
        }
        return inputs;
    }

    /** The prompts of the {@code 1️⃣ ...} lines, markdown links reduced to their text. */
    static List<String> numberedPrompts(String text) {
        List<String> prompts = new ArrayList<>();
        if (text == null) {
            return prompts;
        }
        for (String line : text.split("\\R")) {
            Matcher matcher = NUMBERED_LINE.matcher(line);
            if (matcher.matches()) {
                String prompt = MARKDOWN_LINK.matcher(matcher.group(2)).replaceAll("$1").strip();
                if (!prompt.isEmpty()) {
                    prompts.add(prompt);
                }
            }
        }
        return prompts;
    }

    /** The {@code **Key**: value} lines of a text, in order. */
    static Map<String, String> boldFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text == null) {
            return fields;
        }
        for (String line : text.split("\\R")) {
            Matcher matcher = BOLD_FIELD.matcher(line);
            if (matcher.matches()) {
                fields.putIfAbsent(matcher.group(1).strip(), matcher.group(2).strip());
            }
        }
        return fields;
    }

    static String lastUuidIn(String text) {
        if (text == null) {
            return null;
        }
        String last = null;
        Matcher matcher = UUID.matcher(text);
        while (matcher.find()) {
            last = matcher.group();
        }
        return last;
    }

    private static void addButton(JsonNode component, List<Button> buttons) {
        String customId = Json.nonBlank(component, "custom_id");
        if (customId == null) {
            return;
        }
        buttons.add(new Button(customId,
                orEmpty(Json.text(component, "emoji", "name")),
                orEmpty(Json.text(component, "label")),
                Json.integer(component, COMPONENT_BUTTON, "type"),
                Json.integer(component, 2, "style")));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
