package dev.mjbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.testing.CapturedSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** parse-message on JSONL: the 2026 session recording, a capture file, and lines it cannot read. */
class ParseMessageJsonLinesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MJ = "936929561302675456";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParseMessageCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> printedLines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> (JsonNode) JSON.readTree(line)).toList();
    }

    private Path sessionFile() throws IOException {
        Path file = dir.resolve("session.jsonl");
        try (InputStream in = getClass().getResourceAsStream(CapturedSession.RESOURCE)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theWholeSessionRecordingGivesOneResultPerLine() throws IOException {
        assertThat(run("parse-message", sessionFile().toString())).isZero();

        List<JsonNode> results = printedLines();
        assertThat(results).hasSize(CapturedSession.v7().lines().size());
        assertThat(results).allSatisfy(r -> assertThat(r.path("outcome").asString()).as(r.toString()).isEqualTo("placed"));
        assertThat(results.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(results.get(0).path("event").asString()).isEqualTo("JobStarted");
        assertThat(results.get(1).path("dispatchType").asString()).isEqualTo("MESSAGE_UPDATE");
        assertThat(results.get(1).path("progress").asString()).isEqualTo("20%");
        assertThat(results.get(7).path("event").asString()).isEqualTo("JobFinished");
        assertThat(results.get(7).path("mode").asString()).isEqualTo("fast");
        assertThat(results.get(7).path("buttons")).hasSize(9);
        assertThat(results.get(11).path("buttons").path(0).path("customId").asString())
                .isEqualTo("MJ::CancelJob::ByJobid::564950e3-461a-45ca-9aac-c9fd4ddd1e50");
        assertThat(results.get(24).path("details").path("previewUrls")).hasSize(4);
        assertThat(results.get(25).path("action").asString()).isEqualTo("VIDEO");
        assertThat(results.get(43).path("event").asString()).isEqualTo("JobRated");
        assertThat(results.get(43).path("details").path("ratedMessageId").asString()).isEqualTo("1511317210822611026");
    }

    @Test
    void aCaptureFileKeepsWhenAndWhichAccount() throws IOException {
        Path file = Files.writeString(dir.resolve("mj-capture-2026-06-02.jsonl"), String.join("\n",
                "{\"received\":\"2026-06-02T10:34:26Z\",\"account\":\"acc-1\",\"t\":\"MESSAGE_CREATE\",\"d\":"
                        + "{\"id\":\"10\",\"channel_id\":\"2\",\"author\":{\"id\":\"" + MJ + "\"},"
                        + "\"content\":\"**a cat** - <@5> (Waiting to start)\",\"nonce\":\"77\"}}",
                "{\"received\":\"2026-06-02T10:34:40Z\",\"account\":\"acc-1\",\"t\":\"MESSAGE_DELETE\",\"d\":"
                        + "{\"id\":\"10\",\"channel_id\":\"2\"}}") + "\n");

        assertThat(run(file.toString())).isZero();

        List<JsonNode> results = printedLines();
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("received").asString()).isEqualTo("2026-06-02T10:34:26Z");
        assertThat(results.get(0).path("account").asString()).isEqualTo("acc-1");
        assertThat(results.get(0).path("event").asString()).isEqualTo("JobStarted");
        assertThat(results.get(0).path("correlation").path("nonce").asString()).isEqualTo("77");
        assertThat(results.get(1).path("event").asString()).isEqualTo("ProgressDeleted");
    }

    @Test
    void anUnplacedBotMessageIsExplained() throws IOException {
        Path file = Files.writeString(dir.resolve("new.json"), "{\"id\":\"1\",\"channel_id\":\"2\",\"author\":{\"id\":\""
                + MJ + "\"},\"content\":\"**a secret prompt** - <@5> Dreaming 3 times\"}");

        assertThat(run(file.toString())).isZero();

        JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.path("event").asString()).isEqualTo("none");
        assertThat(result.path("outcome").asString()).isEqualTo("unplaced");
        assertThat(result.path("shape").asString()).contains("**<prompt>** - <@user> Dreaming N times")
                .doesNotContain("secret");
        assertThat(result.path("reasons").toString()).contains("job line").contains("nonce");
    }

    @Test
    void anotherAuthorsMessageSaysWhyItIsIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("chat.json"), "{\"id\":\"1\",\"author\":{\"id\":\"42\"},\"content\":\"hi\"}");

        assertThat(run(file.toString())).isZero();

        JsonNode result = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(result.path("outcome").asString()).isEqualTo("not-midjourney");
        assertThat(result.path("reasons").path(0).asString()).contains("neither the Midjourney nor the Niji bot");
    }

    @Test
    void aBrokenLineIsReportedAndTheRestParsed() throws IOException {
        Path file = Files.writeString(dir.resolve("mixed.jsonl"), String.join("\n",
                "{\"op\":0,\"t\":\"MESSAGE_DELETE\",\"d\":{\"id\":\"9\",\"channel_id\":\"2\"}}",
                "{\"broken\": ",
                "{\"op\":0,\"t\":\"INTERACTION_SUCCESS\",\"d\":{\"id\":\"8\"}}"));

        assertThat(run(file.toString())).isZero();

        List<JsonNode> results = printedLines();
        assertThat(results).extracting(r -> r.path("line").asInt()).containsExactly(1, 2, 3);
        assertThat(results.get(0).path("event").asString()).isEqualTo("ProgressDeleted");
        assertThat(results.get(1).path("error").asString()).startsWith("cannot read this line");
        assertThat(results.get(2).path("event").asString()).isEqualTo("InteractionSucceeded");
    }
}
