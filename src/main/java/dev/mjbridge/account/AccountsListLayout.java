package dev.mjbridge.account;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the {@code accounts:} list, its entries and their keys sit in the lines of an
 * accounts file. Only block style is understood; anything else (a flow list with entries,
 * anchors, aliases, tags, merge keys) is refused, and the layout found is checked against
 * what a YAML reader makes of the same text, so an edit never works from a wrong picture.
 */
final class AccountsListLayout {

    private static final Pattern ACCOUNTS_KEY = Pattern.compile("(accounts|\"accounts\"|'accounts')\\s*:(?=\\s|$)");
    private static final Pattern EMPTY_FLOW = Pattern.compile("\\[\\s*]");

    /**
     * One key of an entry: its line, where its value starts there, the last line of the value,
     * and the last of the comment lines right after it indented under the key (they go with
     * the key when it is removed, a commented-out list item say).
     */
    record Key(String name, int line, int valueStart, int end, int commentEnd, boolean blockList, int itemIndent) {
    }

    /**
     * One entry: {@code first} is the first comment line directly attached above the dash
     * (or the dash itself), {@code last} its last line; keys sit at {@code keyIndent}.
     */
    record Entry(String id, int first, int dash, int last, int keyIndent, List<Key> keys) {

        boolean keyOnDash() {
            return !keys.isEmpty() && keys.get(0).line() == dash;
        }

        Key key(String name) {
            return keys.stream().filter(key -> key.name().equals(name)).findFirst().orElse(null);
        }
    }

    private final YamlLines lines;
    private final int accountsLine;
    private final boolean emptyFlowList;
    private final int sequenceIndent;
    private final List<Entry> entries = new ArrayList<>();

    AccountsListLayout(YamlLines lines, JsonNode accounts) {
        this.lines = lines;
        accountsLine = findAccountsLine();
        String header = lines.text(accountsLine);
        Matcher key = ACCOUNTS_KEY.matcher(header);
        key.lookingAt();
        int valueStart = YamlLines.skipSpaces(header, key.end());
        String value = header.substring(valueStart, valueEnd(header, valueStart));
        emptyFlowList = EMPTY_FLOW.matcher(value).matches();
        if (!value.isEmpty() && !emptyFlowList) {
            throw AccountsFileEditor.byHand("the 'accounts:' list is written in flow style or with an anchor or tag");
        }
        sequenceIndent = emptyFlowList ? -1 : findEntries();
        check(accounts);
    }

    int accountsLine() {
        return accountsLine;
    }

    /** Column of the entries' dashes; -1 for {@code accounts: []}. */
    int sequenceIndent() {
        return sequenceIndent;
    }

    List<Entry> entries() {
        return entries;
    }

    Entry entry(String id) {
        return entries.stream().filter(entry -> id.equals(entry.id())).findFirst().orElse(null);
    }

    private int findAccountsLine() {
        for (int line = 0; line < lines.size(); line++) {
            if (lines.indent(line) == 0 && lines.isContent(line) && ACCOUNTS_KEY.matcher(lines.text(line)).lookingAt()) {
                return line;
            }
        }
        throw AccountsFileEditor.byHand("the top-level 'accounts:' key is not written in block style");
    }

    /** Finds the dashes of the list and each entry's span; returns the dashes' column. */
    private int findEntries() {
        List<Integer> dashes = new ArrayList<>();
        int indent = -1;
        int end = lines.size();
        for (int line = accountsLine + 1; line < lines.size(); line++) {
            if (!lines.isContent(line)) {
                continue;
            }
            int column = lines.indent(line);
            if (indent < 0) {
                if (!lines.isDash(line)) {
                    throw AccountsFileEditor.byHand("the 'accounts:' list has no entries in block style");
                }
                indent = column;
            }
            if (column < indent || (column == indent && !lines.isDash(line))) {
                end = line;
                break;
            }
            if (column == indent) {
                dashes.add(line);
            }
        }
        for (int i = 0; i < dashes.size(); i++) {
            int dash = dashes.get(i);
            int limit = i + 1 < dashes.size() ? firstAttached(dashes.get(i + 1), indent, dash) : end;
            int last = dash;
            for (int line = dash + 1; line < limit; line++) {
                if (lines.isContent(line) || (lines.isComment(line) && lines.indent(line) > indent)) {
                    last = line;
                }
            }
            entries.add(entry(firstAttached(dash, indent, i == 0 ? accountsLine : dashes.get(i - 1)), dash, last, indent));
        }
        return indent;
    }

    /** The first of the comment lines right above the dash, no further out than it, after {@code floor}. */
    private int firstAttached(int dash, int indent, int floor) {
        int first = dash;
        while (first - 1 > floor && lines.isComment(first - 1) && lines.indent(first - 1) <= indent) {
            first--;
        }
        return first;
    }

    private Entry entry(int first, int dash, int last, int indent) {
        String dashText = lines.text(dash);
        int afterDash = YamlLines.skipSpaces(dashText, indent + 1);
        boolean keyOnDash = afterDash < dashText.length() && dashText.charAt(afterDash) != '#';
        int keyIndent = keyOnDash ? afterDash : -1;
        for (int line = dash + 1; keyIndent < 0 && line <= last; line++) {
            if (lines.isContent(line)) {
                keyIndent = lines.indent(line);
            }
        }
        if (keyIndent <= indent) {
            throw AccountsFileEditor.byHand("an entry of the 'accounts:' list (line " + (dash + 1) + ") is empty");
        }
        return new Entry(null, first, dash, last, keyIndent, new EntryKeys(lines, keyIndent).read(dash, keyOnDash, last));
    }

    /** The layout must describe what a YAML reader sees: the same entries with the same keys. */
    private void check(JsonNode accounts) {
        if (entries.size() != accounts.size()) {
            throw AccountsFileEditor.byHand("the 'accounts:' list is laid out in a way this editor does not follow");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode node = accounts.get(i);
            Entry entry = entries.get(i);
            Set<String> names = new HashSet<>(entry.keys().stream().map(Key::name).toList());
            if (!node.isObject() || names.size() != entry.keys().size() || !names.equals(new HashSet<>(node.propertyNames()))) {
                throw AccountsFileEditor.byHand("account #" + (i + 1) + " is laid out in a way this editor does not follow");
            }
            JsonNode id = node.get("id");
            String text = id != null && id.isValueNode() ? id.asString() : null;
            entries.set(i, new Entry(text, entry.first(), entry.dash(), entry.last(), entry.keyIndent(), entry.keys()));
        }
    }

    /** Where the value starting at {@code start} ends; a comment there means no value on this line. */
    static int valueEnd(String text, int start) {
        return start < text.length() && text.charAt(start) == '#' ? start : YamlScalars.valueEnd(text, start);
    }
}
