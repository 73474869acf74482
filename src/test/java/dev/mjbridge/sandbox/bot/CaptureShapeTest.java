package dev.mjbridge.sandbox.bot;

import dev.mjbridge.testing.CapturedSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds what the sandbox sends, through the real protocol, against real 2026 traffic
 * ({@code captures/v7-2026/session.jsonl}) and, for types and flags, the raw 2023 payloads
 * 09 and 10: for each kind of job the same content templates (prompt, user, percentage and
 * ids made placeholders), file-name patterns (and whether an attachment is ephemeral), button rows (customId families in order,
 * labels, styles, link buttons without customId), message references and create/edit order.
 */
class CaptureShapeTest {

    private static final CapturedSession CAPTURE = CapturedSession.v7();
    private static final String PROMPT = "a classic mobile game scene come alive as 3D sprites";

    // Messages of the capture, by role.
    private static final String IMAGINE_PROGRESS = "1511317060477653013";
    private static final String IMAGINE_FINAL = "1511317165473660928";
    private static final String U_START = "1511317457925570650";
    private static final String U_RESULT = "1511317460668780624";
    private static final String VARY_PROGRESS = "1511317524300697661";
    private static final String VARY_FINAL = "1511317624292769933";
    private static final String ZOOM_PROGRESS = "1511317985510559875";
    private static final String ZOOM_FINAL = "1511318098567762011";
    private static final String PAN_PROGRESS = "1511318399568052304";
    private static final String PAN_FINAL = "1511318524574957568";
    private static final String UPSCALE_PROGRESS = "1511318811616350239";
    private static final String UPSCALE_FINAL = "1511319011097575516";
    private static final String VIDEO_PROGRESS = "1511317497620463676";
    private static final String VIDEO_FINAL = "1511317802265346068";
    private static final String RATING = "1511319783969263847";
    /** The "Image #1" that the vary, zoom, pan, upscale, second video and rating of the capture start from. */
    private static final String CAPTURED_BIRD_IMAGE = "1511317210822611026";

    private static SandboxUserSession user;
    private static SandboxUserSession.JobTrace grid;
    private static SandboxUserSession.JobTrace image;

    @BeforeAll
    static void imagineAndUpscale() {
        user = SandboxUserSession.open("capture-shape");
        grid = user.imagineGrid(PROMPT);
        image = user.followJob(user.press(grid.result(), grid.customId("MJ::JOB::upsample::1::")).accepted());
    }

    @AfterAll
    static void close() {
        user.close();
    }

    @Test
    void imagineHasTheCapturedShape() {
        assertSameJob(grid, IMAGINE_PROGRESS, IMAGINE_FINAL);
        // The final replies to the progress message, in the capture and here.
        assertThat(CAPTURE.message(IMAGINE_FINAL).get(0).referencedMessageId()).isEqualTo(IMAGINE_PROGRESS);
        assertThat(reference(grid.result())).isEqualTo(grid.start().path("id").asString());
        assertThat(grid.start().has("message_reference")).isFalse();
    }

    @Test
    void upscaleHasTheCapturedShapeAndTheRawStartsTypeAndFlags() {
        List<CapturedSession.Line> start = CAPTURE.message(U_START);
        CapturedSession.Line result = CAPTURE.message(U_RESULT).get(0);
        assertThat(template(image.start().path("content").asString())).isEqualTo(template(start.get(0).content()));
        assertThat(buttons(image.start())).isEqualTo(capturedButtons(start.get(0)));
        assertThat(template(image.content())).isEqualTo(template(result.content()));
        assertThat(files(image.result())).isEqualTo(capturedFiles(result));
        assertThat(buttons(image.result())).isEqualTo(capturedButtons(result));
        // Both reply to the grid, as the captured ones do.
        assertThat(start.get(0).referencedMessageId()).isEqualTo(IMAGINE_FINAL);
        assertThat(result.referencedMessageId()).isEqualTo(IMAGINE_FINAL);
        assertThat(reference(image.start())).isEqualTo(grid.result().path("id").asString());
        assertThat(reference(image.result())).isEqualTo(grid.result().path("id").asString());
        assertThat(image.updates()).as("a V7 U1-U4 shows no progress").isEmpty();

        JsonNode raw09 = raw("09-upscale-start-waiting-flags64.json").path("d");
        assertStartLikeRaw(image.start(), raw09);
        assertThat(template(image.start().path("content").asString())).isEqualTo(template(raw09.path("content").asString()));
    }

    @Test
    void varyStrongHasTheCapturedShape() {
        SandboxUserSession.JobTrace vary = pressOnImage("MJ::JOB::high_variation::");
        assertSameJob(vary, VARY_PROGRESS, VARY_FINAL);
        assertRepliesToThePressedImage(vary, VARY_PROGRESS, VARY_FINAL);
    }

