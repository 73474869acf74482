package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads accounts.yml. Every problem is reported with the file, the account (by
 * position and id) and the key, because an operator fixing a typo at start-up should
 * not have to guess. Values may reference the environment as {@code ${NAME}} or
 * {@code ${NAME:default}}; tokens are never echoed in errors.
 */
public final class AccountsFile {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,21}");
    private static final Set<String> SECRET_KEYS = Set.of("userToken", "botToken");

    private final UnaryOperator<String> environment;

    public AccountsFile(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public static AccountsFile withSystemEnvironment() {
        return new AccountsFile(System::getenv);
    }

    public List<AccountConfig> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new AccountsFileException(file + ": cannot read the accounts file (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text);
    }

    public List<AccountConfig> parse(String source, String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new AccountsFileException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new AccountsFileException(source + ": the file is empty; expected a top-level 'accounts:' list");
        }
        JsonNode accounts = root.path("accounts");
        if (!accounts.isArray()) {
            throw new AccountsFileException(source + ": expected a top-level 'accounts:' list");
        }
        List<AccountConfig> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode node : accounts) {
            index++;
            AccountConfig account = new Entry(source, index, node).toConfig();
            if (!ids.add(account.id())) {
                throw new AccountsFileException(source + ": account #" + index + ": id '" + account.id()
                        + "' is used by another account; ids must be unique");
            }
            result.add(account);
        }
        return List.copyOf(result);
    }

    /** One list entry, with error messages that say where it is. */
    private final class Entry {
        private final String source;
        private final int index;
        private final JsonNode node;
        private String id;

        Entry(String source, int index, JsonNode node) {
            this.source = source;
            this.index = index;
            this.node = node;
        }

        AccountConfig toConfig() {
            if (!node.isObject()) {
                throw error(null, "must be a mapping of keys (id, guildId, channelId, userToken, ...)");
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (!AccountConfig.KEYS.contains(property.getKey())) {
                    throw error(property.getKey(), "is not a known key; known keys: " + String.join(", ", AccountConfig.KEYS));
                }
            }
            id = requiredText("id");
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw error("id", "must be 1-64 letters, digits, '.', '_' or '-'");
            }
            String guildId = snowflake("guildId");
            String channelId = snowflake("channelId");
            String userToken = requiredText("userToken");
            SpeedMode mode = mode("mode", SpeedMode.FAST);
            Set<SpeedMode> allowModes = modes("allowModes", mode);
            if (!allowModes.contains(mode)) {
                throw error("allowModes", "must include the account's mode '" + mode.name().toLowerCase(Locale.ROOT) + "'");
            }
            return new AccountConfig(id, guildId, channelId, userToken, optionalText("userAgent"),
                    bool("enabled", true),
                    integer("concurrency", AccountConfig.DEFAULT_CONCURRENCY, 1, 50),
                    integer("queueSize", AccountConfig.DEFAULT_QUEUE_SIZE, 0, 1000),
                    integer("timeoutMinutes", AccountConfig.DEFAULT_TIMEOUT_MINUTES, 1, 24 * 60),
                    mode, allowModes,
                    bool("remixAutoSubmit", true),
                    botTypes("botTypes"),
                    integer("weight", 1, 0, 1000),
                    optionalText("remark"),
                    optionalText("botToken"),
                    optionalText("proxy"),
                    pacing(),
                    new ModerationKeys(bool("autoAcknowledge", ModerationKeys.DEFAULTS.autoAcknowledge()),
                            bool("autoAcceptTos", ModerationKeys.DEFAULTS.autoAcceptTos())),
                    new SyncRules(optionalBool("remix"), integer("fastTimeReserveMinutes", 0, 0, 100_000)));
        }

        private PacingRules pacing() {
            int dailyLimit = integer("dailyLimit", 0, 0, 1_000_000);
            DayStart dayStartsAt = parsed("dayStartsAt", DayStart::parse, DayStart.MIDNIGHT_UTC);
            int minInterval = integer("minIntervalSeconds", 0, 0, 24 * 3600);
            int jitter = integer("intervalJitterSeconds", 0, 0, 24 * 3600);
            WorkHours workHours = parsed("workHours", WorkHours::parse, WorkHours.ALWAYS);
            return new PacingRules(dailyLimit, dayStartsAt, Duration.ofSeconds(minInterval), Duration.ofSeconds(jitter),
                    workHours);
        }

        private <T> T parsed(String key, Function<String, T> parser, T fallback) {
            String value = optionalText(key);
            if (value == null) {
                return fallback;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }

        private String requiredText(String key) {
            String value = optionalText(key);
            if (value == null || value.isBlank()) {
                throw error(key, "is required");
            }
            return value;
        }

        private String optionalText(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode() || value.isContainer()) {
                throw error(key, "must be a single value");
            }
            return substitute(key, value.asString());
        }

        private String snowflake(String key) {
            String value = requiredText(key);
            if (!SNOWFLAKE.matcher(value).matches()) {
                throw error(key, "must be a Discord id (15-21 digits); quote it in YAML so it stays exact");
            }
            return value;
        }

        private boolean bool(String key, boolean fallback) {
            Boolean value = optionalBool(key);
            return value == null ? fallback : value;
        }

        /** true, false, or null when the key is left out. */
        private Boolean optionalBool(String key) {
            String value = optionalText(key);
            if (value == null) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw error(key, "must be true or false, got '" + value + "'");
            };
        }

        private int integer(String key, int fallback, int min, int max) {
            String value = optionalText(key);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed < min || parsed > max) {
                    throw error(key, "must be between " + min + " and " + max + ", got " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number, got '" + value + "'");
            }
        }

        private SpeedMode mode(String key, SpeedMode fallback) {
            String value = optionalText(key);
            if (value == null) {
                return fallback;
            }
            return SpeedMode.parse(value).orElseThrow(() -> error(key, "must be fast, relax or turbo, got '" + value + "'"));
        }

        private Set<SpeedMode> modes(String key, SpeedMode defaultMode) {
            List<String> values = list(key);
            if (values == null) {
                return EnumSet.allOf(SpeedMode.class);
            }
            Set<SpeedMode> modes = EnumSet.noneOf(SpeedMode.class);
            for (String value : values) {
                modes.add(SpeedMode.parse(value).orElseThrow(() ->
                        error(key, "entries must be fast, relax or turbo, got '" + value + "'")));
            }
            if (modes.isEmpty()) {
                modes.add(defaultMode);
            }
            return modes;
        }

        private Set<BotType> botTypes(String key) {
            List<String> values = list(key);
            if (values == null || values.isEmpty()) {
                return EnumSet.allOf(BotType.class);
            }
            Set<BotType> types = EnumSet.noneOf(BotType.class);
            for (String value : values) {
                types.add(switch (value.trim().toUpperCase(Locale.ROOT)) {
                    case "MJ", "MID_JOURNEY", "MIDJOURNEY" -> BotType.MID_JOURNEY;
                    case "NIJI", "NIJI_JOURNEY" -> BotType.NIJI_JOURNEY;
                    default -> throw error(key, "entries must be MJ or NIJI, got '" + value + "'");
                });
            }
            return types;
        }

        private List<String> list(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isArray()) {
                List<String> values = new ArrayList<>();
                for (JsonNode item : value) {
                    values.add(substitute(key, item.asString()));
                }
                return values;
            }
            String text = substitute(key, value.asString());
            List<String> values = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
            return values;
        }

        private String substitute(String key, String value) {
            Matcher matcher = ENV_REFERENCE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String resolved = environment.apply(matcher.group(1));
                if (resolved == null) {
                    resolved = matcher.group(2);
                }
                if (resolved == null) {
                    throw error(key, "references environment variable " + matcher.group(1) + ", which is not set");
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private AccountsFileException error(String key, String problem) {
            String where = source + ": account #" + index + (id == null ? "" : " (id '" + id + "')");
            String message = key == null ? where + " " + problem : where + ": key '" + key + "' " + problem;
            // A bad secret is described, never quoted.
            if (key != null && SECRET_KEYS.contains(key)) {
                message = where + ": key '" + key + "' " + problem.replaceAll("'[^']*'", "(value hidden)");
            }
            return new AccountsFileException(message);
        }
    }
}
