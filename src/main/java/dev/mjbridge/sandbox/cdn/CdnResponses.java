package dev.mjbridge.sandbox.cdn;

import dev.mjbridge.sandbox.rest.DiscordErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns what the CDN found into HTTP responses, and applies the slow-CDN fault. The
 * delay is a scheduled completion of an async response, so a slow CDN ties up no
 * servlet thread however many downloads are waiting.
 */
@Component
public class CdnResponses {

    /** Attachment URLs never change content (a new image gets a new id), so clients may keep them. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
    /** How long past the fault's delay a response may take before the container gives up on it. */
    private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private final Cdn cdn;
    private final ScheduledExecutorService scheduler;
    private final SignedLinks links;

    public CdnResponses(Cdn cdn, @Qualifier("sandboxScheduler") ScheduledExecutorService scheduler, SignedLinks links) {
        this.cdn = cdn;
        this.scheduler = scheduler;
        this.links = links;
    }

    /**
     * For a signed attachment link ({@code ex}, {@code is}, {@code hm} in the query): the file, or
     * Discord's "no longer available" 404 when the link is stripped, forged or expired, or there is no
     * file. The file is only looked up once the link passed.
     */
    public DeferredResult<ResponseEntity<?>> sendSigned(HttpServletRequest request, Supplier<Optional<ServedFile>> file) {
        if (!links.valid(request.getRequestURI(), request.getParameter("ex"), request.getParameter("is"),
                request.getParameter("hm"))) {
            return afterDelay(goneResponse());
        }
        return sendOrGone(file.get());
    }

    /** 200 with the file, or Discord's 404 body when there is none; after the slow-CDN delay either way. */
    public DeferredResult<ResponseEntity<?>> send(Optional<ServedFile> file) {
        return afterDelay(file.<ResponseEntity<?>>map(CdnResponses::ok).orElseGet(CdnResponses::notFound));
    }

    /** 200 with the file, or Discord's attachment-CDN 404 ("no longer available") when there is none. */
    public DeferredResult<ResponseEntity<?>> sendOrGone(Optional<ServedFile> file) {
        return afterDelay(file.<ResponseEntity<?>>map(CdnResponses::ok).orElseGet(CdnResponses::goneResponse));
    }

    static ResponseEntity<byte[]> ok(ServedFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.bytes().length)
                .cacheControl(IMMUTABLE)
                .body(file.bytes());
    }

    static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(DiscordErrors.body("404: Not Found", 0));
    }

    static ResponseEntity<?> goneResponse() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_PLAIN)
                .cacheControl(CacheControl.noStore())
                .body(SignedLinks.GONE);
    }

    private DeferredResult<ResponseEntity<?>> afterDelay(ResponseEntity<?> response) {
        Duration delay = cdn.delay();
        DeferredResult<ResponseEntity<?>> result = new DeferredResult<>(delay.plus(TIMEOUT_MARGIN).toMillis());
        if (delay.isZero()) {
            result.setResult(response);
            return result;
        }
        try {
            scheduler.schedule(() -> result.setResult(response), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            result.setResult(response);
        }
        return result;
    }
}
