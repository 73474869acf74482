package dev.mjbridge.sandbox.cdn;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves uploaded files back at {@code /uploads/<upload_filename>}, the URL the sandbox
 * gives them in messages and in /describe answers.
 */
@RestController
public class UploadedFileController {

    private static final String PREFIX = "/uploads/";

    private final UploadStore uploads;

    public UploadedFileController(UploadStore uploads) {
        this.uploads = uploads;
    }

    @GetMapping("/uploads/**")
    public ResponseEntity<byte[]> get(HttpServletRequest request) {
        String uploadFilename = request.getRequestURI().substring(PREFIX.length());
        return uploads.find(uploadFilename).filter(UploadStore.Upload::complete)
                .map(upload -> ResponseEntity.ok().contentType(MediaType.parseMediaType(ImageTypes.sniff(upload.bytes())))
                        .body(upload.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
