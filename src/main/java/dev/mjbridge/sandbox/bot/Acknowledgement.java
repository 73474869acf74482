package dev.mjbridge.sandbox.bot;

/**
 * How an accepted interaction is acknowledged on the gateway: INTERACTION_CREATE and
 * then INTERACTION_SUCCESS, INTERACTION_MODAL_CREATE or INTERACTION_IFRAME_MODAL_CREATE.
 */
sealed interface Acknowledgement {

    record Success() implements Acknowledgement {
    }

    record OpenModal(ModalForm form) implements Acknowledgement {
    }

    /** An iframe modal (the vary-region editor, or a captcha). */
    record OpenIframe(String customId, String iframePath, String title) implements Acknowledgement {
    }
}
