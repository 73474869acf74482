package dev.mjbridge.midjourney;

import dev.mjbridge.testing.CapturedSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * MessageParser on the real Midjourney messages of src/test/resources/captures (their sources are
 * named in that folder's README): the 19 whole 2023-2024 payloads and the 44 messages of the
 * 2026 V7 session. One operation is one message; the score is the mean over the whole set, so
 * it weighs progress, grid, upscale, video and error messages as often as the captures hold them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessageParserBenchmark {

    /** Number of messages in {@link #RAW_FILES} plus the V7 session's lines; checked in setup. */
    private static final int MESSAGES = 63;
    private static final String[] RAW_FILES = {
            "01-imagine-waiting-to-start-type0-2023-03.json",
            "02-imagine-grid-done-relaxed-2023-03.json",
            "03-imagine-waiting-to-start-type20-2023-07.json",
            "04-imagine-progress-0pct-grid0-nohash.json",
            "05-imagine-progress-46pct.json",
            "06-imagine-grid-done-fast-2023-07.json",
            "07-message-delete-progress-msg.json",
            "08-interaction-success-no-nonce.json",
            "09-upscale-start-waiting-flags64.json",
            "10-action-start-waiting-flags64-cancel-button.json",
            "11-imagine-progress-93pct-2023-07-23.json",
            "12-imagine-grid-done-2023-07-23.json",
            "13-grid-edited-after-V1-click.json",
            "14-variations-strong-done.json",
            "15-upscale-image2-v52-buttons-with-referenced-grid.json",
            "16-upscale-image4-type19-nonce-prefixed-prompt.json",
            "17-grid-done-rest-nonce-prefixed-prompt.json",
            "18-niji5-grid-webp-open-on-website-rest.json",
            "19-grid-done-2024-07-image-link-component-ids-rest.json"};

    /** A dispatch as the gateway hands it to the parser: its type and its {@code d}. */
    record Dispatch(String type, JsonNode data, byte[] frameBytes) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageParser parser = new MessageParser();
    private final List<Dispatch> dispatches = new ArrayList<>();

    @Setup
    public void load() {
        for (String file : RAW_FILES) {
            JsonNode root = readResource("/captures/raw/" + file);
            boolean frame = root.has("op");
            String type = frame ? root.path("t").asString() : MessageParser.MESSAGE_CREATE;
            JsonNode data = frame ? root.get("d") : root;
            dispatches.add(new Dispatch(type, data, frameBytes(type, data)));
        }
        for (CapturedSession.Line line : CapturedSession.v7().lines()) {
            JsonNode data = line.toDiscordMessage();
            dispatches.add(new Dispatch(line.dispatchType(), data, frameBytes(line.dispatchType(), data)));
        }
        if (dispatches.size() != MESSAGES) {
            throw new IllegalStateException("expected " + MESSAGES + " captured messages, found " + dispatches.size()
                    + ": update MESSAGES so the per-message score stays right");
        }
    }

    /** The parser alone, on the already decoded {@code d} (what it gets from the gateway session). */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void explainDecoded(Blackhole sink) {
        for (Dispatch d : dispatches) {
            sink.consume(parser.explain(d.type(), d.data()));
        }
    }

    /** The gateway's share too: decode the frame's text with Jackson, then parse. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void decodeAndExplain(Blackhole sink) {
        for (Dispatch d : dispatches) {
            JsonNode frame = json.readTree(d.frameBytes());
            sink.consume(parser.explain(frame.path("t").asString(), frame.get("d")));
        }
    }

    private byte[] frameBytes(String type, JsonNode data) {
        var frame = json.createObjectNode();
        frame.put("op", 0);
        frame.put("s", 42);
        frame.put("t", type);
        frame.set("d", data);
        return json.writeValueAsBytes(frame);
    }

    private JsonNode readResource(String path) {
        try (InputStream in = MessageParserBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path + " on the class path");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
