package dev.mjbridge.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One attempt to post a task's JSON to a hook, whoever runs it (the in-memory dispatcher of a
 * single instance, or the outbox of a cluster): the SSRF re-check of a client's hook, the headers
 * ({@code X-Mj-Delivery}, and {@code X-Mj-Signature} signed at this attempt's time) and the POST.
 * Runs on a worker thread: the re-check may look the host up in DNS.
 */
final class HookPost {

    static final String DELIVERY_HEADER = "X-Mj-Delivery";

    /**
     * How an attempt went.
     *
     * @param result    the answer, or what went wrong
     * @param retryable false when no later attempt can go otherwise (the hook is not a URL)
     */
    record Posted(DeliveryResult result, boolean retryable) {
    }

    private final NotifyProperties properties;
    private final NotifyHookPolicy policy;
    private final WebhookSender sender;

    HookPost(NotifyProperties properties, NotifyHookPolicy policy, ScheduledExecutorService timer) {
        this.properties = properties;
        this.policy = policy;
        this.sender = new WebhookSender(properties.timeout(), properties.maxAnswerBytes(), timer);
    }

    /** Never completes exceptionally. */
    CompletableFuture<Posted> post(HookTarget target, String deliveryId, byte[] json, Instant now) {
        if (target.checked()) {
            // Checked again on every attempt: the name may resolve elsewhere than at submit time.
            Optional<String> refusal = policy.refusalReason(target.url());
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(
                        new Posted(DeliveryResult.failed("refused: " + refusal.get()), true));
            }
        }
        Optional<URI> uri = HookUrls.parse(target.url());
        if (uri.isEmpty()) {
            return CompletableFuture.completedFuture(new Posted(DeliveryResult.failed("not a URL"), false));
        }
        return sender.post(uri.get(), json, headers(deliveryId, json, now)).thenApply(result -> new Posted(result, true));
    }

    /** {@code X-Mj-Delivery} always; {@code X-Mj-Signature} with a signing secret, signed at this attempt's time. */
    private Map<String, String> headers(String deliveryId, byte[] json, Instant now) {
        String secret = properties.signingSecret();
        if (secret == null) {
            return Map.of(DELIVERY_HEADER, deliveryId);
        }
        return Map.of(DELIVERY_HEADER, deliveryId,
                WebhookSignature.HEADER, WebhookSignature.header(secret, now.getEpochSecond(), json));
    }
}
