package dev.mjbridge.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import dev.mjbridge.midjourney.JobRequest.ImageData;
import dev.mjbridge.task.TaskService;

/**
 * {@code /mj/submit/upload-discord-images}: puts images on Discord's CDN and answers their
 * URLs ({@code result} is the list). Asynchronous: no request thread waits for Discord.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/submit", ApiPaths.MODE_ROOT + "/submit"})
public class UploadController {

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);
    /** Several 10 MB images over a slow link take a while; the container's 30 s default is too short. */
    private static final Duration UPLOAD_WAIT = Duration.ofMinutes(2);

    private final TaskService tasks;
    private final ImageDecoder images;
    private final int maxImages;

    UploadController(TaskService tasks, ImageDecoder images, ApiProperties properties) {
        this.tasks = tasks;
        this.images = images;
        this.maxImages = properties.limits().maxImages();
    }

    @Operation(summary = "Put images on Discord's CDN; result is their URLs")
    @PostMapping("/upload-discord-images")
    public DeferredResult<ApiResponse> upload(@Valid @RequestBody UploadImagesRequest request) {
        if (request.base64Array().size() > maxImages) {
            throw RejectedRequest.invalid("base64Array", "holds more than " + maxImages + " images");
        }
        List<ImageData> decoded = images.decodeAll("base64Array", request.base64Array());
        return AsyncAnswers.of(tasks.uploadImages(decoded).handle((urls, error) -> {
            if (error != null) {
                log.warn("Uploading {} image(s) to Discord failed", decoded.size(), AsyncFailures.cause(error));
                return ApiResponse.failure("Uploading the images to Discord failed; try again later");
            }
            return ApiResponse.success("Success", urls);
        }), UPLOAD_WAIT, ApiResponse.failure("Uploading the images to Discord took too long; try again later"));
    }
}
