package dev.mjbridge.api;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.images.ImageInfo;
import dev.mjbridge.images.ImageKey;
import dev.mjbridge.images.ImageStore;
import dev.mjbridge.images.InvalidImageKeyException;
import dev.mjbridge.images.StoredImage;
import dev.mjbridge.images.TemporaryLink;

/**
 * {@code GET /mj/image/{taskId}/{file}}: a stored picture, streamed from the store. Stored files
 * never change under their key, so they are cached for a year as immutable; conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}) and single byte ranges are answered, the latter
 * so that video players can seek. Public unless {@code mj.images.require-secret} is set
 * ({@link ApiSecretFilter}). With {@code mj.images.store: none} every request is a 404.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/image", ApiPaths.MODE_ROOT + "/image"})
public class ImageController {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private static final Logger log = LoggerFactory.getLogger(ImageController.class);

    private final Optional<ImageStore> store;

    ImageController(Optional<ImageStore> store) {
        this.store = store;
    }

    @Operation(summary = "A stored picture or clip", responses = {
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "the file (PNG, WebP, MP4, ...), cached as immutable",
                    content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary"))),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "206",
                    description = "the byte range asked for", content = @Content(mediaType = "*/*",
                    schema = @Schema(type = "string", format = "binary"))),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "302",
                    description = "a presigned link to the file in S3 (mj.images.s3.presign)"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "304", description = "not modified"),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404",
                    description = "no such file, or images are not stored (code 3)", content = @Content(
                    mediaType = "application/json", schema = @Schema(ref = OpenApiOperations.ENVELOPE))),
            @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "416",
                    description = "the range is outside the file")})
    @RequestMapping(value = "/{taskId}/{file}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public void image(@PathVariable("taskId") String taskId, @PathVariable("file") String file,
                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (store.isEmpty()) {
            notFound(response, "Images are not stored here (mj.images.store is none)");
            return;
        }
        ImageKey key = keyOf(taskId, file);
        Optional<TemporaryLink> link = store.get().temporaryLink(key);
        if (link.isPresent()) {
            redirect(link.get(), response);
            return;
        }
        Optional<StoredImage> opened = store.get().open(key);
        if (opened.isEmpty()) {
            notFound(response, "Image not found: " + key);
            return;
        }
        try (StoredImage image = opened.get()) {
            serve(image, request, response);
        } catch (IOException e) {
            if (!response.isCommitted()) {
                throw e;
            }
            // Players and browsers drop connections mid-file all the time (seeking, closing a tab);
            // the status is already sent, so there is nothing left to answer.
            log.debug("{} was not sent to the end: {}", key, e.toString());
        }
    }

    private static ImageKey keyOf(String taskId, String file) {
        try {
            return new ImageKey(taskId, file);
        } catch (InvalidImageKeyException e) {
            throw RejectedRequest.invalid(e.field(), e.reason());
        }
    }

    private static void serve(StoredImage image, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ImageInfo info = image.info();
        response.setHeader(HttpHeaders.ETAG, info.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, info.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (ImageConditions.notModified(request, info)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        ByteRange range = ImageConditions.rangeApplies(request, info)
                ? ByteRange.of(request.getHeader(HttpHeaders.RANGE), info.size())
                : new ByteRange.Whole();
        if (range instanceof ByteRange.Unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + info.size());
            response.setContentLength(0);
            return;
        }
        long first = 0;
        long length = info.size();
        if (range instanceof ByteRange.Part part) {
            first = part.first();
            length = part.length();
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE,
                    "bytes " + part.first() + "-" + part.last() + "/" + info.size());
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
        }
        response.setContentType(info.contentType());
        response.setContentLengthLong(length);
        if (!"HEAD".equals(request.getMethod())) {
            image.copyTo(response.getOutputStream(), first, length);
        }
    }

    /**
     * The store hands out links of its own (presigned S3 links): the client fetches the bytes there.
     * Private, so that no shared cache keeps a link it was not given, and only for a little less
     * than the link works.
     */
    private static void redirect(TemporaryLink link, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, link.url().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + link.cacheSeconds());
    }

    private static void notFound(HttpServletResponse response, String description) throws IOException {
        ErrorBodies.write(response, HttpServletResponse.SC_NOT_FOUND, ApiResponse.notFound(description));
    }
}
