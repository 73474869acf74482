package dev.mjbridge.api;

import java.util.List;

/** {@code POST /mj/submit/upload-discord-images}: images to put on Discord's CDN. */
record UploadImagesRequest(List<String> base64Array) {

    static UploadImagesRequest read(RequestFields fields) {
        List<String> images = fields.texts("base64Array");
        if (images.isEmpty()) {
            throw RejectedRequest.invalid(fields.path("base64Array"), "is required (at least one image)");
        }
        return new UploadImagesRequest(images);
    }
}
