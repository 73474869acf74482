package dev.mjbridge.api;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.mjbridge.midjourney.JobRequest.ImageData;

/**
 * Turns the base64 images of a request into bytes the account can upload. Accepts a
 * data URL ({@code data:image/png;base64,...}) or bare base64 (standard or URL-safe
 * alphabet, padding optional, line breaks allowed); the type is sniffed from the bytes
 * and the decoded size is limited by {@code mj.limits.max-image-bytes}.
 */
@Component
public class ImageDecoder {

    private static final Pattern DATA_URL = Pattern.compile("^data:[^,]*?;base64,", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final long maxImageBytes;

    public ImageDecoder(ApiProperties properties) {
        this.maxImageBytes = properties.limits().maxImageBytes();
    }

    /** Decodes {@code base64}; errors name {@code field}. */
    public ImageData decode(String field, String base64) {
        String payload = stripDataUrl(field, base64);
        // Four base64 characters make three bytes: refuse oversized images before allocating them.
        if (payload.length() / 4 * 3 > maxImageBytes + 3) {
            throw tooLarge(field);
        }
        byte[] bytes = decodeBase64(field, payload);
        if (bytes.length == 0) {
            throw RejectedRequest.invalid(field, "is empty");
        }
        if (bytes.length > maxImageBytes) {
            throw tooLarge(field);
        }
        ImageType type = ImageType.sniff(bytes)
                .orElseThrow(() -> RejectedRequest.invalid(field, "not " + ImageType.NAMES));
        return new ImageData(bytes, type.contentType(), "image." + type.extension());
    }

    /** Decodes every element; the file names are numbered so an upload keeps them apart. */
    public List<ImageData> decodeAll(String field, List<String> base64Array) {
        List<ImageData> images = new ArrayList<>(base64Array.size());
        for (int i = 0; i < base64Array.size(); i++) {
            ImageData image = decode(field + "[" + i + "]", base64Array.get(i));
            String extension = image.filename().substring(image.filename().lastIndexOf('.'));
            images.add(new ImageData(image.bytes(), image.contentType(), "image-" + (i + 1) + extension));
        }
        return images;
    }

    private static String stripDataUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            throw RejectedRequest.invalid(field, "is empty");
        }
        String trimmed = value.strip();
        if (trimmed.regionMatches(true, 0, "data:", 0, 5)) {
            Matcher matcher = DATA_URL.matcher(trimmed);
            if (!matcher.lookingAt()) {
                throw RejectedRequest.invalid(field, "a data URL must be base64 (data:image/png;base64,...)");
            }
            trimmed = trimmed.substring(matcher.end());
        }
        return trimmed;
    }

    private static byte[] decodeBase64(String field, String payload) {
        String compact = WHITESPACE.matcher(payload).replaceAll("");
        try {
            boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
        } catch (IllegalArgumentException e) {
            throw RejectedRequest.invalid(field, "is not valid base64");
        }
    }

    private RejectedRequest tooLarge(String field) {
        return RejectedRequest.invalid(field, "image is larger than " + maxImageBytes + " bytes");
    }
}
