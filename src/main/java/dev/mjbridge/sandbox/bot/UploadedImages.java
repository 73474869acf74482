package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SandboxUrls;
import dev.mjbridge.sandbox.cdn.SignedLinks;
import dev.mjbridge.sandbox.cdn.UploadStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Resolves an attachment option of a command ({@code /describe image}, {@code /blend
 * image1}): the option's value names an entry of {@code data.attachments}, whose
 * {@code uploaded_filename} names a finished upload.
 */
@Component
class UploadedImages {

    /** An uploaded file and the URL it is shown under. */
    record Uploaded(String filename, byte[] bytes, String url) {
    }

    private final UploadStore uploads;
    private final SandboxUrls urls;

    private final SignedLinks links;

    UploadedImages(UploadStore uploads, SandboxUrls urls, SignedLinks links) {
        this.links = links;
        this.uploads = uploads;
        this.urls = urls;
    }

    /** The finished upload the option refers to; empty when it refers to nothing usable. */
    Optional<Uploaded> resolve(JsonNode data, String optionName) {
        Optional<String> attachmentId = CommandOptions.value(data, optionName).map(v -> v.asString(""));
        if (attachmentId.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode attachment : data.path("attachments")) {
            if (attachmentId.get().equals(attachment.path("id").asString(null))) {
                return uploads.find(attachment.path("uploaded_filename").asString(null))
                        .filter(UploadStore.Upload::complete)
                        .map(upload -> new Uploaded(upload.filename(), upload.bytes(),
                                signedUrl(upload)));
            }
        }
        return Optional.empty();
    }

    private String signedUrl(UploadStore.Upload upload) {
        String path = "/uploads/" + upload.uploadFilename();
        return urls.http() + path + links.query(path);
    }
}
