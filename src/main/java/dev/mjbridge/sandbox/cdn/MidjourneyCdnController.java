package dev.mjbridge.sandbox.cdn;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated {@code cdn.midjourney.com}, under {@link MidjourneyFiles#BASE_PATH}: finished
 * image jobs' pictures ({@code /<hash>/0_<n>.png|webp}, a grid whole as {@code grid_0}) and video jobs' clips
 * ({@code /video/<hash>/<n>.mp4}). Permanent links, no signature.
 * The pictures are also served at the sandbox root ({@code /<hash>/0_<n>.png}, {@code grid_0}, strictly job hashes
 * and picture names, so no other path is taken), as the clips already are by {@link CdnController}:
 * a proxy whose Midjourney CDN base is the sandbox's root URL finds the same files there.
 */
@RestController
public class MidjourneyCdnController {

    private static final String ROOT_PICTURE = "/{jobHash:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}"
            + "/{file:(?:0_[0-9]|grid_0)\\.(?:png|webp)}";
    private static final Pattern CLIP_FILE = Pattern.compile("([0-9])\\.mp4");

    private final MidjourneyFiles files;
    private final Cdn cdn;
    private final CdnResponses responses;

    public MidjourneyCdnController(MidjourneyFiles files, Cdn cdn, CdnResponses responses) {
        this.files = files;
        this.cdn = cdn;
        this.responses = responses;
    }

    @GetMapping({MidjourneyFiles.BASE_PATH + "/{jobHash}/{file}", ROOT_PICTURE})
    public DeferredResult<ResponseEntity<?>> picture(@PathVariable String jobHash, @PathVariable String file) {
        return responses.send(files.file(jobHash, file));
    }

    @GetMapping(MidjourneyFiles.BASE_PATH + "/video/{jobHash}/{file}")
    public DeferredResult<ResponseEntity<?>> video(@PathVariable String jobHash, @PathVariable String file) {
        Matcher clip = CLIP_FILE.matcher(file);
        return responses.send(clip.matches() ? cdn.video(jobHash, Integer.parseInt(clip.group(1))) : Optional.empty());
    }
}
