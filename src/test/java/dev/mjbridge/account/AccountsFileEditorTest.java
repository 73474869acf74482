package dev.mjbridge.account;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text edits of accounts.yml: the result reads as intended, and everything not edited stays byte for byte. */
class AccountsFileEditorTest {

    private static final String TWO = """
            # pool of the studio
            accounts:
              # the main one
              - id: main
                guildId: "1100000000000000001"   # server
                channelId: "1100000000000000002"
                userToken: ${MJ_TOKEN_MAIN}
                allowModes:
                  - fast
                  - relax
                botTypes: [MJ, NIJI]
                remark: "first"

              - id: second
                guildId: "1100000000000000001"
                channelId: "1100000000000000003"
                userToken: ${MJ_TOKEN_SECOND}
            """;

    private final AccountsFile reader = new AccountsFile(name -> "token-from-" + name);

    @Test
    void addToTheExampleKeepsEveryLineAndAppendsInKeyOrder() throws IOException {
        String example = example();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("userToken", "tok: #en \"x\"");
        account.put("remark", "a new one");
        account.put("channelId", "1100000000000000009");
        account.put("id", "third");
        account.put("guildId", "1100000000000000001");
        account.put("allowModes", List.of("fast", "relax"));
        account.put("concurrency", 2);
        account.put("enabled", false);

        String result = AccountsFileEditor.add(example, account);

        assertThat(result).startsWith(example);
        assertThat(result.substring(example.length())).isEqualTo("""

                  - id: third
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000009"
                    userToken: "tok: #en \\"x\\""
                    enabled: false
                    concurrency: 2
                    allowModes: [fast, relax]
                    remark: "a new one"
                """);
        List<AccountConfig> accounts = reader.parse("accounts.yml", result);
        assertThat(accounts).extracting(AccountConfig::id).containsExactly("main", "second", "third");
        AccountConfig third = accounts.get(2);
        assertThat(third.userToken()).isEqualTo("tok: #en \"x\"");
        assertThat(third.guildId()).isEqualTo("1100000000000000001");
        assertThat(third.enabled()).isFalse();
        assertThat(third.concurrency()).isEqualTo(2);
        assertThat(third.allowModes()).containsExactlyInAnyOrder(SpeedMode.FAST, SpeedMode.RELAX);
        assertThat(third.remark()).isEqualTo("a new one");
        assertThat(accounts.get(0).userToken()).isEqualTo("token-from-MJ_TOKEN_MAIN");
    }

    @Test
    void updateOfTheExampleChangesOnlyTheEditedLinesAndKeepsTheirComments() throws IOException {
        String example = example();
        Map<String, Object> changes = new HashMap<>();
        changes.put("concurrency", 5);
        changes.put("userToken", "literal-token");
        changes.put("remark", null);
        changes.put("allowModes", List.of("fast", "turbo"));

        String result = AccountsFileEditor.update(example, "main", changes);

        List<String> before = lines(example);
        List<String> after = lines(result);
        List<String> expected = new ArrayList<>(before);
        replaceLine(expected, "    concurrency: 3                # jobs running at once",
                "    concurrency: 5                # jobs running at once");
        // A comment after a changed value keeps its column.
        replaceLine(expected, "    userToken: ${MJ_TOKEN_MAIN}   #", "    userToken: \"literal-token\"    #");
        replaceLine(expected, "    allowModes: [fast, relax, turbo] #", "    allowModes: [fast, turbo]        #");
        expected.removeIf(line -> line.startsWith("    remark: \"my first account\""));
        assertThat(after).containsExactlyElementsOf(expected);

        List<AccountConfig> accounts = reader.parse("accounts.yml", result);
        assertThat(accounts.get(0).concurrency()).isEqualTo(5);
        assertThat(accounts.get(0).userToken()).isEqualTo("literal-token");
        assertThat(accounts.get(0).remark()).isNull();
        assertThat(accounts.get(0).allowModes()).containsExactlyInAnyOrder(SpeedMode.FAST, SpeedMode.TURBO);
        assertThat(accounts.get(1).userToken()).isEqualTo("token-from-MJ_TOKEN_SECOND");
        assertThat(result).contains("    userToken: ${MJ_TOKEN_SECOND}\n");
    }

    @Test
    void aNewKeyGoesAfterTheKeyBeforeItInTheDocumentedOrder() {
        String result = AccountsFileEditor.update(TWO, "second", Map.of("weight", 3, "userAgent", "Mozilla/5.0 (X11)"));

        assertThat(result).endsWith("""
                    userToken: ${MJ_TOKEN_SECOND}
                    userAgent: "Mozilla/5.0 (X11)"
                    weight: 3
                """);
        assertThat(result).startsWith(TWO.substring(0, TWO.indexOf("    userToken: ${MJ_TOKEN_SECOND}")));
        AccountConfig second = reader.parse("f", result).get(1);
        assertThat(second.weight()).isEqualTo(3);
        assertThat(second.userAgent()).isEqualTo("Mozilla/5.0 (X11)");
    }

