package dev.mjbridge.sandbox.cdn;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves attachment images at the paths {@link Cdn#attach} hands out, both the
 * {@code cdn.discordapp.com} form and the {@code media.discordapp.net} proxy form, only
 * for a link whose {@code ex}, {@code is} and {@code hm} are valid ({@link SignedLinks}):
 * otherwise 404 with Discord's "no longer available" text, whether the query was stripped,
 * forged or has expired, or the attachment does not exist.
 * Ephemeral attachments have the same two forms under {@code ephemeral-attachments}.
 * Also serves finished video jobs' clips where Midjourney's CDN has them,
 * {@code /video/<job hash>/<n>.mp4}.
 */
@RestController
public class CdnController {

    private static final Pattern CLIP_FILE = Pattern.compile("([0-9])\\.mp4");

    private final Cdn cdn;
    private final CdnResponses responses;

    public CdnController(Cdn cdn, CdnResponses responses) {
        this.cdn = cdn;
        this.responses = responses;
    }

    @GetMapping({"/attachments/{channelId}/{attachmentId}/{filename}",
            "/media/attachments/{channelId}/{attachmentId}/{filename}"})
    public DeferredResult<ResponseEntity<?>> image(@PathVariable String channelId, @PathVariable String attachmentId,
                                                   @PathVariable String filename, HttpServletRequest request) {
        return responses.sendSigned(request, () -> cdn.file(channelId, attachmentId, filename));
    }

    @GetMapping({"/ephemeral-attachments/{channelId}/{attachmentId}/{filename}",
            "/media/ephemeral-attachments/{channelId}/{attachmentId}/{filename}"})
    public DeferredResult<ResponseEntity<?>> ephemeralImage(@PathVariable String channelId,
                                                            @PathVariable String attachmentId,
                                                            @PathVariable String filename, HttpServletRequest request) {
        return responses.sendSigned(request, () -> cdn.ephemeralFile(channelId, attachmentId, filename));
    }

    @GetMapping("/video/{jobHash}/{file}")
    public DeferredResult<ResponseEntity<?>> video(@PathVariable String jobHash, @PathVariable String file) {
        Matcher clip = CLIP_FILE.matcher(file);
        return responses.send(clip.matches() ? cdn.video(jobHash, Integer.parseInt(clip.group(1))) : Optional.empty());
    }
}
