package dev.mjbridge.api;

/** {@code POST /mj/submit/action}: press button {@code customId} of task {@code taskId}. */
record ActionRequest(String taskId, String customId, boolean chooseSameChannel, String notifyHook, String state) {

    static ActionRequest read(RequestFields fields) {
        return new ActionRequest(fields.requiredId("taskId"), fields.requiredText("customId").trim(),
                fields.flag("chooseSameChannel", false), fields.optionalUrl("notifyHook"), fields.text("state"));
    }
}
