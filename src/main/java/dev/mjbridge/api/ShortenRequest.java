package dev.mjbridge.api;

/** {@code POST /mj/submit/shorten}: the prompt to analyse. */
record ShortenRequest(String prompt, SubmitOptions options) {

    static ShortenRequest read(RequestFields fields) {
        return new ShortenRequest(fields.requiredText("prompt").strip(), SubmitOptions.read(fields));
    }
}
