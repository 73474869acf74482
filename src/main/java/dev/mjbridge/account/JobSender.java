package dev.mjbridge.account;

import dev.mjbridge.discord.DiscordApiException;
import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.DiscordRestClient;
import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.CommandName;
import dev.mjbridge.midjourney.InteractionContext;
import dev.mjbridge.midjourney.InteractionPayloads;
import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.UploadedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a {@link JobRequest} into Discord calls from one account: uploads first when
 * the request carries images, then the interaction with the task's nonce. Completes
 * with the prompt as sent (image prompts put in front), or exceptionally with
 * Discord's reason.
 */
public final class JobSender {

    /**
     * How long work waits for the account's gateway session to come back (a new session
     * after op 9 takes a few seconds); shorter than the shortest task timeout, so that a
     * task that cannot be sent says why.
     */
    static final Duration SESSION_WAIT = Duration.ofSeconds(45);

    private static final Logger log = LoggerFactory.getLogger(JobSender.class);

    private final InteractionPayloads payloads;
    private final DiscordEndpoints endpoints;
    private final Nonces nonces = new Nonces();

    public JobSender(InteractionPayloads payloads, DiscordEndpoints endpoints) {
        this.payloads = payloads;
        this.endpoints = endpoints;
    }

    public CompletableFuture<String> send(Account account, JobRequest request, String nonce, BotType botType) {
        return account.interactionContext(nonce, botType, SESSION_WAIT)
                .thenCompose(context -> send(account, request, context));
    }

    private CompletableFuture<String> send(Account account, JobRequest request, InteractionContext context) {
        DiscordRestClient rest = account.rest();
        if (request instanceof JobRequest.Imagine imagine) {
            return imageUrls(account, imagine.images()).thenCompose(urls -> {
                String prompt = urls.isEmpty() ? imagine.prompt() : String.join(" ", urls) + " " + imagine.prompt();
                return rest.postInteraction(payloads.imagine(context, prompt)).thenApply(ok -> prompt);
            });
        }
        if (request instanceof JobRequest.Blend blend) {
            return upload(account, blend.images()).thenCompose(images ->
                    rest.postInteraction(payloads.blend(context, images, blend.dimensions())).thenApply(ok -> null));
        }
        if (request instanceof JobRequest.Describe describe) {
            return upload(account, List.of(describe.image())).thenCompose(images ->
                    rest.postInteraction(payloads.describe(context, images.get(0))).thenApply(ok -> null));
        }
        if (request instanceof JobRequest.DescribeLink link) {
            return rest.postInteraction(payloads.describeLink(context, link.link())).thenApply(ok -> null);
        }
        if (request instanceof JobRequest.Shorten shorten) {
            return rest.postInteraction(payloads.shorten(context, shorten.prompt())).thenApply(ok -> shorten.prompt());
        }
        if (request instanceof JobRequest.Show show) {
            return rest.postInteraction(payloads.show(context, show.jobId())).thenApply(ok -> null);
        }
        if (request instanceof JobRequest.Button button) {
            return rest.postInteraction(payloads.button(context, button.messageId(), button.messageFlags(),
                    button.customId())).thenApply(ok -> null);
        }
        if (request instanceof JobRequest.ModalSubmit modal) {
            return rest.postInteraction(payloads.modalSubmit(context, modal.modalInteractionId(), modal.modalCustomId(),
                    modal.value())).thenApply(ok -> modal.value());
        }
        if (request instanceof JobRequest.InpaintSubmit inpaint) {
            return submitInpaint(account, inpaint);
        }
        return CompletableFuture.failedFuture(new IllegalArgumentException("unknown request " + request));
    }

    /**
     * Changes the account's own speed setting on Midjourney ({@code /fast}, {@code /relax},
     * {@code /turbo}), so that every later job and button press runs in that mode.
     */
    public CompletableFuture<Void> switchMode(Account account, SpeedMode mode, String nonce, BotType botType) {
        CommandName command = switch (mode) {
            case FAST -> CommandName.FAST;
            case RELAX -> CommandName.RELAX;
            case TURBO -> CommandName.TURBO;
        };
        return account.interactionContext(nonce, botType, SESSION_WAIT).thenCompose(context ->
                account.rest().postInteraction(payloads.simpleCommand(context, command))).thenApply(ok -> null);
    }