    @Test
    void removingEntriesOfTheExampleKeepsEveryComment() throws IOException {
        String example = example();
        String withoutSecond = AccountsFileEditor.remove(example, "second");
        assertThat(withoutSecond).isEqualTo(example.substring(0, example.indexOf("\n\n  - id: second")) + "\n");
        assertThat(reader.parse("f", withoutSecond)).extracting(AccountConfig::id).containsExactly("main");

        String withoutMain = AccountsFileEditor.remove(example, "main");
        assertThat(withoutMain).isEqualTo(example.substring(0, example.indexOf("  - id: main"))
                + example.substring(example.indexOf("  - id: second")));
        assertThat(reader.parse("f", withoutMain)).extracting(AccountConfig::id).containsExactly("second");
        // Every comment line of the example is kept, pacing notes inside the removed entry aside.
        assertThat(lines(withoutSecond)).containsAll(lines(example).stream().filter(line -> line.startsWith("#")).toList());
    }

    @Test
    void theOnlyEntryRemovedLeavesAnEmptyListThatReadsAndTakesANewEntry() {
        String one = """
                # header
                accounts:   # the pool
                  - id: only
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: secret-only
                other: 1
                """;
        String empty = AccountsFileEditor.remove(one, "only");
        assertThat(empty).isEqualTo("# header\naccounts: [] # the pool\nother: 1\n");
        assertThat(reader.parse("f", empty)).isEmpty();

        String again = AccountsFileEditor.add(empty, Map.of("id", "fresh", "guildId", "1100000000000000001",
                "channelId", "1100000000000000002", "userToken", "t"));
        assertThat(again).isEqualTo("""
                # header
                accounts:    # the pool
                  - id: fresh
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: "t"
                other: 1
                """);
        assertThat(reader.parse("f", again)).extracting(AccountConfig::id).containsExactly("fresh");
    }

    @Test
    void removingTheFirstTakesItsAttachedCommentButNotTheFileHeader() {
        String result = AccountsFileEditor.remove(TWO, "main");
        assertThat(result).isEqualTo("""
                # pool of the studio
                accounts:
                  - id: second
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000003"
                    userToken: ${MJ_TOKEN_SECOND}
                """);
        String middle = AccountsFileEditor.remove(AccountsFileEditor.add(TWO, minimal("third")), "second");
        assertThat(reader.parse("f", middle)).extracting(AccountConfig::id).containsExactly("main", "third");
        assertThat(middle).startsWith(TWO.substring(0, TWO.indexOf("\n  - id: second")))
                .doesNotContain("\n\n\n");
    }

    @Test
    void valuesThatYamlWouldMisreadAreQuoted() {
        List<String> tricky = List.of("yes", "No", "null", "~", "123", "0x1A", "1e3", "-", "a: b", "a #b", "#x", " lead",
                "trail ", "${HOME}", "[x]", "{x}", "'q'", "\"dq\"", "back\\slash", "line\nbreak", "tab\there", "",
                "@at", "`tick", "t,*x", "[&x, *y]", "%p", "&anchor", "*alias", "!tag", "|", ">", "? k", "über ☃ 😀", "\u2028", "a,b", "true");
        String text = TWO;
        for (String value : tricky) {
            text = AccountsFileEditor.update(text, "second", Map.of("remark", value, "userAgent", value));
            AccountConfig second = new AccountsFile(name -> "/home/" + name).parse("f", text).get(1);
            // AccountsFile resolves ${NAME} in any value, quoted or not.
            String expected = value.equals("${HOME}") ? "/home/HOME" : value;
            assertThat(second.remark()).as("remark %s", value).isEqualTo(expected);
            assertThat(second.userAgent()).as("userAgent %s", value).isEqualTo(expected);
        }
        assertThat(AccountsFileEditor.update(TWO, "second", Map.of("remark", "plain-word_1.2")))
                .contains("    remark: plain-word_1.2\n");
    }

    @Test
    void numericIdsAndSnowflakesStayStrings() {
        String result = AccountsFileEditor.add(TWO, Map.of("id", "12345", "guildId", "1100000000000000001",
                "channelId", "1100000000000000004", "userToken", "12345678"));
        assertThat(result).contains("  - id: \"12345\"\n", "    guildId: \"1100000000000000001\"\n",
                "    userToken: \"12345678\"\n");
        AccountConfig added = reader.parse("f", result).get(2);
        assertThat(added.id()).isEqualTo("12345");
        assertThat(added.userToken()).isEqualTo("12345678");
        assertThat(AccountsFileEditor.update(result, "12345", Map.of("remark", "x"))).contains("    remark: x\n");
    }

