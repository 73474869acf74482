package dev.mjbridge.midjourney;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON bodies for {@code POST /api/v9/interactions}: slash commands (type 2),
 * button presses (type 3) and modal submits (type 5). Each method returns a fresh node
 * that the caller may serialise as is.
 */
public final class InteractionPayloads {

    private static final int APPLICATION_COMMAND = 2;
    private static final int MESSAGE_COMPONENT = 3;
    private static final int MODAL_SUBMIT = 5;
    private static final int CHAT_INPUT = 1;
    private static final int OPTION_STRING = 3;
    private static final int OPTION_ATTACHMENT = 11;
    private static final int COMPONENT_ACTION_ROW = 1;
    private static final int COMPONENT_BUTTON = 2;
    private static final int COMPONENT_TEXT_INPUT = 4;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final MidjourneyCommands commands;

    public InteractionPayloads(MidjourneyCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /** {@code /imagine prompt:<prompt>}. Image prompts are URLs at the front of the prompt. */
    public ObjectNode imagine(InteractionContext context, String prompt) {
        return command(context, CommandName.IMAGINE, List.of(stringOption("prompt", required(prompt, "prompt"))), List.of());
    }

    /** {@code /describe image:<attachment>} for an image already uploaded to Discord. */
    public ObjectNode describe(InteractionContext context, UploadedImage image) {
        required(image, "image");
        return command(context, CommandName.DESCRIBE,
                List.of(attachmentOption("image", 0)), List.of(image));
    }

    /** {@code /describe link:<url>}. */
    public ObjectNode describeLink(InteractionContext context, String link) {
        return command(context, CommandName.DESCRIBE, List.of(stringOption("link", required(link, "link"))), List.of());
    }

    /**
     * {@code /blend image1.. image5 [dimensions]}.
     *
     * @param dimensions {@code null} leaves the option out (Midjourney then makes a square)
     * @throws IllegalArgumentException unless there are 2 to 5 images
     */
    public ObjectNode blend(InteractionContext context, List<UploadedImage> images, BlendDimensions dimensions) {
        if (images == null || images.size() < 2 || images.size() > 5) {
            throw new IllegalArgumentException("blend takes 2 to 5 images");
        }
        List<ObjectNode> options = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            options.add(attachmentOption("image" + (i + 1), i));
        }
        if (dimensions != null) {
            options.add(stringOption("dimensions", dimensions.optionValue()));
        }
        return command(context, CommandName.BLEND, options, images);
    }

    /** {@code /shorten prompt:<prompt>}. */
    public ObjectNode shorten(InteractionContext context, String prompt) {
        return command(context, CommandName.SHORTEN, List.of(stringOption("prompt", required(prompt, "prompt"))), List.of());
    }

    /** {@code /show job_id:<uuid>}. */
    public ObjectNode show(InteractionContext context, String jobId) {
        return command(context, CommandName.SHOW, List.of(stringOption("job_id", required(jobId, "jobId"))), List.of());
    }

    /**
     * A command without options: {@code info}, {@code settings}, {@code fast}, {@code relax}, {@code turbo}.
     *
     * @throws IllegalArgumentException if the command takes options or the bot does not offer it
     */
    public ObjectNode simpleCommand(InteractionContext context, CommandName name) {
        switch (name) {
            case INFO, SETTINGS, FAST, RELAX, TURBO -> {
                return command(context, name, List.of(), List.of());
            }
            default -> throw new IllegalArgumentException("/" + name.wireName() + " takes options");
        }
    }

    public ObjectNode info(InteractionContext context) {
        return simpleCommand(context, CommandName.INFO);
    }

    public ObjectNode settings(InteractionContext context) {
        return simpleCommand(context, CommandName.SETTINGS);
    }

    public ObjectNode fast(InteractionContext context) {
        return simpleCommand(context, CommandName.FAST);
    }

    public ObjectNode relax(InteractionContext context) {
        return simpleCommand(context, CommandName.RELAX);
    }

    /** @throws IllegalArgumentException for Niji, which has no turbo mode */
    public ObjectNode turbo(InteractionContext context) {
        return simpleCommand(context, CommandName.TURBO);
    }

    /**
     * Presses a button (type 3).
     *
     * @param messageId    the message carrying the button
     * @param messageFlags that message's {@code flags} (64 for an ephemeral message)
     * @param customId     the button's custom id, verbatim
     */
    public ObjectNode button(InteractionContext context, String messageId, int messageFlags, String customId) {
        ObjectNode payload = envelope(MESSAGE_COMPONENT, context);
        payload.put("message_flags", messageFlags);
        payload.put("message_id", required(messageId, "messageId"));
        ObjectNode data = payload.putObject("data");
        data.put("component_type", COMPONENT_BUTTON);
        data.put("custom_id", required(customId, "customId"));
        return withNonce(payload, context);
    }

