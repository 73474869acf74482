package dev.mjbridge.sandbox.control;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxSettings;
import dev.mjbridge.sandbox.world.World;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the accounts of {@code sandbox --accounts FILE}: YAML ({@code .yml}, {@code .yaml},
 * anything else) or JSON ({@code .json}), either a bare list or {@code {accounts: [...]}}.
 * Each entry: {@code token} (or {@code userToken}, so the proxy's accounts.yml works as is;
 * {@code ${ENV_VAR}} is expanded), {@code guildId}, {@code channelId}, optional {@code userId}
 * (default: the id an unknown token gets in open mode), {@code username} (or {@code id}),
 * {@code bot}. A proxy account's {@code botToken} (its bot listener) adds that bot as a member of
 * the account's guild and channel; several accounts may name the same bot. Other keys are ignored
 * so that a proxy accounts file can be shared.
 */
public final class AccountsFile {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private AccountsFile() {
    }

    public static List<SandboxAccount> read(Path file) {
        return read(file, System::getenv);
    }

    static List<SandboxAccount> read(Path file, Function<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read accounts file " + file + ": " + e.getMessage());
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, json, environment, file.toString());
    }

    /**
     * The file's {@code bots: [midjourney, niji]} (in the {@code {accounts: [...], bots: [...]}}
     * form): which bots sit in the guilds; empty when the file does not say.
     */
    public static Optional<Set<String>> readBots(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            return parseBots(text, json, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read accounts file " + file + ": " + e.getMessage());
        }
    }

    static Optional<Set<String>> parseBots(String text, boolean json, String source) {
        JsonNode root = tree(text, json, source);
        if (root == null || !root.isObject() || !root.has("bots")) {
            return Optional.empty();
        }
        JsonNode list = root.get("bots");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(source + ".bots: must be a list of midjourney and/or niji");
        }
        Set<String> bots = new LinkedHashSet<>();
        for (JsonNode bot : list) {
            String name = bot.asString("").strip().toLowerCase(Locale.ROOT);
            if (!SandboxSettings.ALL_BOTS.contains(name)) {
                throw new IllegalArgumentException(source + ".bots: unknown bot " + bot + " (known: midjourney, niji)");
            }
            bots.add(name);
        }
        return Optional.of(bots);
    }

    static List<SandboxAccount> parse(String text, boolean json, Function<String, String> environment, String source) {
        JsonNode root = tree(text, json, source);
        JsonNode list = root != null && root.isObject() ? root.path("accounts") : root;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected a non-empty list of accounts"
                    + " (or {accounts: [...]}) with token, guildId, channelId");
        }
        List<SandboxAccount> accounts = new ArrayList<>();
        Set<String> userIds = new HashSet<>();
        List<SandboxAccount> listenerBots = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = source + " accounts[" + i + "]";
            SandboxAccount account = account(list.get(i), path, environment);
            if (!userIds.add(account.userId())) {
                throw new IllegalArgumentException(path + ": userId " + account.userId()
                        + " is used twice (the same token twice?)");
            }
            accounts.add(account);
            listenerBot(list.get(i), account, path, environment).ifPresent(listenerBots::add);
        }
        for (SandboxAccount bot : listenerBots) {
            // One bot may listen in several accounts' guilds: each entry makes it a member of one more.
            if (userIds.contains(bot.userId())) {
                throw new IllegalArgumentException(source + ": the botToken of account " + bot.username()
                        + " is also a user's token");
            }
            accounts.add(bot);
        }
        return accounts;
    }

    private static JsonNode tree(String text, boolean json, String source) {
        ObjectMapper mapper = json ? JsonMapper.builder().build() : YAMLMapper.builder().build();
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage());
        }
    }

    private static SandboxAccount account(JsonNode entry, String path, Function<String, String> environment) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException(path + ": must be a mapping with token, guildId, channelId");
        }
        String token = expand(text(entry, path, "token", "userToken"), path + ".token", environment);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(path + ": token (or userToken) is required");
        }
        String guildId = snowflake(entry, path, "guildId", true);
        String channelId = snowflake(entry, path, "channelId", true);
        String userId = snowflake(entry, path, "userId", false);
        if (userId == null) {
            userId = World.stableId(token, "user");
        }
        String username = text(entry, path, "username", "id");
        if (username == null) {
            username = "sandbox-user-" + userId.substring(userId.length() - 4);
        }
        JsonNode bot = entry.path("bot");
        if (!bot.isMissingNode() && !bot.isNull() && !bot.isBoolean()) {
            throw new IllegalArgumentException(path + ".bot: must be true or false");
        }
        return new SandboxAccount(token, userId, username, guildId, channelId, bot.asBoolean(false));
    }

    /** The proxy account's bot listener ({@code botToken}), as a bot in the account's guild and channel. */
    private static Optional<SandboxAccount> listenerBot(JsonNode entry, SandboxAccount account, String path,
                                                        Function<String, String> environment) {
        String token = expand(text(entry, path, "botToken", "botToken"), path + ".botToken", environment);
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String userId = World.stableId(token, "user");
        return Optional.of(SandboxAccount.bot(token, userId, "listener-" + userId.substring(userId.length() - 4),
                account.guildId(), account.channelId()));
    }

    private static String text(JsonNode entry, String path, String name, String alias) {
        JsonNode value = entry.hasNonNull(name) ? entry.get(name) : entry.get(alias);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            throw new IllegalArgumentException(path + "." + name + ": must be a string");
        }
        return value.asString().trim();
    }

    /** Ids may be written as numbers in YAML; they are still Discord snowflakes. */
    private static String snowflake(JsonNode entry, String path, String name, boolean required) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(path + "." + name + ": required");
            }
            return null;
        }
        String text = value.isIntegralNumber() ? value.asString() : value.isString() ? value.asString().trim() : "";
        if (text.isEmpty() || text.length() > 20 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(path + "." + name + ": must be a Discord id (digits), got " + value);
        }
        return text;
    }

    private static String expand(String value, String path, Function<String, String> environment) {
        if (value == null) {
            return null;
        }
        Matcher reference = ENV_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String resolved = environment.apply(reference.group(1));
            if (resolved == null) {
                throw new IllegalArgumentException(path + ": environment variable " + reference.group(1)
                        + " is not set");
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        reference.appendTail(out);
        return out.toString();
    }

    /** A one-line description for the console; never the token. */
    public static String describe(List<SandboxAccount> accounts) {
        List<String> parts = new ArrayList<>();
        for (SandboxAccount account : accounts) {
            parts.add(account.username() + " (" + account.userId() + (account.bot() ? ", bot" : "") + ") in channel "
                    + account.channelId());
        }
        return String.join("; ", parts);
    }
}
