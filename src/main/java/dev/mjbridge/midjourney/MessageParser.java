package dev.mjbridge.midjourney;

import dev.mjbridge.midjourney.MessageParts.Embed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The one place that reads Discord dispatches from or about Midjourney and turns them into
 * {@link MjEvent}s. Stateless and thread-safe. It never throws: a payload it cannot make
 * sense of gives an empty result, and {@link #explain} says why (a message of the bot that fits
 * no known form is {@link ParseOutcome.Unplaced}, so it can be logged and counted).
 *
 * <p>Messages whose author (or application) is neither Midjourney nor Niji are ignored,
 * except a DM carrying a seed, and except {@code MESSAGE_DELETE}, whose payload names no author.
 */
public final class MessageParser {

    public static final String MESSAGE_CREATE = "MESSAGE_CREATE";
    public static final String MESSAGE_UPDATE = "MESSAGE_UPDATE";
    public static final String MESSAGE_DELETE = "MESSAGE_DELETE";
    public static final String INTERACTION_CREATE = "INTERACTION_CREATE";
    public static final String INTERACTION_SUCCESS = "INTERACTION_SUCCESS";
    public static final String INTERACTION_FAILURE = "INTERACTION_FAILURE";
    public static final String INTERACTION_MODAL_CREATE = "INTERACTION_MODAL_CREATE";
    public static final String INTERACTION_IFRAME_MODAL_CREATE = "INTERACTION_IFRAME_MODAL_CREATE";

