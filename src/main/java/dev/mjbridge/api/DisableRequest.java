package dev.mjbridge.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /mj/account/{id}/disable}'s optional body: the operator's reason, shown with the account. */
@RequestRules
@Schema(name = "DisableRequest")
record DisableRequest(
        @Schema(description = "why the account is taken out; at most 300 characters", example = "card expired")
        String reason) implements JsonRequest, RequestRules.Checked {

    /** Long enough for a sentence, short enough for a log line and the account list. */
    static final int MAX_REASON = 300;

    DisableRequest {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    @Override
    public List<RequestRules.Problem> problems() {
        return reason != null && reason.length() > MAX_REASON
                ? List.of(new RequestRules.Problem("reason", "is longer than " + MAX_REASON + " characters"))
                : List.of();
    }
}
