package dev.mjbridge.midjourney;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A bot message with everything that differs from job to job normalised away: the prompt becomes
 * {@code <prompt>}, mentions {@code <@user>}, UUIDs {@code <uuid>}, links {@code <url>}, other
 * numbers {@code N}. Two messages of the same unknown form have equal shapes, so an unknown form is
 * reported once (and counted) instead of once per message, and the report holds no one's prompt.
 *
 * @param dispatchType      {@code MESSAGE_CREATE} or {@code MESSAGE_UPDATE}
 * @param bot               which bot sent it
 * @param content           the normalised content ({@code ""} when empty)
 * @param embed             the normalised title and description of the first embed, {@code ""} when none
 * @param customIdFamilies  the normalised custom ids of its buttons, in order, without repeats
 * @param attachmentNames   the normalised attachment file names, in order, without repeats
 * @param flags             the message flags (64 ephemeral, 128 loading), -1 when absent
 */
public record MessageShape(String dispatchType, BotType bot, String content, String embed,
                           List<String> customIdFamilies, List<String> attachmentNames, int flags) {

    private static final int MAX_TEXT = 240;
    private static final Pattern BOLD = Pattern.compile("\\*\\*.+\\*\\*", Pattern.DOTALL);
    private static final Pattern MENTION = Pattern.compile("<@[!&]?\\d+>");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)>\\]]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** {@code <user>_<prompt words>_<uuid>.png}: the words are the prompt's, so they go too. */
    private static final Pattern WORDS_BEFORE_UUID = Pattern.compile("^.+?_(?=<uuid>)");

    public MessageShape {
        customIdFamilies = List.copyOf(customIdFamilies);
        attachmentNames = List.copyOf(attachmentNames);
    }

    /** The shape of a bot message {@code d} as delivered with {@code dispatchType}. */
    static MessageShape of(String dispatchType, JsonNode d, BotType bot) {
        String content = Json.text(d, "content");
        MessageParts.Embed embed = MessageParts.firstEmbed(d);
        String embedText = embed == null ? "" : normalise(orEmpty(embed.title()) + " | " + orEmpty(embed.description()));
        List<String> families = new ArrayList<>();
        for (Button button : MessageParts.buttons(d)) {
            addOnce(families, normaliseIds(button.customId()));
        }
        List<String> names = new ArrayList<>();
        for (MessageParts.Attachment attachment : MessageParts.attachments(d)) {
            String name = normaliseIds(orEmpty(attachment.filename()));
            addOnce(names, WORDS_BEFORE_UUID.matcher(name).replaceFirst("*_"));
        }
        return new MessageShape(dispatchType, bot, normalise(content), embedText, families, names,
                Json.integer(d, -1, "flags"));
    }

    /** One line for a log or a terminal. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(dispatchType).append(" from ").append(bot).append(" content=\"").append(content).append('"');
        if (!embed.isEmpty()) {
            line.append(" embed=\"").append(embed).append('"');
        }
        if (!customIdFamilies.isEmpty()) {
            line.append(" buttons=").append(customIdFamilies);
        }
        if (!attachmentNames.isEmpty()) {
            line.append(" attachments=").append(attachmentNames);
        }
        if (flags >= 0) {
            line.append(" flags=").append(flags);
        }
        return line.toString();
    }

    private static String normalise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String shaped = BOLD.matcher(text).replaceAll("**<prompt>**");
        shaped = MENTION.matcher(shaped).replaceAll("<@user>");
        shaped = URL.matcher(shaped).replaceAll("<url>");
        shaped = normaliseIds(shaped);
        shaped = shaped.replaceAll("\\s+", " ").strip();
        return shaped.length() <= MAX_TEXT ? shaped : shaped.substring(0, MAX_TEXT) + "...";
    }

    private static String normaliseIds(String text) {
        return NUMBER.matcher(UUID.matcher(text).replaceAll("<uuid>")).replaceAll("N");
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
