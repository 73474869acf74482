package dev.mjbridge.account;

import dev.mjbridge.account.AccountsListLayout.Entry;
import dev.mjbridge.account.AccountsListLayout.Key;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits of one key of one entry, on the lines of the file. Everything around the key (other
 * keys, comments, blank lines) is left as it is; a comment after a changed value stays, at
 * its column when the new value leaves room.
 */
final class EntryEdits {

    private final YamlLines lines;
    private final Entry entry;

    EntryEdits(YamlLines lines, Entry entry) {
        this.lines = lines;
        this.entry = entry;
    }

    void set(String name, AccountValues.Yaml value) {
        Key key = entry.key(name);
        String rendered = value.inline();
        if (key == null) {
            insert(name, rendered);
        } else if (key.blockList() && value.items() != null && !value.items().isEmpty()) {
            // A block list stays a block list, its items where the first one was; comments among them stay.
            List<String> itemLines = new ArrayList<>();
            for (String item : value.items()) {
                itemLines.add(" ".repeat(key.itemIndent()) + "- " + item);
            }
            int first = -1;
            for (int line = key.end(); line > key.line(); line--) {
                if (lines.isContent(line)) {
                    lines.remove(line, line);
                    first = line;
                }
            }
            lines.insert(first, itemLines);
        } else {
            String text = lines.text(key.line());
            int valueEnd = AccountsListLayout.valueEnd(text, key.valueStart());
            String before = text.substring(0, key.valueStart()).stripTrailing() + " " + rendered;
            lines.replace(key.line(), withComment(before, text, valueEnd));
            if (key.end() > key.line()) {
                lines.remove(key.line() + 1, key.end());
            }
        }
    }

    void remove(String name) {
        Key key = entry.key(name);
        if (key == null) {
            return;
        }
        if (key.line() != entry.dash()) {
            lines.remove(key.line(), key.commentEnd());
            return;
        }
        // The key sits on the dash line: the next key moves up onto it, or the dash stays alone.
        String dashPrefix = lines.text(entry.dash()).substring(0, entry.keyIndent());
        int next = key.commentEnd() + 1;
        boolean nextIsKey = entry.keys().size() > 1 && entry.keys().get(1).line() == next;
        if (nextIsKey) {
            lines.replace(entry.dash(), dashPrefix + lines.text(next).substring(entry.keyIndent()));
            lines.remove(entry.dash() + 1, next);
        } else {
            lines.replace(entry.dash(), dashPrefix.stripTrailing());
            if (key.commentEnd() > key.line()) {
                lines.remove(key.line() + 1, key.commentEnd());
            }
        }
    }

    /** A new key goes after the last key that comes before it in the documented order. */
    private void insert(String name, String rendered) {
        int order = AccountValues.order(name);
        Key after = null;
        for (Key key : entry.keys()) {
            int keyOrder = AccountValues.order(key.name());
            if (keyOrder < order && (after == null || keyOrder > AccountValues.order(after.name()))) {
                after = key;
            }
        }
        int line = (after != null ? after : entry.keys().get(entry.keys().size() - 1)).commentEnd() + 1;
        lines.insert(line, List.of(" ".repeat(entry.keyIndent()) + name + ": " + rendered));
    }

    /** The new text of a line whose value ended at {@code valueEnd}, keeping the comment that followed. */
    static String withComment(String before, String oldText, int valueEnd) {
        String rest = oldText.substring(valueEnd);
        if (rest.isBlank()) {
            return before;
        }
        int column = valueEnd + (rest.length() - rest.stripLeading().length());
        return before + " ".repeat(Math.max(1, column - before.length())) + rest.strip();
    }
}
