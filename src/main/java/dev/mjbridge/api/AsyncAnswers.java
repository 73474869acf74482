package dev.mjbridge.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.web.context.request.async.DeferredResult;

/**
 * Answers a request from a future without holding a servlet thread, with a timeout of
 * our choosing: the container's default (30 s on Tomcat) is shorter than some waits on
 * Discord, e.g. the seed DM.
 */
final class AsyncAnswers {

    private AsyncAnswers() {
    }

    static DeferredResult<ApiResponse> of(CompletableFuture<ApiResponse> answer, Duration timeout,
                                          ApiResponse onTimeout) {
        DeferredResult<ApiResponse> result = new DeferredResult<>(timeout.toMillis(), () -> onTimeout);
        answer.whenComplete((response, error) -> {
            if (error != null) {
                result.setErrorResult(AsyncFailures.cause(error));
            } else {
                result.setResult(response);
            }
        });
        return result;
    }
}