    @Test
    void blockListsStayBlockAndFlowListsStayFlow() {
        String result = AccountsFileEditor.update(TWO, "main", Map.of("allowModes", List.of("relax", "turbo"),
                "botTypes", List.of("NIJI"), "mode", "relax"));
        assertThat(result).contains("""
                    mode: relax
                    allowModes:
                      - relax
                      - turbo
                    botTypes: [NIJI]
                    remark: "first"
                """);
        assertThat(reader.parse("f", result).get(0).allowModes()).containsExactlyInAnyOrder(SpeedMode.RELAX, SpeedMode.TURBO);

        String removed = AccountsFileEditor.update(TWO, "main", new HashMap<>(Map.of("mode", "relax")) {{
            put("allowModes", null);
        }});
        assertThat(removed).doesNotContain("allowModes", "      - fast").contains("    mode: relax\n    botTypes: [MJ, NIJI]\n");
        assertThat(reader.parse("f", removed).get(0).mode()).isEqualTo(SpeedMode.RELAX);
    }

    @Test
    void entriesWithTheDashAloneOrAtColumnZeroAndCompactLists() {
        String yaml = """
                accounts:
                -
                  # the dash alone
                  id: a
                  guildId: "1100000000000000001"
                  channelId: "1100000000000000002"
                  userToken: 't''s'
                  allowModes:
                  - fast
                  - relax
                - remark: on the dash
                  id: b
                  guildId: "1100000000000000001"
                  channelId: "1100000000000000002"
                  userToken: "b"
                settings: kept
                """;
        String updated = AccountsFileEditor.update(yaml, "a", Map.of("allowModes", List.of("turbo"), "mode", "turbo"));
        assertThat(updated).contains("  allowModes:\n  - turbo\n- remark: on the dash\n");
        assertThat(reader.parse("f", updated).get(0).mode()).isEqualTo(SpeedMode.TURBO);

        Map<String, Object> dropRemark = new HashMap<>();
        dropRemark.put("remark", null);
        String moved = AccountsFileEditor.update(yaml, "b", dropRemark);
        assertThat(moved).contains("\n- id: b\n  guildId:").endsWith("  userToken: \"b\"\nsettings: kept\n");

        String added = AccountsFileEditor.add(yaml, minimal("c"));
        assertThat(added).endsWith("  userToken: \"b\"\n- id: c\n  guildId: \"1100000000000000001\"\n"
                + "  channelId: \"1100000000000000002\"\n  userToken: \"token-c\"\nsettings: kept\n");
        String onlyDash = "accounts:\n  -\n    id: a\n    guildId: \"1100000000000000001\"\n"
                + "    channelId: \"1100000000000000002\"\n    userToken: x\n";
        assertThat(AccountsFileEditor.add(onlyDash, minimal("z"))).endsWith("    userToken: x\n  -\n    id: z\n"
                + "    guildId: \"1100000000000000001\"\n    channelId: \"1100000000000000002\"\n    userToken: \"token-z\"\n");
        assertThat(reader.parse("f", AccountsFileEditor.remove(added, "b"))).extracting(AccountConfig::id)
                .containsExactly("a", "c");
    }

    @Test
    void multiLineValuesAreEditedWholeAndCommentsAmongListItemsStay() {
        String yaml = """
                accounts:
                  - "id": a
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: t
                    allowModes: [fast,
                       relax]   # multi
                    botTypes:
                      # which bots
                      - MJ
                      # - NIJI
                    remark: |
                      line one
                      # not a comment
                    userAgent: plain
                      continued
                """;
        String head = """
                accounts:
                  - "id": a
                    guildId: "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: t
                """;
        String changed = AccountsFileEditor.update(yaml, "a", Map.of("allowModes", List.of("fast"),
                "botTypes", List.of("NIJI"), "remark", "r", "userAgent", "u"));
        assertThat(changed).isEqualTo(head + """
                    allowModes: [fast]
                    botTypes:
                      # which bots
                      - NIJI
                      # - NIJI
                    remark: r
                    userAgent: u
                """);
        Map<String, Object> removals = new HashMap<>();
        removals.put("botTypes", null);
        removals.put("remark", null);
        removals.put("weight", 2);
        String removed = AccountsFileEditor.update(yaml, "a", removals);
        assertThat(removed).isEqualTo(head + """
                    allowModes: [fast,
                       relax]   # multi
                    weight: 2
                    userAgent: plain
                      continued
                """);
        assertThat(reader.parse("f", removed).get(0).userAgent()).isEqualTo("plain continued");
    }

