package dev.mjbridge.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The capture writer alone: its line format, daily files, what it never writes, and I/O errors. */
class CaptureWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "MTEwMDAw.secret-user-token.xyz";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-02T23:59:58Z"));
    private CaptureWriter writer;

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private CaptureWriter writer(Path into) {
        writer = new CaptureWriter(into, clock, JSON, Set.of(TOKEN));
        return writer;
    }

    private List<JsonNode> lines(String day) throws IOException {
        return Files.readAllLines(dir.resolve("mj-capture-" + day + ".jsonl")).stream()
                .map(line -> (JsonNode) JSON.readTree(line)).toList();
    }

    private void awaitWritten() throws InterruptedException {
        assertThat(writer.awaitIdle(5_000)).as("writer idle").isTrue();
    }

    @Test
    void writesOneObjectPerLineIntoTheFileOfTheUtcDay() throws Exception {
        writer(dir).append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"id\":\"1\",\"content\":\"**a** - <@2> (fast)\"}"));
        clock.now = Instant.parse("2026-06-03T00:00:01Z");
        writer.append("acc-2", "MESSAGE_DELETE", JSON.readTree("{\"id\":\"1\",\"channel_id\":\"9\"}"));
        awaitWritten();

        List<JsonNode> first = lines("2026-06-02");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("received").asString()).isEqualTo("2026-06-02T23:59:58Z");
        assertThat(first.get(0).path("account").asString()).isEqualTo("acc-1");
        assertThat(first.get(0).path("t").asString()).isEqualTo("MESSAGE_CREATE");
        assertThat(first.get(0).path("d").path("content").asString()).isEqualTo("**a** - <@2> (fast)");
        assertThat(lines("2026-06-03")).singleElement()
                .satisfies(line -> assertThat(line.path("t").asString()).isEqualTo("MESSAGE_DELETE"));
        assertThat(writer.written()).isEqualTo(2);
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Files.writeString(dir.resolve("mj-capture-2026-06-02.jsonl"), "{\"earlier\":true}\n");

        writer(dir).append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"id\":\"1\"}"));
        awaitWritten();

        assertThat(lines("2026-06-02")).hasSize(2);
    }

    @Test
    void credentialFieldsAreRemovedAtAnyDepth() throws Exception {
        writer(dir).append("acc-1", "INTERACTION_MODAL_CREATE", JSON.readTree("""
                {"id":"5","token":"interaction-token","custom_id":"MJ::RemixModal::x::1::0",
                 "nested":{"Authorization":"Bot abc","keep":"this"},"list":[{"access_token":"t"}]}"""));
        awaitWritten();

        JsonNode d = lines("2026-06-02").get(0).path("d");
        assertThat(d.has("token")).isFalse();
        assertThat(d.path("nested").has("Authorization")).isFalse();
        assertThat(d.path("nested").path("keep").asString()).isEqualTo("this");
        assertThat(d.path("list").path(0).has("access_token")).isFalse();
        assertThat(d.path("custom_id").asString()).isEqualTo("MJ::RemixModal::x::1::0");
    }

    @Test
    void aLineHoldingAnAccountTokenIsNotWrittenAtAll() throws Exception {
        writer(dir).append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"content\":\"leak " + TOKEN + "\"}"));
        writer.append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"content\":\"fine\"}"));
        awaitWritten();

        String file = Files.readString(dir.resolve("mj-capture-2026-06-02.jsonl"));
        assertThat(file).doesNotContain(TOKEN).contains("fine");
        assertThat(writer.written()).isEqualTo(1);
    }

    @Test
    void anUnwritableDirectoryCostsTheLinesButNotTheWriter() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("blocked"), "a file where the directory should be");
        writer(notADirectory).append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"id\":\"1\"}"));
        awaitWritten();
        assertThat(writer.written()).isZero();

        // The operator fixes it; the same writer carries on.
        Files.delete(notADirectory);
        writer.append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"id\":\"2\"}"));
        awaitWritten();

        assertThat(writer.written()).isEqualTo(1);
        assertThat(Files.readAllLines(notADirectory.resolve("mj-capture-2026-06-02.jsonl"))).hasSize(1);
    }

    @Test
    void appendNeverThrowsAfterClose() throws Exception {
        writer(dir).close();

        writer.append("acc-1", "MESSAGE_CREATE", JSON.readTree("{\"id\":\"1\"}"));

        assertThat(writer.written()).isZero();
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