    /**
     * Switches the account's speed setting on every bot it serves (Midjourney keeps one per bot),
     * each with its own nonce; the answers are the account's own, not a task's. Best effort: a
     * failure is logged, and the next job's refusal or the next sync tells again.
     */
    public void switchEveryBot(Account account, SpeedMode mode) {
        for (BotType botType : account.config().botTypes()) {
            if (botType == BotType.NIJI_JOURNEY && mode == SpeedMode.TURBO) {
                continue; // niji has no turbo mode
            }
            String nonce = nonces.next();
            account.sync().pending().expectNothing(nonce);
            switchMode(account, mode, nonce, botType).whenComplete((ok, error) -> {
                if (error != null) {
                    log.warn("account {}: could not switch {} to {} mode: {}", account.id(), botType, mode,
                            Failures.reasonOf(error));
                } else {
                    log.info("account {}: switched {} to {} mode", account.id(), botType, mode);
                }
            });
        }
    }

    /** Sends a command without options ({@code /info}, {@code /settings}) with this nonce. */
    CompletableFuture<Void> command(Account account, CommandName command, String nonce, BotType botType) {
        return account.interactionContext(nonce, botType, SESSION_WAIT).thenCompose(context ->
                account.rest().postInteraction(payloads.simpleCommand(context, command))).thenApply(ok -> null);
    }

    /** Presses a button of a message (a settings toggle) with this nonce. */
    CompletableFuture<Void> press(Account account, String messageId, int messageFlags, String customId, String nonce,
                                  BotType botType) {
        return account.interactionContext(nonce, botType, SESSION_WAIT).thenCompose(context ->
                account.rest().postInteraction(payloads.button(context, messageId, messageFlags, customId)))
                .thenApply(ok -> null);
    }

    /** Uploads images for a prompt and returns their CDN URLs, via a message in the account's channel. */
    public CompletableFuture<List<String>> imageUrls(Account account, List<JobRequest.ImageData> images) {
        if (images.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return upload(account, images).thenCompose(uploaded -> {
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.put("content", "");
            ArrayNode attachments = message.putArray("attachments");
            for (int i = 0; i < uploaded.size(); i++) {
                ObjectNode attachment = attachments.addObject();
                attachment.put("id", Integer.toString(i));
                attachment.put("filename", uploaded.get(i).filename());
                attachment.put("uploaded_filename", uploaded.get(i).uploadedFilename());
            }
            return account.rest().sendMessage(account.config().channelId(), message);
        }).thenApply(sent -> {
            List<String> urls = new ArrayList<>();
            for (JsonNode attachment : sent.path("attachments")) {
                urls.add(endpoints.cdnUrl(attachment.path("url").asString()));
            }
            if (urls.size() != images.size()) {
                throw new DiscordApiException(0, 0, "Discord returned " + urls.size() + " image links for "
                        + images.size() + " uploaded images");
            }
            return urls;
        });
    }

    private CompletableFuture<List<UploadedImage>> upload(Account account, List<JobRequest.ImageData> images) {
        List<String> names = images.stream().map(JobRequest.ImageData::filename).toList();
        List<Integer> sizes = images.stream().map(i -> i.bytes().length).toList();
        DiscordRestClient rest = account.rest();
        return rest.reserveUploads(account.config().channelId(), names, sizes).thenCompose(slots -> {
            List<CompletableFuture<Void>> puts = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                puts.add(rest.upload(slots.get(i), images.get(i).bytes(), images.get(i).contentType()));
            }
            return CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).thenApply(done ->
                    slots.stream().map(s -> new UploadedImage(s.filename(), s.uploadFilename())).toList());
        });
    }

    private CompletableFuture<String> submitInpaint(Account account, JobRequest.InpaintSubmit inpaint) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String token = inpaint.iframeCustomId().startsWith("MJ::iframe::")
                ? inpaint.iframeCustomId().substring("MJ::iframe::".length()) : inpaint.iframeCustomId();
        body.put("customId", token);
        body.put("mask", inpaint.maskBase64());
        body.put("prompt", inpaint.prompt());
        body.put("userId", account.userId().orElse("0"));
        body.put("username", "0");
        body.put("full_prompt", (String) null);
        return account.rest().postJsonTo(endpoints.inpaintSubmit(), body).thenApply(answer -> inpaint.prompt());
    }
}