    @Test
    void zoomHasTheCapturedShapeAndTheRawStartsTypeAndFlags() {
        SandboxUserSession.JobTrace zoom = pressOnImage("MJ::Outpaint::50::");
        assertSameJob(zoom, ZOOM_PROGRESS, ZOOM_FINAL);
        assertRepliesToThePressedImage(zoom, ZOOM_PROGRESS, ZOOM_FINAL);
        JsonNode raw10 = raw("10-action-start-waiting-flags64-cancel-button.json").path("d");
        assertStartLikeRaw(zoom.start(), raw10);
        assertThat(template(zoom.start().path("content").asString())).isEqualTo(template(raw10.path("content").asString()));
    }

    @Test
    void panHasTheCapturedShape() {
        SandboxUserSession.JobTrace pan = pressOnImage("MJ::JOB::pan_right::");
        assertSameJob(pan, PAN_PROGRESS, PAN_FINAL);
        assertRepliesToThePressedImage(pan, PAN_PROGRESS, PAN_FINAL);
    }

    @Test
    void v7UpscaleHasTheCapturedShape() {
        SandboxUserSession.JobTrace upscale = pressOnImage("MJ::JOB::upsample_v7_2x_subtle::");
        assertSameJob(upscale, UPSCALE_PROGRESS, UPSCALE_FINAL);
        assertRepliesToThePressedImage(upscale, UPSCALE_PROGRESS, UPSCALE_FINAL);
    }

    @Test
    void animateHasTheCapturedShape() {
        SandboxUserSession.JobTrace video = pressOnImage("MJ::JOB::animate_high::");
        assertSameJob(video, VIDEO_PROGRESS, VIDEO_FINAL);
        assertThat(CAPTURE.message(VIDEO_PROGRESS).get(0).referencedMessageId()).isEqualTo(U_RESULT);
        assertThat(CAPTURE.message(VIDEO_FINAL).get(0).referencedMessageId()).isEqualTo(U_RESULT);
        assertThat(reference(video.start())).isEqualTo(image.result().path("id").asString());
        assertThat(reference(video.result())).isEqualTo(image.result().path("id").asString());
        // The video's prompt is rewritten as in the capture: motion, video and aspect appended.
        assertThat(CAPTURE.message(VIDEO_FINAL).get(0).content()).contains(" --motion high --video 1 --aspect 1:1** - ");
        assertThat(video.content()).startsWith("**" + PROMPT + " --motion high --video 1 --aspect 1:1** - ");
    }

    @Test
    void ratingHasTheCapturedShape() {
        SandboxUserSession.Sent press = user.press(image.result(), image.customId("MJ::BOOKMARK::")).accepted();
        JsonNode answer = user.awaitAnswer(press, d -> d.path("content").asString().startsWith("You have"));
        CapturedSession.Line captured = CAPTURE.message(RATING).get(0);
        assertThat(template(answer.path("content").asString())).isEqualTo(template(captured.content()));
        assertThat(captured.referencedMessageId()).isEqualTo(CAPTURED_BIRD_IMAGE);
        assertThat(captured.content()).contains("/" + CAPTURED_BIRD_IMAGE + ")");
        assertThat(reference(answer)).isEqualTo(image.result().path("id").asString());
        assertThat(answer.path("content").asString()).contains("/" + image.result().path("id").asString() + ")");
        assertThat(answer.path("flags").asInt()).isEqualTo(64);
    }

    // ---- comparisons ------------------------------------------------------------------

    private static SandboxUserSession.JobTrace pressOnImage(String customIdPrefix) {
        return user.followJob(user.press(image.result(), image.customId(customIdPrefix)).accepted());
    }

    /** Same content templates (consecutive repeats folded), preview files, buttons and create/edit order. */
    private static void assertSameJob(SandboxUserSession.JobTrace ours, String capturedProgress, String capturedFinal) {
        List<CapturedSession.Line> progress = CAPTURE.message(capturedProgress);
        CapturedSession.Line finalLine = CAPTURE.message(capturedFinal).get(0);

        List<String> capturedTemplates = new ArrayList<>();
        List<List<String>> capturedPreviews = new ArrayList<>();
        List<List<String>> capturedButtons = new ArrayList<>();
        for (CapturedSession.Line line : progress) {
            addFolded(capturedTemplates, template(line.content()));
            addFolded(capturedPreviews, capturedFiles(line));
            addFolded(capturedButtons, capturedButtons(line));
        }
        List<String> ourTemplates = new ArrayList<>();
        List<List<String>> ourPreviews = new ArrayList<>();
        List<List<String>> ourButtons = new ArrayList<>();
        List<JsonNode> ourProgress = new ArrayList<>();
        ourProgress.add(ours.start());
        ourProgress.addAll(ours.updates());
        for (JsonNode message : ourProgress) {
            addFolded(ourTemplates, template(message.path("content").asString()));
            addFolded(ourPreviews, files(message));
            addFolded(ourButtons, buttons(message));
        }
        assertThat(ourTemplates).as("progress contents").isEqualTo(capturedTemplates);
        assertThat(ourPreviews).as("progress files").isEqualTo(capturedPreviews);
        assertThat(ourButtons).as("progress buttons").isEqualTo(capturedButtons);

        assertThat(template(ours.content())).as("final content").isEqualTo(template(finalLine.content()));
        assertThat(files(ours.result())).as("final files").isEqualTo(capturedFiles(finalLine));
        assertThat(buttons(ours.result())).as("final buttons").isEqualTo(capturedButtons(finalLine));

        // Create, edits, then the final as a new message (the capture's order; deletions were not recorded).
        List<String> capturedOrder = new ArrayList<>();
        progress.forEach(line -> addFolded(capturedOrder, line.dispatchType()));
        capturedOrder.add("MESSAGE_CREATE");
        List<String> ourOrder = new ArrayList<>();
        for (JsonNode frame : user.messageFrames(List.of(ours.start().path("id").asString(), ours.result().path("id").asString()))) {
            if (!frame.path("t").asString().equals("MESSAGE_DELETE")) {
                addFolded(ourOrder, frame.path("t").asString());
            }
        }
        assertThat(ourOrder).as("create/edit order").isEqualTo(capturedOrder);
    }

