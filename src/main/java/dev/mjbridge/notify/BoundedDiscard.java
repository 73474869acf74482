package dev.mjbridge.notify;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads and throws away a receiver's answer, at most {@code limit} bytes; beyond that the
 * connection is dropped. Only the status code matters, and a hostile receiver must not be
 * able to make us read forever. The body value is the number of bytes seen.
 */
final class BoundedDiscard implements HttpResponse.BodySubscriber<Long> {

    private final long limit;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long received;

    private BoundedDiscard(long limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<Long> handler(long limit) {
        return info -> new BoundedDiscard(limit);
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            received += item.remaining();
        }
        if (received > limit) {
            subscription.cancel();
            result.complete(received);
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(received);
    }
}
