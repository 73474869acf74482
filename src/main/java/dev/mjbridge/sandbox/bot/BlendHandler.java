package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.cdn.ImageTypes;
import dev.mjbridge.sandbox.rest.DiscordErrors;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * /blend: two to five uploaded images become one grid job whose prompt is their short
 * links and the chosen dimensions, e.g.
 * {@code <https://s.mj.run/a> <https://s.mj.run/b> --ar 1:1}.
 */
@Component
class BlendHandler {

    static final int MAX_IMAGES = 5;
    private static final String SQUARE = "--ar 1:1";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final UploadedImages uploads;
    private final AccountGate gate;
    private final ErrorEmbeds errors;
    private final JobStarter starter;

    BlendHandler(UploadedImages uploads, AccountGate gate, ErrorEmbeds errors, JobStarter starter) {
        this.uploads = uploads;
        this.gate = gate;
        this.errors = errors;
        this.starter = starter;
    }

    Decision command(Interaction command) {
        List<UploadedImages.Uploaded> images = new ArrayList<>();
        for (int i = 1; i <= MAX_IMAGES; i++) {
            String option = "image" + i;
            if (CommandOptions.value(command.data(), option).isEmpty()) {
                continue;
            }
            Optional<UploadedImages.Uploaded> image = uploads.resolve(command.data(), option);
            if (image.isEmpty()) {
                return Decision.reject(400, DiscordErrors.invalidFormBody("data.attachments", "ATTACHMENT_NOT_FOUND",
                        "The attachment of " + option + " was not uploaded."));
            }
            images.add(image.get());
        }
        Optional<String> dimensions = CommandOptions.string(command.data(), "dimensions");
        boolean knownDimensions = dimensions.isEmpty() || CommandKind.BLEND.options().stream()
                .flatMap(o -> o.choices().stream()).anyMatch(c -> c.value().equals(dimensions.get()));
        if (!knownDimensions) {
            return Decision.reject(400, DiscordErrors.invalidFormBody("data.options", "BASE_TYPE_CHOICES",
                    "Value must be one of {'--ar 2:3', '--ar 1:1', '--ar 3:2'}."));
        }
        return gate.captcha(command).orElseGet(() ->
                Decision.success(() -> blend(command, images, dimensions.orElse(SQUARE))));
    }

    private void blend(Interaction command, List<UploadedImages.Uploaded> images, String dimensions) {
        Set<String> seen = new HashSet<>();
        List<String> links = new ArrayList<>();
        for (UploadedImages.Uploaded image : images) {
            if (!ImageTypes.isImage(image.bytes())) {
                errors.post(command, ErrorKind.INVALID_PARAMETER, "The file `" + image.filename() + "` is not an image.");
                return;
            }
            String digest = sha256(image.bytes());
            if (!seen.add(digest)) {
                errors.post(command, ErrorKind.DUPLICATE_IMAGES);
                return;
            }
            links.add("<https://s.mj.run/" + shortCode(digest) + ">");
        }
        String prompt = String.join(" ", links) + " " + dimensions;
        starter.start(JobRequest.of(command, JobKind.BLEND, "", prompt).withPromptChecks(false));
    }

    private static String shortCode(String hexDigest) {
        StringBuilder code = new StringBuilder();
        byte[] bytes = hexDigest.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 11; i++) {
            code.append(BASE62.charAt(((bytes[i] * 31) + bytes[i + 11]) % BASE62.length()));
        }
        return code.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