    /**
     * Submits a modal (type 5), picking the text input id the modal expects.
     *
     * @param modalInteractionId the {@code id} of {@code INTERACTION_MODAL_CREATE}
     * @param modalCustomId      the modal's {@code custom_id}
     * @throws IllegalArgumentException if the modal is not one whose text input we know
     */
    public ObjectNode modalSubmit(InteractionContext context, String modalInteractionId, String modalCustomId, String value) {
        String inputId = CustomId.textInputIdForModal(modalCustomId)
                .orElseThrow(() -> new IllegalArgumentException("no known text input for modal " + modalCustomId));
        return modalSubmit(context, modalInteractionId, modalCustomId, inputId, value);
    }

    /** Submits a modal (type 5) with an explicit text input custom id. */
    public ObjectNode modalSubmit(InteractionContext context, String modalInteractionId, String modalCustomId,
                                  String textInputId, String value) {
        ObjectNode payload = envelope(MODAL_SUBMIT, context);
        ObjectNode data = payload.putObject("data");
        data.put("id", required(modalInteractionId, "modalInteractionId"));
        data.put("custom_id", required(modalCustomId, "modalCustomId"));
        ObjectNode textInput = NODES.objectNode();
        textInput.put("type", COMPONENT_TEXT_INPUT);
        textInput.put("custom_id", required(textInputId, "textInputId"));
        textInput.put("value", value == null ? "" : value);
        ObjectNode row = data.putArray("components").addObject();
        row.put("type", COMPONENT_ACTION_ROW);
        row.putArray("components").add(textInput);
        return withNonce(payload, context);
    }

    private ObjectNode command(InteractionContext context, CommandName name, List<ObjectNode> options,
                               List<UploadedImage> attachments) {
        BotCommands bot = commands.of(context.botType());
        CommandRef ref = bot.command(name).orElseThrow(() -> new IllegalArgumentException(
                context.botType() + " has no /" + name.wireName() + " command"));
        ObjectNode payload = envelope(APPLICATION_COMMAND, context);
        ObjectNode data = payload.putObject("data");
        data.put("version", ref.version());
        data.put("id", ref.id());
        data.put("name", name.wireName());
        data.put("type", CHAT_INPUT);
        ArrayNode optionArray = data.putArray("options");
        options.forEach(optionArray::add);
        ObjectNode applicationCommand = data.putObject("application_command");
        applicationCommand.put("id", ref.id());
        applicationCommand.put("application_id", bot.applicationId());
        applicationCommand.put("version", ref.version());
        applicationCommand.put("type", CHAT_INPUT);
        applicationCommand.put("name", name.wireName());
        ArrayNode attachmentArray = data.putArray("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            UploadedImage image = required(attachments.get(i), "image");
            ObjectNode attachment = attachmentArray.addObject();
            attachment.put("id", String.valueOf(i));
            attachment.put("filename", required(image.filename(), "filename"));
            attachment.put("uploaded_filename", required(image.uploadedFilename(), "uploadedFilename"));
        }
        return withNonce(payload, context);
    }

    private ObjectNode envelope(int type, InteractionContext context) {
        required(context, "context");
        ObjectNode payload = NODES.objectNode();
        payload.put("type", type);
        payload.put("application_id", commands.applicationId(context.botType()));
        // DM channels have no guild; Discord rejects an explicit null there.
        if (context.guildId() != null) {
            payload.put("guild_id", context.guildId());
        }
        payload.put("channel_id", required(context.channelId(), "channelId"));
        payload.put("session_id", required(context.sessionId(), "sessionId"));
        return payload;
    }

    private static ObjectNode withNonce(ObjectNode payload, InteractionContext context) {
        payload.put("nonce", required(context.nonce(), "nonce"));
        return payload;
    }

    private static ObjectNode stringOption(String name, String value) {
        ObjectNode option = NODES.objectNode();
        option.put("type", OPTION_STRING);
        option.put("name", name);
        option.put("value", value);
        return option;
    }

    private static ObjectNode attachmentOption(String name, int attachmentIndex) {
        ObjectNode option = NODES.objectNode();
        option.put("type", OPTION_ATTACHMENT);
        option.put("name", name);
        option.put("value", attachmentIndex);
        return option;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