    private static void assertRepliesToThePressedImage(SandboxUserSession.JobTrace ours, String capturedProgress,
                                                       String capturedFinal) {
        assertThat(CAPTURE.message(capturedProgress)).allSatisfy(line ->
                assertThat(line.referencedMessageId()).isEqualTo(CAPTURED_BIRD_IMAGE));
        assertThat(CAPTURE.message(capturedFinal).get(0).referencedMessageId()).isEqualTo(CAPTURED_BIRD_IMAGE);
        String pressed = image.result().path("id").asString();
        assertThat(reference(ours.start())).isEqualTo(pressed);
        ours.updates().forEach(update -> assertThat(reference(update)).isEqualTo(pressed));
        assertThat(reference(ours.result())).isEqualTo(pressed);
    }

    /** A button job's start as in raw captures 09 and 10: type 19, flags 64, one red Cancel Job button. */
    private static void assertStartLikeRaw(JsonNode ours, JsonNode raw) {
        assertThat(ours.path("type").asInt()).isEqualTo(raw.path("type").asInt()).isEqualTo(19);
        assertThat(ours.path("flags").asInt()).isEqualTo(raw.path("flags").asInt()).isEqualTo(64);
        assertThat(buttons(ours)).isEqualTo(buttons(raw));
        assertThat(ours.has("message_reference")).isEqualTo(raw.has("message_reference"));
        assertThat(ours.path("application_id").asString()).isEqualTo(raw.path("application_id").asString());
    }

    private static <T> void addFolded(List<T> list, T value) {
        if (list.isEmpty() || !Objects.equals(list.get(list.size() - 1), value)) {
            list.add(value);
        }
    }

    /** The content with its prompt, user, percentage, job ids and message ids made placeholders. */
    static String template(String content) {
        return content
                .replaceAll("\\*\\*[^*]+\\*\\*", "**<P>**")
                .replaceAll("<@\\d+>", "<@U>")
                .replaceAll("\\(\\d{1,3}%\\)", "(N%)")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<UUID>")
                .replaceAll("\\d{17,20}", "<ID>");
    }

    /** File names as patterns: the job id, the user and prompt words, and the step number made placeholders. */
    static String filePattern(String filename) {
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        return filename
                .replaceAll("^" + uuid + "_(\\d)_step_\\d+\\.jpeg$", "<UUID>_$1_step_<K>.jpeg")
                .replaceAll("^" + uuid + "_grid_0\\.webp$", "<UUID>_grid_0.webp")
                .replaceAll("^.+_" + uuid + "\\.(\\w+)$", "<user>_<words>_<UUID>.$1");
    }

    /** Each attachment as its file-name pattern, marked when Discord serves it as an ephemeral attachment. */
    private static List<String> files(JsonNode attachments) {
        List<String> files = new ArrayList<>();
        for (JsonNode attachment : attachments.isArray() ? attachments : attachments.path("attachments")) {
            boolean ephemeral = attachment.path("url").asString("").contains("/ephemeral-attachments/");
            files.add((ephemeral ? "ephemeral " : "") + filePattern(attachment.path("filename").asString()));
        }
        return files;
    }

    private static List<String> capturedFiles(CapturedSession.Line line) {
        return files(line.raw().path("attachments"));
    }

    /** Each button as {@code customId family | label | style}; a link button has no customId. */
    private static List<String> buttons(JsonNode message) {
        List<String> buttons = new ArrayList<>();
        for (JsonNode row : message.path("components")) {
            for (JsonNode button : row.path("components")) {
                buttons.add(button(button));
            }
        }
        return buttons;
    }

    private static List<String> capturedButtons(CapturedSession.Line line) {
        return line.buttons().stream().map(CaptureShapeTest::button).toList();
    }

    private static String button(JsonNode button) {
        String customId = button.hasNonNull("custom_id") ? template(button.path("custom_id").asString()) : "<link>";
        return customId + " | " + button.path("label").asString("") + " | " + button.path("style").asInt();
    }

    private static String reference(JsonNode message) {
        return message.path("message_reference").path("message_id").asString(null);
    }

    private static JsonNode raw(String name) {
        try (InputStream in = CaptureShapeTest.class.getResourceAsStream("/captures/raw/" + name)) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
