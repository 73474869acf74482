package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.rest.DiscordErrors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Modal submits (type 5): {@code data.id} must name a modal the bot opened for this
 * user and still open, {@code data.custom_id} must be that modal's, and its text input
 * must carry a value. Each modal is submitted once.
 */
@Component
class ModalRouter {

    private final OpenModals modals;

    ModalRouter(OpenModals modals) {
        this.modals = modals;
    }

    Decision route(Interaction submit) {
        String modalId = submit.data().path("id").asString(null);
        Optional<OpenModals.Pending> pending = modals.find(modalId)
                .filter(p -> p.userId().equals(submit.user().id()));
        if (pending.isEmpty()) {
            return Decision.reject(404, DiscordErrors.body("Unknown interaction", DiscordErrors.UNKNOWN_INTERACTION));
        }
        ModalForm form = pending.get().form();
        if (!form.customId().equals(submit.data().path("custom_id").asString(""))) {
            return Decision.reject(400, DiscordErrors.invalidFormBody("data.custom_id", "MODAL_CUSTOM_ID_MISMATCH",
                    "The custom id does not match the modal."));
        }
        Optional<String> value = textInput(submit.data(), form.inputId());
        if (value.isEmpty()) {
            return Decision.reject(400, DiscordErrors.invalidFormBody("data.components", "BASE_TYPE_REQUIRED",
                    "The text input " + form.inputId() + " is required."));
        }
        if (!modals.close(modalId)) {
            return Decision.reject(404, DiscordErrors.body("Unknown interaction", DiscordErrors.UNKNOWN_INTERACTION));
        }
        return Decision.success(() -> pending.get().submission().submit(submit, value.get()));
    }

    private static Optional<String> textInput(JsonNode data, String inputId) {
        for (JsonNode row : data.path("components")) {
            for (JsonNode input : row.path("components")) {
                if (inputId.equals(input.path("custom_id").asString(null))) {
                    return Optional.of(input.path("value").asString("")).filter(v -> !v.isBlank());
                }
            }
        }
        return Optional.empty();
    }
}
