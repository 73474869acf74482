package dev.mjbridge.sandbox.cdn;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves attachment images at the paths {@link Cdn#attach} hands out. */
@RestController
public class CdnController {

    private final Cdn cdn;

    public CdnController(Cdn cdn) {
        this.cdn = cdn;
    }

    @GetMapping({"/attachments/{channelId}/{attachmentId}/{filename}", "/media/attachments/{channelId}/{attachmentId}/{filename}"})
    public ResponseEntity<byte[]> image(@PathVariable String channelId, @PathVariable String attachmentId,
                                        @PathVariable String filename) {
        return cdn.find(attachmentId)
                .filter(entry -> entry.channelId().equals(channelId) && entry.filename().equals(filename))
                .map(entry -> ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        filename.endsWith(".webp") ? "image/webp" : "image/png")).body(cdn.render(entry)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
