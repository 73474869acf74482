package dev.mjbridge.account;

import dev.mjbridge.account.AccountsListLayout.Entry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure text edits of an accounts file: each returns the whole new file text. The file is
 * edited line by line, never rewritten from a YAML object model, so comments, blank lines,
 * key order and {@code ${ENV}} references of everything not edited stay exactly as they
 * were. Each result is read back and compared with what the edit should give; a file laid
 * out in a way the editor does not follow is refused (to be edited by hand), never damaged.
 * Messages name accounts and keys, never values: a value may be a token.
 */
public final class AccountsFileEditor {

    private static final YAMLMapper YAML = new YAMLMapper();

    private AccountsFileEditor() {
    }

    /** Appends a new entry at the end of the top-level {@code accounts:} list; keys written in AccountConfig.KEYS order. */
    public static String add(String yaml, Map<String, Object> account) {
        if (!(account.get("id") instanceof String id)) {
            throw new AccountsFileException("the new account needs an 'id' (a string)");
        }
        Map<String, AccountValues.Yaml> values = AccountValues.render(id, account);
        Document document = Document.read(yaml);
        if (document.layout.entry(id) != null) {
            throw new AccountsFileException("an account with id '" + id + "' is already in the accounts file");
        }
        List<Entry> entries = document.layout.entries();
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        int dashIndent = last == null ? 2 : document.layout.sequenceIndent();
        int keyIndent = last == null ? 4 : last.keyIndent();
        boolean keyOnDash = last == null || last.keyOnDash();
        List<String> added = new ArrayList<>();
        // Entries set apart by a blank line get one more the same way.
        if (last != null && last.first() - 1 > document.layout.accountsLine() && document.lines.isBlank(last.first() - 1)) {
            added.add("");
        }
        String dash = " ".repeat(dashIndent) + "-" + " ".repeat(keyIndent - dashIndent - 1);
        if (!keyOnDash) {
            added.add(dash.stripTrailing());
        }
        values.forEach((key, value) -> {
            if (value != null) {
                String prefix = added.isEmpty() || added.get(added.size() - 1).isEmpty() ? dash : " ".repeat(keyIndent);
                added.add(prefix + key + ": " + value.inline());
            }
        });
        int at;
        if (last == null) {
            int header = document.layout.accountsLine();
            String text = document.lines.text(header);
            int open = text.indexOf('[');
            document.lines.replace(header, EntryEdits.withComment(text.substring(0, open).stripTrailing(), text,
                    text.indexOf(']', open) + 1));
            at = header + 1;
        } else {
            at = last.last() + 1;
        }
        document.lines.insert(at, added);
        ObjectNode node = YAML.createObjectNode();
        account.forEach((key, value) -> {
            if (value != null) {
                node.set(key, AccountValues.node(value));
            }
        });
        document.accounts().add(node);
        return document.verified();
    }

    /** Sets (or, for a null value, removes) the given keys of the entry with that id; other keys, their order, comments and ${ENV} references untouched. */
    public static String update(String yaml, String id, Map<String, Object> changes) {
        Map<String, AccountValues.Yaml> values = AccountValues.render(id, changes);
        Document original = Document.read(yaml);
        Entry entry = original.entry(id);
        if (changes.containsKey("id")) {
            Object newId = changes.get("id");
            if (!(newId instanceof String)) {
                throw new AccountsFileException("account '" + id + "': key 'id' cannot be removed and must be a string");
            }
            if (!newId.equals(id) && original.layout.entry((String) newId) != null) {
                throw new AccountsFileException("account '" + id + "': cannot take id '" + newId
                        + "', another account has it");
            }
        }
        ObjectNode expected = (ObjectNode) original.accounts().get(original.layout.entries().indexOf(entry));
        String text = yaml;
        String current = id;
        for (Map.Entry<String, AccountValues.Yaml> change : values.entrySet()) {
            // Each key is edited on a fresh reading of the text, so spans never go stale.
            Document document = Document.read(text);
            EntryEdits edits = new EntryEdits(document.lines, document.entry(current));
            if (change.getValue() == null) {
                edits.remove(change.getKey());
                expected.remove(change.getKey());
            } else {
                edits.set(change.getKey(), change.getValue());
                expected.set(change.getKey(), AccountValues.node(changes.get(change.getKey())));
            }
            text = document.lines.join();
            current = change.getKey().equals("id") ? (String) changes.get("id") : current;
        }
        return new Document(text, original.tree).verified();
    }

    /** Removes the entry with that id, with the comment lines directly attached above it. */
    public static String remove(String yaml, String id) {
        Document document = Document.read(yaml);
        Entry entry = document.entry(id);
        YamlLines lines = document.lines;
        int from = entry.first();
        int to = entry.last();
        if (document.layout.entries().size() == 1) {
            // An empty pool is written as an empty list: 'accounts:' alone would read as no list at all.
            int header = document.layout.accountsLine();
            String text = lines.text(header);
            int valueStart = text.indexOf(':') + 1;
            lines.replace(header, EntryEdits.withComment("accounts: []", text, valueStart));
        } else if (from - 1 > document.layout.accountsLine() && lines.isBlank(from - 1)) {
            // The blank lines that set this entry apart go with it.
            while (from - 1 > document.layout.accountsLine() && lines.isBlank(from - 1)) {
                from--;
            }
        } else {
            while (to + 1 < lines.size() - 1 && lines.isBlank(to + 1)) {
                to++;
            }
        }
        lines.remove(from, to);
        document.accounts().remove(document.layout.entries().indexOf(entry));
        return document.verified();
    }

    static AccountsFileException byHand(String reason) {
        return new AccountsFileException("accounts file: " + reason + "; it must be edited by hand");
    }

    /** The file's lines, what a YAML reader makes of them, and where the accounts list sits. */
    private record Document(YamlLines lines, JsonNode tree, AccountsListLayout layout) {

        Document(String text, JsonNode tree) {
            this(new YamlLines(text), tree, null);
        }

        static Document read(String yaml) {
            JsonNode tree = parse(yaml);
            if (tree == null || !tree.isObject() || !tree.path("accounts").isArray()) {
                throw new AccountsFileException("accounts file: expected a top-level 'accounts:' list");
            }
            YamlLines lines = new YamlLines(yaml);
            return new Document(lines, tree, new AccountsListLayout(lines, tree.get("accounts")));
        }

        private static JsonNode parse(String yaml) {
            try {
                return YAML.readTree(yaml);
            } catch (JacksonException e) {
                // The parser's message may quote the line, and the line may hold a token.
                throw new AccountsFileException("accounts file: not valid YAML; fix it by hand first");
            }
        }

        ArrayNode accounts() {
            return (ArrayNode) tree.get("accounts");
        }

        Entry entry(String id) {
            Entry entry = layout.entry(id);
            if (entry == null) {
                throw new AccountsFileException("no account with id '" + id + "' in the accounts file");
            }
            return entry;
        }

        /** The edited text, once a YAML reader finds in it exactly the tree the edit should give. */
        String verified() {
            String text = lines.join();
            JsonNode result;
            try {
                result = YAML.readTree(text);
            } catch (JacksonException e) {
                result = null;
            }
            if (result == null || !result.equals(tree)) {
                throw byHand("the edit could not be made without changing other parts of the file");
            }
            return text;
        }
    }
}
