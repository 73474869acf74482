package dev.mjbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParseMessageCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRID_HASH = "3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParseMessageCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode printed() {
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private Path example(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/discord/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path file(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void finalGrid() throws IOException {
        assertThat(run(example("03-final-grid.json").toString())).isZero();

        JsonNode result = printed();
        assertThat(result.path("dispatchType").asString()).isEqualTo("MESSAGE_CREATE");
        assertThat(result.path("event").asString()).isEqualTo("JobFinished");
        assertThat(result.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(result.path("progress").asString()).isEqualTo("100%");
        assertThat(result.path("action").asString()).isEqualTo("IMAGINE");
        assertThat(result.path("prompt").asString()).isEqualTo("an owl on a pine branch --ar 2:3");
        assertThat(result.path("jobHash").asString()).isEqualTo(GRID_HASH);
        assertThat(result.path("imageUrl").asString()).contains(GRID_HASH + ".png");
        assertThat(result.path("buttons")).hasSize(9);
        assertThat(result.path("buttons").path(0).path("customId").asString())
                .isEqualTo("MJ::JOB::upsample::1::" + GRID_HASH);
        assertThat(result.path("buttons").path(4).path("emoji").asString()).isEqualTo("🔄");
        assertThat(result.path("errorTitle").isNull()).isTrue();
        assertThat(result.path("correlation").path("messageId").asString()).isEqualTo("1200000000000000102");
        assertThat(result.path("details").path("width").asInt()).isEqualTo(1792);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void progressAsAWholeGatewayFrame() throws IOException {
        String d = Files.readString(example("02-progress.json"));
        Path frame = file("frame.json", "{\"op\":0,\"s\":7,\"t\":\"MESSAGE_UPDATE\",\"d\":" + d + "}");

        assertThat(run(frame.toString())).isZero();

        JsonNode result = printed();
        assertThat(result.path("dispatchType").asString()).isEqualTo("MESSAGE_UPDATE");
        assertThat(result.path("event").asString()).isEqualTo("JobProgress");
        assertThat(result.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(result.path("progress").asString()).isEqualTo("46%");
        assertThat(result.path("mode").asString()).isEqualTo("fast");
        assertThat(result.path("jobHash").asString()).isEqualTo(GRID_HASH);
        assertThat(result.path("correlation").path("interactionId").asString()).isEqualTo("1200000000000000901");
    }

    @Test
    void upscale() throws IOException {
        assertThat(run("parse-message", example("04-upscale.json").toString())).isZero();

        JsonNode result = printed();
        assertThat(result.path("event").asString()).isEqualTo("JobFinished");
        assertThat(result.path("action").asString()).isEqualTo("UPSCALE");
        assertThat(result.path("details").path("index").asInt()).isEqualTo(3);
        assertThat(result.path("correlation").path("referencedMessageId").asString()).isEqualTo("1200000000000000102");
        assertThat(result.path("buttons")).hasSize(14);
    }

    @Test
    void describe() throws IOException {
        Path file = file("describe.json", """
                {"id":"5","channel_id":"2","author":{"id":"936929561302675456"},"content":"",
                 "embeds":[{"description":"1️⃣ a red fox --ar 3:2\\n\\n2️⃣ fox in snow\\n\\n3️⃣ a fox\\n\\n4️⃣ wild fox",
                            "image":{"url":"https://cdn.discordapp.com/fox.png"}}],
                 "components":[{"type":1,"components":[{"type":2,"style":2,"custom_id":"MJ::Job::PicReader::1","label":"1"}]}],
                 "interaction_metadata":{"id":"901"}}
                """);

        assertThat(run("--type", "MESSAGE_UPDATE", file.toString())).isZero();

        JsonNode result = printed();
        assertThat(result.path("dispatchType").asString()).isEqualTo("MESSAGE_UPDATE");
        assertThat(result.path("event").asString()).isEqualTo("DescribeResult");
        assertThat(result.path("status").asString()).isEqualTo("SUCCESS");
        assertThat(result.path("imageUrl").asString()).isEqualTo("https://cdn.discordapp.com/fox.png");
        assertThat(result.path("details").path("prompts")).hasSize(4);
        assertThat(result.path("details").path("prompts").path(0).asString()).isEqualTo("a red fox --ar 3:2");
        assertThat(result.path("buttons").path(0).path("customId").asString()).isEqualTo("MJ::Job::PicReader::1");
    }

    @Test
    void error() throws IOException {
        assertThat(run(example("05-error.json").toString())).isZero();

        JsonNode result = printed();
        assertThat(result.path("event").asString()).isEqualTo("JobFailed");
        assertThat(result.path("status").asString()).isEqualTo("FAILURE");
        assertThat(result.path("errorTitle").asString()).isEqualTo("Invalid parameter");
        assertThat(result.path("failReason").asString()).isEqualTo("[Invalid parameter] Unrecognized parameter(s): `--foo`");
        assertThat(result.path("moderation").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(result.path("correlation").path("nonce").asString()).isEqualTo("1329000000000000104");
    }

    @Test
    void guessesModalDispatches() throws IOException {
        Path file = file("modal.json", """
                {"id":"9","nonce":"1","custom_id":"MJ::iframe::t","iframe_path":"/captcha/x"}""");

        assertThat(run(file.toString())).isZero();

        JsonNode result = printed();
        assertThat(result.path("dispatchType").asString()).isEqualTo("INTERACTION_IFRAME_MODAL_CREATE");
        assertThat(result.path("event").asString()).isEqualTo("ModalOpened");
        assertThat(result.path("status").asString()).isEqualTo("MODAL");
    }

    @Test
    void messageNotAboutMidjourneyPrintsNone() throws IOException {
        Path file = file("chat.json", "{\"id\":\"1\",\"author\":{\"id\":\"42\"},\"content\":\"hello\"}");

        assertThat(run(file.toString())).isZero();

        assertThat(printed().path("event").asString()).isEqualTo("none");
        assertThat(printed().has("buttons")).isTrue();
    }

    @Test
    void missingFileExitsWithTwo() {
        assertThat(run(dir.resolve("nope.json").toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void invalidJsonExitsWithTwo() throws IOException {
        assertThat(run(file("bad.json", "{\"id\": ").toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("as JSON");
    }

    @Test
    void nonObjectJsonExitsWithTwo() throws IOException {
        assertThat(run(file("array.json", "[1,2]").toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not hold a JSON object");
    }

    @Test
    void missingArgumentExitsWithTwo() {
        assertThat(run()).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: parse-message");
    }
}
