package dev.mjbridge.cli;

import dev.mjbridge.midjourney.MessageParser;
import dev.mjbridge.midjourney.ParseOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code parse-message [--type DISPATCH] FILE}: shows what {@link MessageParser} makes of Discord
 * payloads, to debug messages captured from Discord without running the proxy.
 *
 * <p>FILE holds one JSON object (a gateway {@code d}, a whole frame {@code {op:0, t, d}}, a capture
 * line) printed as one indented result; or JSONL, one object per line (a capture file written with
 * {@code mj.discord.capture-dir}, or a discord.py-self session recording, see {@link DispatchInput}),
 * printed as one result per line. For a message of the bot the parser could not place, the result
 * says why ({@code outcome: "unplaced"}, {@code reasons}, {@code shape}).
 */
public final class ParseMessageCommand {

    public static final int OK = 0;
    public static final int USAGE_ERROR = 2;

    private static final String USAGE = "usage: parse-message [--type DISPATCH_TYPE] FILE   (FILE: one JSON object, or JSONL)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ParseMessageCommand() {
    }

    /** Runs the command; returns the process exit code (0, or 2 for bad arguments or input). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args == null ? List.of() : List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals("parse-message")) {
            rest.remove(0);
        }
        String explicitType = null;
        if (rest.size() >= 2 && rest.get(0).equals("--type")) {
            explicitType = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.size() != 1) {
            err.println(USAGE);
            return USAGE_ERROR;
        }
        Path file = Path.of(rest.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("parse-message: no such file: " + file);
            return USAGE_ERROR;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("parse-message: cannot read " + file + ": " + firstLine(e.getMessage()));
            return USAGE_ERROR;
        }
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        MessageParser parser = new MessageParser();
        if (lines.size() > 1 && isObject(lines.get(0))) {
            return jsonLines(lines, explicitType, parser, out);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            err.println("parse-message: cannot read " + file + " as JSON: " + firstLine(e.getMessage()));
            return USAGE_ERROR;
        }
        if (root == null || !root.isObject()) {
            err.println("parse-message: " + file + " does not hold a JSON object");
            return USAGE_ERROR;
        }
        DispatchInput input = DispatchInput.of(root, explicitType);
        ObjectNode result = OutcomeDescription.describe(input, parser.explain(input.dispatchType(), input.d()));
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return OK;
    }

    /** One compact result per input line, numbered from 1; a line that is no JSON object says so and the rest go on. */
    private static int jsonLines(List<String> lines, String explicitType, MessageParser parser, PrintStream out) {
        int number = 0;
        for (String line : lines) {
            number++;
            ObjectNode result;
            try {
                JsonNode root = JSON.readTree(line);
                if (root == null || !root.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                DispatchInput input = DispatchInput.of(root, explicitType);
                ParseOutcome outcome = parser.explain(input.dispatchType(), input.d());
                result = OutcomeDescription.describe(input, outcome);
            } catch (JacksonException | IllegalArgumentException e) {
                result = JSON.createObjectNode();
                result.put("error", "cannot read this line: " + firstLine(e.getMessage()));
            }
            ObjectNode numbered = JSON.createObjectNode();
            numbered.put("line", number);
            numbered.setAll(result);
            out.println(JSON.writeValueAsString(numbered));
        }
        return OK;
    }

    private static boolean isObject(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject();
        } catch (JacksonException notJson) {
            return false;
        }
    }

    /** The dispatch a bare {@code d} object most likely came with. */
    static String guessDispatchType(JsonNode d) {
        return DispatchInput.guessDispatchType(d);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
