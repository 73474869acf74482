package dev.mjbridge.api;

/**
 * {@code POST /mj/submit/modal}: completes a task waiting in MODAL. An empty prompt means
 * the parent's prompt; the mask (white = repaint) is for vary region.
 */
record ModalRequest(String taskId, String prompt, String maskBase64) {

    static ModalRequest read(RequestFields fields) {
        return new ModalRequest(fields.requiredId("taskId"), fields.optionalText("prompt"),
                fields.optionalText("maskBase64"));
    }
}
