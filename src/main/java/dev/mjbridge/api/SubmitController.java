package dev.mjbridge.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.midjourney.JobRequest;
import dev.mjbridge.midjourney.JobRequest.ImageData;
import dev.mjbridge.task.Routing;
import dev.mjbridge.task.Task;
import dev.mjbridge.midjourney.JobKind;

/**
 * The submits that start a new job: imagine, blend, describe, shorten, video. Bodies are request
 * records read by {@link JsonRequestConverter} whatever their content type and checked by Bean
 * Validation, so that no content type, encoding or malformed body can turn into anything but a
 * code 4 naming the field.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/submit", ApiPaths.MODE_ROOT + "/submit"})
public class SubmitController {

    private final NewTasks newTasks;
    private final TaskSubmitter submitter;
    private final PromptPolicy prompts;
    private final ImageDecoder images;
    private final int maxImages;

    SubmitController(NewTasks newTasks, TaskSubmitter submitter, PromptPolicy prompts, ImageDecoder images,
                     ApiProperties properties) {
        this.newTasks = newTasks;
        this.submitter = submitter;
        this.prompts = prompts;
        this.images = images;
        this.maxImages = properties.limits().maxImages();
    }

    @Operation(summary = "Imagine: a prompt, optionally led by image prompts")
    @PostMapping("/imagine")
    public ApiResponse imagine(@Valid @RequestBody ImagineRequest request,
                               @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
                prompts.check("prompt", request.prompt());
        if (request.allImages().size() > maxImages) {
            throw RejectedRequest.invalid("base64Array", "holds more than " + maxImages + " images");
        }
        List<ImageData> decoded = new ArrayList<>();
        if (request.base64() != null) {
            decoded.add(images.decode("base64", request.base64()));
        }
        decoded.addAll(images.decodeAll("base64Array", request.base64Array()));
        Task task = newTasks.create(JobKind.IMAGINE, request.prompt(), "/imagine " + request.prompt(),
                request.options(), request.allImages());
        return submitter.submit(task, new JobRequest.Imagine(request.prompt(), decoded),
                routing(request.options(), mode));
    }

    @Operation(summary = "Blend 2 to 5 images")
    @PostMapping("/blend")
    public ApiResponse blend(@Valid @RequestBody BlendRequest request,
                             @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
                List<ImageData> decoded = images.decodeAll("base64Array", request.base64Array());
        String description = "/blend " + decoded.size() + " images " + request.dimensions().optionValue();
        Task task = newTasks.create(JobKind.BLEND, null, description, request.options(), request.base64Array());
        return submitter.submit(task, new JobRequest.Blend(decoded, request.dimensions()),
                routing(request.options(), mode));
    }

    @Operation(summary = "Describe an image: four prompts for it")
    @PostMapping("/describe")
    public ApiResponse describe(@Valid @RequestBody DescribeRequest request,
                                @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
                if (request.link() != null) {
            Task task = newTasks.create(JobKind.DESCRIBE, null, "/describe " + request.link(),
                    request.options(), List.of());
            return submitter.submit(task, new JobRequest.DescribeLink(request.link()),
                    routing(request.options(), mode));
        }
        ImageData image = images.decode("base64", request.base64());
        Task task = newTasks.create(JobKind.DESCRIBE, null, "/describe " + image.filename(),
                request.options(), List.of(request.base64()));
        return submitter.submit(task, new JobRequest.Describe(image), routing(request.options(), mode));
    }

    /**
     * Animates a start frame. The task's {@code prompt} is the client's; {@code promptEn} is what
     * follows the image link in the command, so the task can be recognised by it.
     */
    @Operation(summary = "Animate a start frame into four clips")
    @PostMapping("/video")
    public ApiResponse video(@Valid @RequestBody VideoRequest request,
                             @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
                prompts.check("prompt", request.prompt());
        String words = request.promptWithParameters();
        JobRequest.Imagine command;
        List<String> kept;
        String frame;
        if (request.base64() != null) {
            ImageData image = images.decode("base64", request.base64());
            command = new JobRequest.Imagine(words, List.of(image));
            kept = List.of(request.base64());
            frame = "<" + image.filename() + ">";
        } else {
            command = new JobRequest.Imagine(request.imageUrl() + " " + words, List.of());
            kept = List.of();
            frame = request.imageUrl();
        }
        Task task = newTasks.create(JobKind.VIDEO, request.prompt(), "/imagine " + frame + " " + words,
                request.options(), kept).withPrompt(request.prompt(), words);
        return submitter.submit(task, command, routing(request.options(), mode));
    }

    @Operation(summary = "Shorten a prompt: five shorter ones")
    @PostMapping("/shorten")
    public ApiResponse shorten(@Valid @RequestBody ShortenRequest request,
                               @PathVariable(name = ApiPaths.MODE_VARIABLE, required = false) String mode) {
                prompts.check("prompt", request.prompt());
        Task task = newTasks.create(JobKind.SHORTEN, request.prompt(), "/shorten " + request.prompt(),
                request.options(), List.of());
        return submitter.submit(task, new JobRequest.Shorten(request.prompt()), routing(request.options(), mode));
    }

    private static Routing routing(SubmitOptions options, String mode) {
        return Routing.anyAccount(options.botType(), options.accountFilter(), ApiPaths.mode(mode));
    }
}
