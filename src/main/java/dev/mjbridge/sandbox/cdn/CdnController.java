package dev.mjbridge.sandbox.cdn;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Serves attachment images at the paths {@link Cdn#attach} hands out, both the
 * {@code cdn.discordapp.com} form and the {@code media.discordapp.net} proxy form. The
 * signed-URL parameters {@code ex}, {@code is} and {@code hm} are accepted and ignored.
 */
@RestController
public class CdnController {

    private final Cdn cdn;
    private final CdnResponses responses;

    public CdnController(Cdn cdn, CdnResponses responses) {
        this.cdn = cdn;
        this.responses = responses;
    }

    @GetMapping({"/attachments/{channelId}/{attachmentId}/{filename}",
            "/media/attachments/{channelId}/{attachmentId}/{filename}"})
    public DeferredResult<ResponseEntity<?>> image(@PathVariable String channelId, @PathVariable String attachmentId,
                                                   @PathVariable String filename) {
        return responses.send(cdn.file(channelId, attachmentId, filename));
    }
}
