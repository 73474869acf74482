package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.gateway.GatewayHub;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Dispatches the INTERACTION_* events of an accepted interaction to the session that sent it. */
@Component
class Acknowledger {

    private final GatewayHub hub;

    Acknowledger(GatewayHub hub) {
        this.hub = hub;
    }

    void acknowledge(Interaction interaction, Acknowledgement acknowledgement) {
        send(interaction, "INTERACTION_CREATE", idAndNonce(interaction));
        if (acknowledgement instanceof Acknowledgement.OpenModal modal) {
            ObjectNode data = idAndNonce(interaction);
            data.put("custom_id", modal.form().customId());
            data.put("title", modal.form().title());
            data.set("components", modal.form().components());
            data.set("application", interaction.app().application());
            data.put("channel_id", interaction.channel().id());
            send(interaction, "INTERACTION_MODAL_CREATE", data);
        } else if (acknowledgement instanceof Acknowledgement.OpenIframe iframe) {
            ObjectNode data = idAndNonce(interaction);
            data.put("custom_id", iframe.customId());
            data.put("iframe_path", iframe.iframePath());
            data.put("title", iframe.title());
            data.put("modal_size", 2);
            data.set("application", interaction.app().application());
            data.put("channel_id", interaction.channel().id());
            send(interaction, "INTERACTION_IFRAME_MODAL_CREATE", data);
        } else {
            send(interaction, "INTERACTION_SUCCESS", idAndNonce(interaction));
        }
    }

    private void send(Interaction interaction, String type, ObjectNode data) {
        hub.dispatchToSession(interaction.sessionId(), interaction.user().id(), type, data);
    }

    private static ObjectNode idAndNonce(Interaction interaction) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", interaction.id());
        if (interaction.nonce() != null) {
            data.put("nonce", interaction.nonce());
        } else {
            data.putNull("nonce");
        }
        return data;
    }
}
