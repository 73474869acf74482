package dev.mjbridge.api;

/**
 * Ends a request early with a ready answer (codes 3, 4, 24, ...). Thrown from deep
 * inside request reading and validation so that handlers stay straight-line; the
 * {@link ApiExceptionHandler} writes {@link #response()} as is. It is control flow, not
 * a fault: no stack trace is captured.
 */
public final class RejectedRequest extends RuntimeException {

    private final transient ApiResponse response;

    public RejectedRequest(ApiResponse response) {
        super(response.description(), null, false, false);
        this.response = response;
    }

    public static RejectedRequest invalid(String field, String reason) {
        return new RejectedRequest(ApiResponse.invalid(field, reason));
    }

    public static RejectedRequest taskNotFound(String taskId) {
        return new RejectedRequest(ApiResponse.notFound("Task not found: " + ClientText.quote(taskId)));
    }

    public ApiResponse response() {
        return response;
    }
}
