package dev.mjbridge.account;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of edits keep the file readable and equal to a model edited alongside
 * (a list of maps, written out by a YAML library for the comparison); the comment lines of
 * the file's header survive every edit.
 */
class AccountsFileEditorPropertyTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private final AccountsFile reader = new AccountsFile(name -> "env-" + name);

    /** One edit; which account it touches is picked when it is applied, from the accounts there are then. */
    sealed interface Edit permits Add, Update, Remove {
    }

    record Add(Map<String, Object> optional) implements Edit {
    }

    record Update(int target, Map<String, Object> changes) implements Edit {
    }

    record Remove(int target) implements Edit {
    }

    @Property(tries = 200)
    void editsKeepTheFileEqualToTheModel(@ForAll("starts") String start, @ForAll("edits") List<Edit> edits) {
        String text = start;
        List<Map<String, Object>> model = model(start);
        int added = 0;
        for (Edit edit : edits) {
            if (edit instanceof Add add) {
                Map<String, Object> account = new LinkedHashMap<>(add.optional());
                account.put("id", "added-" + added++);
                account.put("guildId", "1100000000000000001");
                account.put("channelId", "1100000000000000009");
                account.put("userToken", "tok-" + added);
                text = AccountsFileEditor.add(text, account);
                account.values().removeIf(value -> value == null);
                model.add(account);
            } else if (edit instanceof Update update && !model.isEmpty()) {
                Map<String, Object> account = model.get(update.target() % model.size());
                text = AccountsFileEditor.update(text, (String) account.get("id"), update.changes());
                update.changes().forEach((key, value) -> {
                    if (value == null) {
                        account.remove(key);
                    } else {
                        account.put(key, value);
                    }
                });
            } else if (edit instanceof Remove remove && !model.isEmpty()) {
                Map<String, Object> account = model.remove(remove.target() % model.size());
                text = AccountsFileEditor.remove(text, (String) account.get("id"));
            }
            assertThat(reader.parse("edited", text)).isEqualTo(reader.parse("model", YAML.writeValueAsString(Map.of("accounts", model))));
        }
        assertThat(text).startsWith(start.substring(0, start.indexOf("accounts:")));
    }

    @Provide
    Arbitrary<String> starts() {
        String example;
        try {
            example = Files.readString(Path.of("accounts.example.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String blockLists = """
                # block lists, the first key on a line of its own
                accounts:
                -
                  id: block
                  guildId: "1100000000000000001"
                  channelId: "1100000000000000002"
                  userToken: 'single ''quoted'''
                  allowModes:
                    - fast
                    - relax
                  botTypes:
                  - MJ
                other: kept
                """;
        return Arbitraries.of(example, blockLists, "# nothing yet\naccounts: []\n");
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Integer> target = Arbitraries.integers().between(0, 100);
        Arbitrary<Edit> edit = Arbitraries.oneOf(
                changes().map(Add::new),
                Combinators.combine(target, changes()).as(Update::new),
                target.map(Remove::new));
        return edit.list().ofMaxSize(12);
    }

    private Arbitrary<Map<String, Object>> changes() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("\n\t\u00fc\u2603\u2028\u0085")
                .ofMaxLength(16);
        Arbitrary<Object> remark = Arbitraries.oneOf(text.map(Object.class::cast), Arbitraries.just(null));
        Arbitrary<Object> token = text.map(value -> "t" + value);
        Arbitrary<Object> weight = Arbitraries.oneOf(Arbitraries.integers().between(0, 1000).map(Object.class::cast),
                Arbitraries.just(null));
        Arbitrary<Object> enabled = Arbitraries.of(true, false).map(Object.class::cast).injectNull(0.3);
        Arbitrary<List<String>> modes = Arbitraries.of("fast", "relax", "turbo").list().uniqueElements().ofMinSize(1);
        Arbitrary<Object> botTypes = Arbitraries.of("MJ", "NIJI").list().uniqueElements().map(Object.class::cast)
                .injectNull(0.3);
        return Combinators.combine(remark, token, weight, enabled, modes, botTypes, Arbitraries.integers().between(0, 255))
                .as((remarkValue, tokenValue, weightValue, enabledValue, modeList, botTypeList, pick) -> {
                    // Each key is in or out of this edit; mode and allowModes go together so they agree.
                    Map<String, Object> changes = new HashMap<>();
                    Object[][] keys = {{"remark", remarkValue}, {"userToken", tokenValue}, {"weight", weightValue},
                            {"enabled", enabledValue}, {"botTypes", botTypeList}, {"userAgent", remarkValue}};
                    for (int i = 0; i < keys.length; i++) {
                        if ((pick & (1 << i)) != 0) {
                            changes.put((String) keys[i][0], keys[i][1]);
                        }
                    }
                    if ((pick & (1 << 6)) != 0) {
                        changes.put("mode", modeList.get(0));
                        changes.put("allowModes", (pick & (1 << 7)) != 0 ? modeList : null);
                    }
                    return changes;
                });
    }

    private static List<Map<String, Object>> model(String yaml) {
        Map<String, Object> file = YAML.readValue(yaml, new TypeReference<>() {
        });
        List<Map<String, Object>> model = new ArrayList<>();
        for (Object account : (List<?>) file.get("accounts")) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) account).forEach((key, value) -> copy.put((String) key, value));
            model.add(copy);
        }
        return model;
    }
}
