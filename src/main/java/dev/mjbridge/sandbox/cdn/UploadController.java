package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.Recorder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The upload host: {@code PUT /upload/<upload_filename>} with the raw bytes, like the
 * storage bucket Discord hands out upload URLs for.
 */
@RestController
public class UploadController {

    private static final String PREFIX = "/upload/";

    private final UploadStore uploads;
    private final Recorder recorder;

    public UploadController(UploadStore uploads, Recorder recorder) {
        this.uploads = uploads;
        this.recorder = recorder;
    }

    @PutMapping("/upload/**")
    public ResponseEntity<Void> put(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
        String uploadFilename = request.getRequestURI().substring(PREFIX.length());
        byte[] bytes = body == null ? new byte[0] : body;
        if (!uploads.complete(uploadFilename, bytes)) {
            return ResponseEntity.notFound().build();
        }
        uploads.find(uploadFilename).ifPresent(upload -> recorder.upload(new Recorder.ReceivedUpload(
                uploadFilename, upload.userId(), bytes.length, ImageTypes.sniff(bytes))));
        return ResponseEntity.ok().build();
    }
}
