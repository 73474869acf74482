package dev.mjbridge.account;

import dev.mjbridge.account.AccountsListLayout.Key;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of one entry of the accounts list and the lines each one's value covers: block
 * and flow lists, quoted and block scalars, values going on over several lines. Anchors,
 * aliases, tags and merge keys are refused.
 */
final class EntryKeys {

    private static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*|\"[A-Za-z_][A-Za-z0-9_]*\"|'[A-Za-z_][A-Za-z0-9_]*')\\s*:(?=\\s|$)");
    /** An anchor, alias or tag at the start of an item of a flow collection. */
    private static final Pattern FLOW_NODE_PROPERTY = Pattern.compile("[\\[{,:]\\s*[&*!]");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'");

    private final YamlLines lines;
    private final int keyIndent;

    EntryKeys(YamlLines lines, int keyIndent) {
        this.lines = lines;
        this.keyIndent = keyIndent;
    }

    /** The keys of the entry whose dash is on line {@code dash} and whose last line is {@code last}. */
    List<Key> read(int dash, boolean keyOnDash, int last) {
        List<KeyBuilder> keys = new ArrayList<>();
        if (keyOnDash) {
            keys.add(key(dash));
        }
        for (int line = dash + 1; line <= last; line++) {
            int column = lines.indent(line);
            KeyBuilder current = keys.isEmpty() ? null : keys.get(keys.size() - 1);
            if (lines.isContent(line) && column == keyIndent && !lines.isDash(line)) {
                keys.add(key(line));
            } else if (lines.isContent(line) && column < keyIndent) {
                throw AccountsFileEditor.byHand("line " + (line + 1) + " of the 'accounts:' list is indented unlike its entry");
            } else if (current != null && lines.isContent(line)) {
                current.continuation(line, lines.isDash(line) && column >= keyIndent ? column : -1);
            } else if (current != null && current.blockScalar && !lines.isBlank(line) && column > keyIndent) {
                current.end = line;
                current.commentEnd = line;
            } else if (current != null && lines.isComment(line) && column > keyIndent && line == current.commentEnd + 1) {
                current.commentEnd = line;
            }
        }
        return keys.stream().map(KeyBuilder::build).toList();
    }

    private KeyBuilder key(int line) {
        String text = lines.text(line);
        Matcher matcher = KEY.matcher(text).region(keyIndent, text.length());
        if (!matcher.lookingAt()) {
            throw AccountsFileEditor.byHand("line " + (line + 1) + " of the 'accounts:' list is not a plain 'key: value'");
        }
        String name = matcher.group(1).replaceAll("^[\"']|[\"']$", "");
        int valueStart = YamlLines.skipSpaces(text, matcher.end());
        String value = text.substring(valueStart, AccountsListLayout.valueEnd(text, valueStart));
        if (usesNodeProperty(value)) {
            throw AccountsFileEditor.byHand("key '" + name + "' on line " + (line + 1) + " uses an anchor, alias or tag");
        }
        return new KeyBuilder(name, line, valueStart, value.isEmpty(), value.startsWith("|") || value.startsWith(">"));
    }

    /** An anchor, alias or tag on the value or on an item of it (quoted text aside). */
    private static boolean usesNodeProperty(String value) {
        if (value.startsWith("&") || value.startsWith("*") || value.startsWith("!")) {
            return true;
        }
        boolean flow = value.startsWith("[") || value.startsWith("{");
        return flow && FLOW_NODE_PROPERTY.matcher(QUOTED.matcher(value).replaceAll("\"\"")).find();
    }

    /** A key whose value may go on over the following lines. */
    private final class KeyBuilder {
        private final String name;
        private final int line;
        private final int valueStart;
        private final boolean emptyOnKeyLine;
        private final boolean blockScalar;
        private int end;
        private int commentEnd;
        private int itemIndent = -1;
        private boolean sawContinuation;

        KeyBuilder(String name, int line, int valueStart, boolean emptyOnKeyLine, boolean blockScalar) {
            this.name = name;
            this.line = line;
            this.valueStart = valueStart;
            this.emptyOnKeyLine = emptyOnKeyLine;
            this.blockScalar = blockScalar;
            this.end = line;
            this.commentEnd = line;
        }

        void continuation(int at, int dashColumn) {
            if (!sawContinuation && dashColumn >= 0) {
                itemIndent = dashColumn;
            }
            if (dashColumn >= 0) {
                String text = lines.text(at);
                int item = YamlLines.skipSpaces(text, dashColumn + 1);
                if (usesNodeProperty(text.substring(item, AccountsListLayout.valueEnd(text, item)))) {
                    throw AccountsFileEditor.byHand("key '" + name + "' on line " + (at + 1) + " uses an anchor, alias or tag");
                }
            }
            sawContinuation = true;
            end = at;
            commentEnd = at;
        }

        Key build() {
            return new Key(name, line, valueStart, end, commentEnd, emptyOnKeyLine && itemIndent >= 0, itemIndent);
        }
    }
}
