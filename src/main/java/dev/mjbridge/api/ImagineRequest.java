package dev.mjbridge.api;

import java.util.List;

/** {@code POST /mj/submit/imagine}: a prompt, optionally led by image prompts. */
record ImagineRequest(String prompt, List<String> base64Array, SubmitOptions options) {

    static ImagineRequest read(RequestFields fields) {
        return new ImagineRequest(fields.requiredText("prompt"), fields.texts("base64Array"),
                SubmitOptions.read(fields));
    }
}