    @Test
    void windowsLineEndingsAreKept() {
        String crlf = TWO.replace("\n", "\r\n");
        String result = AccountsFileEditor.add(AccountsFileEditor.update(crlf, "main", Map.of("weight", 2)), minimal("c"));
        assertThat(result.replace("\r\n", "")).doesNotContain("\n");
        assertThat(reader.parse("f", result)).extracting(AccountConfig::weight).containsExactly(2, 1, 1);

        String noFinalNewline = TWO.stripTrailing();
        String added = AccountsFileEditor.add(noFinalNewline, minimal("c"));
        assertThat(added).startsWith(noFinalNewline + "\n").endsWith("    userToken: \"token-c\"");
        assertThat(AccountsFileEditor.remove(added, "c")).isEqualTo(noFinalNewline);
    }

    @Test
    void unknownIdsDuplicatesAndUnknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "nope", Map.of("weight", 1)))
                .isInstanceOf(AccountsFileException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> AccountsFileEditor.remove(TWO, "nope")).hasMessageContaining("no account with id 'nope'");
        assertThatThrownBy(() -> AccountsFileEditor.add(TWO, minimal("second")))
                .hasMessageContaining("'second' is already in the accounts file");
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "main", Map.of("id", "second")))
                .hasMessageContaining("'main'").hasMessageContaining("'second'");
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "main", Map.of("colour", "red")))
                .hasMessageContaining("account 'main'").hasMessageContaining("'colour' is not a known key");
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "main", Map.of("weight", 1.5)))
                .hasMessageContaining("account 'main': key 'weight' must be");
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "main", Map.of("allowModes", List.of(1))))
                .hasMessageContaining("key 'allowModes' list entries must be strings");
        assertThatThrownBy(() -> AccountsFileEditor.add(TWO, Map.of("guildId", "1")))
                .hasMessageContaining("needs an 'id'");
        assertThatThrownBy(() -> AccountsFileEditor.add("other: 1\n", minimal("a")))
                .hasMessageContaining("expected a top-level 'accounts:' list");
        assertThat(AccountsFileEditor.update(TWO, "main", Map.of("id", "renamed"))).contains("  - id: renamed\n");
    }

    @Test
    void secretsNeverAppearInMessages() {
        String secret = "mfa.SECRET-token-value";
        Map<String, Object> bad = new HashMap<>(Map.of("userToken", secret, "botToken", secret + "2"));
        bad.put("colour", "x");
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "main", bad)).message().doesNotContain(secret);
        Map<String, Object> duplicate = new HashMap<>(minimal("main"));
        duplicate.put("userToken", secret);
        assertThatThrownBy(() -> AccountsFileEditor.add(TWO, duplicate)).message().doesNotContain(secret);
        assertThatThrownBy(() -> AccountsFileEditor.update(TWO, "main", Map.of("userToken", secret + "\uD800")))
                .hasMessageContaining("key 'userToken'").message().doesNotContain(secret);
        String broken = TWO.replace("${MJ_TOKEN_MAIN}", "\"" + secret + "\n  : [");
        assertThatThrownBy(() -> AccountsFileEditor.update(broken, "main", Map.of("weight", 2)))
                .hasMessageContaining("not valid YAML").message().doesNotContain(secret);
    }

    @Test
    void shapesTheEditorCannotFollowAreRefusedNotDamaged() {
        String flow = "accounts: [{id: a, guildId: \"1100000000000000001\", channelId: \"1100000000000000002\", userToken: t}]\n";
        String anchored = """
                base: &base
                  guildId: "1100000000000000001"
                accounts:
                  - <<: *base
                    id: a
                    channelId: "1100000000000000002"
                    userToken: t
                """;
        String alias = """
                accounts:
                  - id: a
                    guildId: &g "1100000000000000001"
                    channelId: "1100000000000000002"
                    userToken: t
                """;
        String json = "{\"accounts\": [{\"id\": \"a\"}]}";
        for (String yaml : List.of(flow, anchored, alias, json)) {
            assertThatThrownBy(() -> AccountsFileEditor.update(yaml, "a", Map.of("weight", 2)))
                    .as(yaml).isInstanceOf(AccountsFileException.class).hasMessageContaining("edited by hand");
            assertThatThrownBy(() -> AccountsFileEditor.add(yaml, minimal("b")))
                    .as(yaml).hasMessageContaining("edited by hand");
        }
    }

    static Map<String, Object> minimal(String id) {
        return Map.of("id", id, "guildId", "1100000000000000001", "channelId", "1100000000000000002",
                "userToken", "token-" + id);
    }

    private static String example() throws IOException {
        return Files.readString(Path.of("accounts.example.yml"));
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\n", -1));
    }

    private static void replaceLine(List<String> lines, String startOfOld, String startOfNew) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(startOfOld)) {
                lines.set(i, startOfNew + lines.get(i).substring(startOfOld.length()));
                return;
            }
        }
        throw new AssertionError("no line starts with " + startOfOld);
    }
}
