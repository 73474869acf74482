package dev.mjbridge.api;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@code POST /mj/submit/imagine}: a prompt, optionally led by image prompts.
 *
 * @param base64 the single image field of older midjourney-proxy versions; put before {@code base64Array}
 */
record ImagineRequest(String prompt, String base64, List<String> base64Array, SubmitOptions options) {

    static ImagineRequest read(RequestFields fields) {
        return new ImagineRequest(fields.requiredText("prompt").strip(), fields.optionalText("base64"),
                fields.texts("base64Array"), SubmitOptions.read(fields));
    }

    /** Every image as sent, the single {@code base64} first. */
    List<String> allImages() {
        if (base64 == null) {
            return base64Array;
        }
        return Stream.concat(Stream.of(base64), base64Array.stream()).toList();
    }
}
