package dev.mjbridge.sandbox.cdn;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Serves files users uploaded, at the {@code /uploads/<upload_filename>} URLs the
 * channel API puts in the attachments of their messages. Only completed uploads exist, and only
 * for a validly signed link ({@link SignedLinks}), as for every other attachment.
 */
@RestController
public class UploadedFileController {

    private static final String PREFIX = "/uploads/";

    private final UploadStore uploads;
    private final CdnResponses responses;

    public UploadedFileController(UploadStore uploads, CdnResponses responses) {
        this.uploads = uploads;
        this.responses = responses;
    }

    // Upload filenames contain a slash ("<uuid>/<name>"), so the rest of the path is the name.
    @GetMapping("/uploads/**")
    public DeferredResult<ResponseEntity<?>> file(HttpServletRequest request) {
        String uploadFilename = request.getRequestURI().substring(PREFIX.length());
        return responses.sendSigned(request, () -> uploads.find(uploadFilename)
                .filter(UploadStore.Upload::complete)
                .map(upload -> new ServedFile(upload.bytes(), ImageTypes.sniff(upload.bytes()))));
    }
}
