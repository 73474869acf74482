package dev.mjbridge.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mjbridge.midjourney.BlendDimensions;

/** {@code POST /mj/submit/blend}: 2 to 5 images and an aspect ratio (square by default). */
record BlendRequest(List<String> base64Array, BlendDimensions dimensions, SubmitOptions options) {

    static final int MIN_IMAGES = 2;
    static final int MAX_IMAGES = 5;

    static BlendRequest read(RequestFields fields) {
        List<String> images = fields.texts("base64Array");
        if (images.size() < MIN_IMAGES || images.size() > MAX_IMAGES) {
            throw RejectedRequest.invalid(fields.path("base64Array"),
                    "must hold " + MIN_IMAGES + " to " + MAX_IMAGES + " images, got " + images.size());
        }
        BlendDimensions dimensions = fields.choice("dimensions", BlendRequest::dimensions, BlendDimensions.SQUARE,
                "PORTRAIT, SQUARE, LANDSCAPE");
        return new BlendRequest(images, dimensions, SubmitOptions.read(fields));
    }

    private static Optional<BlendDimensions> dimensions(String value) {
        for (BlendDimensions candidate : BlendDimensions.values()) {
            if (candidate.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
