package dev.mjbridge.images;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected into memory up to a cap: the transfer is cancelled as soon as
 * the body passes it, so an oversized or endless file costs at most the cap (plus one chunk).
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body passed the cap; not an IOException, so it is never mistaken for a network error worth retrying. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long cap) {
            super("the body is larger than the cap of " + cap + " bytes");
        }
    }

    private final long cap;
    private final boolean truncate;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(long cap, boolean truncate) {
        this.cap = cap;
        this.truncate = truncate;
    }

    /** The whole body, or a {@link TooLarge} failure once it passes {@code cap}. */
    static CappedBody failingOver(long cap) {
        return new CappedBody(cap, false);
    }

    /** The body's first {@code cap} bytes at most: enough to read an error answer's text. */
    static CappedBody truncatedAt(long cap) {
        return new CappedBody(cap, true);
    }

    /** A body that fails at once, for an answer whose announced length is already over the cap. */
    static HttpResponse.BodySubscriber<byte[]> refused(long cap) {
        CappedBody refused = new CappedBody(cap, false);
        refused.body.completeExceptionally(new TooLarge(cap));
        return refused;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            long room = cap - received.size();
            if (buffer.remaining() > room) {
                subscription.cancel();
                if (truncate) {
                    append(buffer, (int) room);
                    body.complete(received.toByteArray());
                } else {
                    body.completeExceptionally(new TooLarge(cap));
                }
                return;
            }
            append(buffer, buffer.remaining());
        }
    }

    private void append(ByteBuffer buffer, int length) {
        byte[] chunk = new byte[length];
        buffer.get(chunk);
        received.write(chunk, 0, length);
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }
}
