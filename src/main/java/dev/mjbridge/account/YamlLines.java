package dev.mjbridge.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A YAML text as editable lines. Each line keeps its own terminator style (a trailing
 * {@code \r} stays with a line of a CRLF file), so lines an edit does not touch come out
 * byte for byte as they went in; new lines follow the file's first line break.
 */
final class YamlLines {

    private final List<String> raw;
    private final String carriageReturn;

    YamlLines(String text) {
        raw = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int firstBreak = text.indexOf('\n');
        carriageReturn = firstBreak > 0 && text.charAt(firstBreak - 1) == '\r' ? "\r" : "";
    }

    int size() {
        return raw.size();
    }

    /** The line without its terminator. */
    String text(int line) {
        String value = raw.get(line);
        return value.endsWith("\r") ? value.substring(0, value.length() - 1) : value;
    }

    int indent(int line) {
        String text = text(line);
        int column = 0;
        while (column < text.length() && text.charAt(column) == ' ') {
            column++;
        }
        return column;
    }

    boolean isBlank(int line) {
        return text(line).isBlank();
    }

    boolean isComment(int line) {
        return text(line).stripLeading().startsWith("#");
    }

    /** Neither blank nor a comment: a line YAML reads. */
    boolean isContent(int line) {
        return !isBlank(line) && !isComment(line);
    }

    /** A block sequence item at this line: a dash followed by a space or the end of the line. */
    boolean isDash(int line) {
        String rest = text(line).substring(indent(line));
        return rest.equals("-") || rest.startsWith("- ");
    }

    void replace(int line, String text) {
        raw.set(line, text + (raw.get(line).endsWith("\r") ? "\r" : ""));
    }

    /** Inserts new lines before {@code line}. */
    void insert(int line, List<String> texts) {
        List<String> terminated = new ArrayList<>();
        for (String text : texts) {
            terminated.add(text + carriageReturn);
        }
        raw.addAll(line, terminated);
    }

    /** Removes lines {@code from} to {@code to}, both included. */
    void remove(int from, int to) {
        raw.subList(from, to + 1).clear();
    }

    String join() {
        return String.join("\n", raw);
    }

    static int skipSpaces(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}