    private static final int RED = 16711680;
    private static final int DISCORD_RED = 15548997;
    private static final Pattern SEED_JOB_ID = Pattern.compile("\\*\\*Job ID\\*\\*:?\\s*([0-9a-fA-F-]{36})");
    private static final Pattern SEED = Pattern.compile("\\*\\*seed\\*\\*:?\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int FLAG_LOADING = 128;
    private static final String ANIMATING = "Animating...";
    /** {@code You have successfully rated [this job](https://discord.com/channels/<guild>/<channel>/<message>) with 😍}. */
    private static final Pattern RATED = Pattern.compile(
            "^You have successfully rated \\[[^\\]]*\\]\\(<?https?://[^)\\s]*/channels/[^/\\s]+/\\d+/(\\d+)>?\\)");
    private static final Map<String, JobKind> JOB_COMMANDS = Map.of(
            "imagine", JobKind.IMAGINE,
            "blend", JobKind.BLEND,
            "describe", JobKind.DESCRIBE,
            "shorten", JobKind.SHORTEN);

    private final MidjourneyCommands commands;

    /** A parser that knows the default application ids. */
    public MessageParser() {
        this(MidjourneyCommands.defaults());
    }

    /** A parser that recognises the bots by the application ids of {@code commands}. */
    public MessageParser(MidjourneyCommands commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    /**
     * Reads one dispatch.
     *
     * @param dispatchType the gateway {@code t}, e.g. {@code MESSAGE_CREATE}
     * @param d            the gateway {@code d} object
     * @return the event it carries, or empty when it is not about Midjourney, is malformed, or is a
     *         bot message of no known form ({@link #explain} says which)
     */
    public Optional<MjEvent> parse(String dispatchType, JsonNode d) {
        return explain(dispatchType, d).event();
    }

    /**
     * Reads one dispatch and says what it is: a placed event, none of Midjourney's business, or a
     * bot message the parser could not place, with the reasons. Never throws.
     */
    public ParseOutcome explain(String dispatchType, JsonNode d) {
        try {
            return explainUnguarded(dispatchType, d);
        } catch (RuntimeException unexpected) {
            // Runs on the gateway thread: a payload shape nobody foresaw must cost one event,
            // not the session. The property tests exercise explainUnguarded to keep this unused.
            return failed(dispatchType, d, unexpected);
        }
    }

    /** A bot message the parser failed on is still reported as unplaced, so it is not lost silently. */
    private ParseOutcome failed(String dispatchType, JsonNode d, RuntimeException failure) {
        String reason = "the parser failed on this payload: " + failure;
        try {
            BotType bot = commands.botTypeOf(Json.text(d, "author", "id")).orElse(null);
            if (bot != null && (MESSAGE_CREATE.equals(dispatchType) || MESSAGE_UPDATE.equals(dispatchType))) {
                return new ParseOutcome.Unplaced(MessageShape.of(dispatchType, d, bot), List.of(reason));
            }
        } catch (RuntimeException alsoUnexpected) {
            // Fall through: without a shape it cannot be counted, only explained.
        }
        return new ParseOutcome.NotMidjourney(reason);
    }

    /** Reads a whole gateway frame {@code {op:0, t, d}}; empty for any other opcode. */
    public Optional<MjEvent> parseFrame(JsonNode frame) {
        return explainFrame(frame).event();
    }

    /** {@link #explain} for a whole gateway frame {@code {op:0, t, d}}. */
    public ParseOutcome explainFrame(JsonNode frame) {
        if (Json.integer(frame, -1, "op") != 0) {
            return new ParseOutcome.NotMidjourney("not a dispatch (op is not 0)");
        }
        return explain(Json.text(frame, "t"), Json.at(frame, "d"));
    }

    Optional<MjEvent> parseUnguarded(String dispatchType, JsonNode d) {
        return explainUnguarded(dispatchType, d).event();
    }

    ParseOutcome explainUnguarded(String dispatchType, JsonNode d) {
        if (dispatchType == null || d == null || !d.isObject()) {
            return new ParseOutcome.NotMidjourney("no dispatch type or no payload object");
        }
        return switch (dispatchType) {
            case MESSAGE_CREATE, MESSAGE_UPDATE -> message(dispatchType, d);
            case MESSAGE_DELETE -> placedOr(deletion(d), "a deletion without a message id");
            case INTERACTION_CREATE, INTERACTION_SUCCESS -> placedOr(interactionSucceeded(d),
                    "an interaction acknowledgement without id or nonce");
            case INTERACTION_FAILURE -> placedOr(interactionFailed(d),
                    "an interaction failure without id or nonce");
            case INTERACTION_MODAL_CREATE, INTERACTION_IFRAME_MODAL_CREATE -> placedOr(modal(d),
                    "a modal of another application, or without id or custom id");
            default -> new ParseOutcome.NotMidjourney(dispatchType + " carries no Midjourney message");
        };
    }

    private static ParseOutcome placedOr(Optional<MjEvent> event, String otherwise) {
        return event.<ParseOutcome>map(ParseOutcome.Placed::new)
                .orElseGet(() -> new ParseOutcome.NotMidjourney(otherwise));
    }

    private ParseOutcome message(String dispatchType, JsonNode d) {
        String content = Optional.ofNullable(Json.text(d, "content")).orElse("");
        BotType bot = commands.botTypeOf(Json.text(d, "author", "id"))
                .or(() -> commands.botTypeOf(Json.text(d, "application_id")))
                .orElse(null);
        JobContent job = JobContent.parse(content).orElse(null);
        Correlation correlation = Correlations.ofMessage(d, bot, job);

        if (bot == null) {
            // Only the bot's own messages count, save for the seed it DMs: a seed-shaped
            // text posted in a shared guild channel by anyone else must not be believed.
            Optional<MjEvent> seed = correlation.guildId() == null ? seed(content, correlation) : Optional.empty();
            return placedOr(seed, "the author is neither the Midjourney nor the Niji bot");
        }
        return fromBot(content, job, correlation, d)
                .<ParseOutcome>map(ParseOutcome.Placed::new)
                .orElseGet(() -> new ParseOutcome.Unplaced(MessageShape.of(dispatchType, d, bot),
                        whyUnplaced(content, job, d)));
    }

    private Optional<MjEvent> fromBot(String content, JobContent job, Correlation correlation, JsonNode d) {
        Optional<MjEvent> seed = seed(content, correlation);
        if (seed.isPresent()) {
            return seed;
        }
        List<Button> buttons = MessageParts.buttons(d);
        Embed embed = MessageParts.firstEmbed(d);
        if (embed != null) {
            Optional<MjEvent> fromEmbed = fromEmbed(embed, correlation, buttons, commandName(d), Json.integer(d, 0, "flags"));
            if (fromEmbed.isPresent()) {
                return fromEmbed;
            }
        }
        String trimmed = content.strip();
        if (isThinking(d, trimmed, embed, correlation)) {
            return Optional.of(new MjEvent.ReplyDeferred(correlation, commandName(d)));
        }
        if (trimmed.startsWith("Failed") || trimmed.startsWith("Invalid parameter")) {
            return Optional.of(plainFailure(trimmed, correlation));
        }
        if (trimmed.equals(ANIMATING)) {
            // The answer to an Animate press; it is edited into "Creating video with prompt ..." next.
            return Optional.of(new MjEvent.JobStarted(correlation, JobKind.VIDEO, 0, content, buttons));
        }
        Matcher rated = RATED.matcher(trimmed);
        if (rated.find()) {
            return Optional.of(new MjEvent.JobRated(correlation, rated.group(1), content));
        }
        if (job != null) {
            Optional<MjEvent> fromJob = JobMessages.event(job, d, correlation, buttons, content, commandKind(d));
            if (fromJob.isPresent()) {
                return fromJob;
            }
        }
        JobKind commandKind = commandKind(d);
        if (commandKind != null && correlation.nonce() != null) {
            return Optional.of(new MjEvent.JobStarted(correlation, commandKind, 0, content, buttons));
        }
        if (correlation.nonce() != null || correlation.interactionId() != null) {
            return Optional.of(new MjEvent.BotReply(correlation, content,
                    embed == null ? null : embed.title(), embed == null ? null : embed.description(), buttons));
        }
        return Optional.empty();
    }

    /** Why {@link #fromBot} placed nothing, one reason per form it tried, for the log and parse-message. */
    private static List<String> whyUnplaced(String content, JobContent job, JsonNode d) {
        List<String> reasons = new ArrayList<>();
        Embed embed = MessageParts.firstEmbed(d);
        if (embed != null) {
            reasons.add("its embed (title \"" + Objects.toString(embed.title(), "") + "\", colour "
                    + embed.color() + ") is no queue notice, error, moderation, describe, shorten or info embed");
        }
        if (job == null) {
            reasons.add(content.isBlank() ? "it has no content"
                    : "its content is not a job line (**prompt** - ...) and no known reply text");
        } else {
            reasons.add("its job line shows no percentage, speed, (Waiting to start) or (Stopped),"
                    + " and no result attachment");
        }
        reasons.add("it carries neither a nonce nor an interaction id, so it cannot be taken as an answer to us");
        return reasons;
    }

    /**
     * The "thinking" placeholder of a deferred answer: flag LOADING (128), or nothing to show at all
     * while answering one of our interactions.
     */
    private static boolean isThinking(JsonNode d, String trimmedContent, Embed embed, Correlation correlation) {
        if (!trimmedContent.isEmpty() || embed != null || !MessageParts.attachments(d).isEmpty()) {
            return false;
        }
        boolean loading = (Json.integer(d, 0, "flags") & FLAG_LOADING) != 0;
        return loading || (commandKind(d) == null && MessageParts.buttons(d).isEmpty()
                && (correlation.nonce() != null || correlation.interactionId() != null));
    }

    private Optional<MjEvent> fromEmbed(Embed embed, Correlation correlation, List<Button> buttons,
                                        String commandName, int flags) {
        String title = embed.title();
        String description = embed.description();
        if (title != null && title.strip().toLowerCase(Locale.ROOT).startsWith("job queued")) {
            return Optional.of(new MjEvent.JobQueued(correlation, title, description));
        }
        Moderation moderation = Moderation.classify(title, description);
        if (moderation != Moderation.NONE) {
            return Optional.of(embedFailure(embed, moderation, correlation, buttons, flags));
        }
        List<String> prompts = MessageParts.numberedPrompts(description);
        if (!prompts.isEmpty() && isShorten(embed, buttons)) {
            return Optional.of(new MjEvent.ShortenResult(correlation, prompts, buttons));
        }
        if (!prompts.isEmpty() && (embed.imageUrl() != null || hasButton(buttons, CustomId.Kind.DESCRIBE_PICK))) {
            return Optional.of(new MjEvent.DescribeResult(correlation, prompts, embed.imageUrl(), buttons));
        }
        if (isInfo(embed) || "info".equals(commandName)) {
            return Optional.of(new MjEvent.InfoResult(correlation, title, description == null ? "" : description,
                    MessageParts.boldFields(description)));
        }
        if (embed.color() != null && (embed.color() == RED || embed.color() == DISCORD_RED)) {
            return Optional.of(embedFailure(embed, Moderation.OTHER, correlation, buttons, flags));
        }
        return Optional.empty();
    }

    private static Optional<MjEvent> seed(String content, Correlation correlation) {
        Matcher jobId = SEED_JOB_ID.matcher(content);
        Matcher seed = SEED.matcher(content);
        if (jobId.find() && seed.find()) {
            return Optional.of(new MjEvent.SeedResult(correlation.withJobHash(jobId.group(1)).withPrompt(null),
                    jobId.group(1), seed.group(1)));
        }
        return Optional.empty();
    }

    private static MjEvent.JobFailed embedFailure(Embed embed, Moderation moderation, Correlation correlation,
                                                  List<Button> buttons, int flags) {
        String description = embed.description() == null ? "" : embed.description();
        String failReason = embed.title() == null ? description : "[" + embed.title() + "] " + description;
        return new MjEvent.JobFailed(correlation, embed.title(), description, embed.color(), moderation,
                failReason.strip(), buttons, flags);
    }

    private static MjEvent.JobFailed plainFailure(String content, Correlation correlation) {
        Moderation moderation = Moderation.classify(content.lines().findFirst().orElse(""), content);
        if (moderation == Moderation.NONE) {
            moderation = Moderation.OTHER;
        }
        return new MjEvent.JobFailed(correlation, null, content, null, moderation, content);
    }

    private static boolean isShorten(Embed embed, List<Button> buttons) {
        String description = lower(embed.description());
        String footer = lower(embed.footer());
        return description.contains("shortened prompts") || footer.contains("shortened prompt")
                || hasButton(buttons, CustomId.Kind.SHORTEN_PICK);
    }

    private static boolean isInfo(Embed embed) {
        String title = lower(embed.title());
        String description = lower(embed.description());
        return title.startsWith("your info") || description.contains("**job mode**")
                || description.contains("**subscription**");
    }

    private static boolean hasButton(List<Button> buttons, CustomId.Kind kind) {
        return buttons.stream().anyMatch(button -> button.is(kind));
    }

    private Optional<MjEvent> deletion(JsonNode d) {
        String messageId = Json.nonBlank(d, "id");
        if (messageId == null) {
            return Optional.empty();
        }
        return Optional.of(new MjEvent.ProgressDeleted(Correlations.ofDeletion(d), messageId));
    }

    private Optional<MjEvent> interactionSucceeded(JsonNode d) {
        String id = Json.nonBlank(d, "id");
        String nonce = Json.nonBlank(d, "nonce");
        if (id == null && nonce == null) {
            return Optional.empty();
        }
        return Optional.of(new MjEvent.InteractionSucceeded(interactionCorrelation(d, null), id, nonce));
    }

    private Optional<MjEvent> interactionFailed(JsonNode d) {
        String id = Json.nonBlank(d, "id");
        String nonce = Json.nonBlank(d, "nonce");
        if (id == null && nonce == null) {
            return Optional.empty();
        }
        String reason = Optional.ofNullable(Json.nonBlank(d, "reason_code"))
                .or(() -> Optional.ofNullable(Json.nonBlank(d, "reason")))
                .orElse(Json.nonBlank(d, "message"));
        return Optional.of(new MjEvent.InteractionFailed(interactionCorrelation(d, null), id, nonce, reason));
    }

    private Optional<MjEvent> modal(JsonNode d) {
        String applicationId = Correlations.applicationId(d);
        if (applicationId != null && commands.botTypeOf(applicationId).isEmpty()) {
            return Optional.empty();
        }
        String id = Json.nonBlank(d, "id");
        String customId = Json.nonBlank(d, "custom_id");
        if (id == null || customId == null) {
            return Optional.empty();
        }
        Correlation correlation = interactionCorrelation(d, CustomId.parse(customId).jobHash());
        return Optional.of(new MjEvent.ModalOpened(correlation, id, customId, Json.text(d, "title"),
                MessageParts.textInputs(d), Json.nonBlank(d, "iframe_path")));
    }

    private Correlation interactionCorrelation(JsonNode d, String jobHash) {
        return Correlations.ofInteraction(d, jobHash, commands.botTypeOf(Correlations.applicationId(d)).orElse(null));
    }

    /** The job kind of the slash command that made this message, if it was one that starts jobs. */
    private static JobKind commandKind(JsonNode d) {
        String name = commandName(d);
        return name == null ? null : JOB_COMMANDS.get(name);
    }

    /** The slash command this message answers ({@code interaction.name}), {@code null} if it names none. */
    private static String commandName(JsonNode d) {
        return Optional.ofNullable(Json.nonBlank(d, "interaction", "name"))
                .orElse(Json.nonBlank(d, "interaction_metadata", "name"));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
