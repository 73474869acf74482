package dev.mjbridge.sandbox.world;

import dev.mjbridge.sandbox.SandboxAccount;
import dev.mjbridge.sandbox.SandboxSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Who and where: users (by token and id), guilds, channels. In the default open mode a
 * new token becomes a user on first use, and an unknown guild or channel that a user
 * names is created for it; strict mode admits only the configured accounts.
 */
public final class World {

    public static final String MIDJOURNEY_APP_ID = "936929561302675456";
    public static final String NIJI_APP_ID = "1022952195194359889";

    private static final String BOT_PREFIX = "Bot ";
    private static final String BEARER_PREFIX = "Bearer ";

    private final boolean strict;
    /** Application ids of the bots that sit in every guild ({@code bots} of the settings). */
    private final Set<String> botIds;
    private final List<BiConsumer<SandboxUser, Guild>> guildJoinListeners = new CopyOnWriteArrayList<>();
    private final Map<String, SandboxUser> usersByToken = new ConcurrentHashMap<>();
    private final Map<String, SandboxUser> usersById = new ConcurrentHashMap<>();
    private final Map<String, Guild> guilds = new ConcurrentHashMap<>();
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, String> dmChannelByUser = new ConcurrentHashMap<>();
    /** Tokens that stopped working, as after a password change: they authenticate nobody. */
    private final Set<String> revokedTokens = ConcurrentHashMap.newKeySet();
    private final Snowflakes snowflakes;
    private final MessageStore messages = new MessageStore();

    public World(SandboxSettings settings, Snowflakes snowflakes) {
        this.strict = settings.strict();
        this.snowflakes = snowflakes;
        this.botIds = settings.bots().stream().map(World::applicationIdOf).collect(Collectors.toUnmodifiableSet());
        register(new SandboxUser(MIDJOURNEY_APP_ID, "Midjourney Bot", null, true));
        register(new SandboxUser(NIJI_APP_ID, "niji・journey Bot", null, true));
        for (SandboxAccount account : settings.accounts()) {
            SandboxUser user = new SandboxUser(account.userId(), account.username(), account.token(), account.bot());
            register(user);
            joinChannel(user, account.guildId(), account.channelId());
        }
    }

    /** The application id of a bot by its settings name ({@code midjourney}, {@code niji}). */
    public static String applicationIdOf(String botName) {
        return switch (botName) {
            case "midjourney" -> MIDJOURNEY_APP_ID;
            case "niji" -> NIJI_APP_ID;
            default -> throw new IllegalArgumentException("unknown bot " + botName);
        };
    }

    /** Whether the application's bot is a member of the guild (a DM, without guild, reaches every bot). */
    public boolean botPresent(String applicationId, String guildId) {
        if (guildId == null) {
            return botIds.contains(applicationId);
        }
        return guild(guildId).map(guild -> guild.hasMember(applicationId)).orElse(false);
    }

    /** Told when a user joins a guild after its READY (open mode adopting a guild the user names): GUILD_CREATE. */
    public void onGuildJoined(BiConsumer<SandboxUser, Guild> listener) {
        guildJoinListeners.add(listener);
    }

    public Snowflakes snowflakes() {
        return snowflakes;
    }

    public MessageStore messages() {
        return messages;
    }

    /**
     * Resolves an {@code Authorization} header: a raw user token, or {@code Bot <token>}.
     * Unknown tokens become users unless the sandbox is strict.
     */
    public Optional<SandboxUser> authenticate(String authorization) {
        return authenticate(authorization, false);
    }

    /**
     * As {@link #authenticate(String)}; {@code botHint} creates an unknown token as a bot
     * (a gateway IDENTIFY with {@code intents} is a bot's even without the prefix).
     */
    public Optional<SandboxUser> authenticate(String authorization, boolean botHint) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String header = authorization.trim();
        if (header.startsWith(BEARER_PREFIX)) {
            header = header.substring(BEARER_PREFIX.length()).trim();
        }
        boolean prefixed = header.startsWith(BOT_PREFIX);
        boolean bot = prefixed || botHint;
        String token = prefixed ? header.substring(BOT_PREFIX.length()).trim() : header;
        if (token.isEmpty() || revokedTokens.contains(token)) {
            return Optional.empty();
        }
        SandboxUser known = usersByToken.get(token);
        if (known != null) {
            return Optional.of(known);
        }
        if (strict) {
            return Optional.empty();
        }
        return Optional.of(usersByToken.computeIfAbsent(token, t -> createUser(t, bot)));
    }

    /**
     * The user's token stops working: REST answers 401 and IDENTIFY closes with 4004.
     * Live connections are left alone; a client notices on its next (re)connect.
     */
    public void revokeToken(String userId) {
        user(userId).map(SandboxUser::token).ifPresent(revokedTokens::add);
    }

    public void restoreTokens() {
        revokedTokens.clear();
    }

    private SandboxUser createUser(String token, boolean bot) {
        String id = stableId(token, "user");
        SandboxUser user = new SandboxUser(id, (bot ? "sandbox-bot-" : "sandbox-user-") + id.substring(id.length() - 4), token, bot);
        usersById.put(user.id(), user);
        joinChannel(user, stableId(token, "guild"), stableId(token, "channel"));
        return user;
    }

    private void register(SandboxUser user) {
        usersById.put(user.id(), user);
        if (user.token() != null) {
            usersByToken.put(user.token(), user);
        }
    }

    /**
     * Ids derived from the token, so that a client reconnecting to a restarted
     * sandbox finds the same user, guild and channel.
     */
    public static String stableId(String token, String kind) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + token).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 7; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return Long.toString(1_100_000_000_000_000_000L + Math.floorMod(value, 100_000_000_000_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every user the sandbox knows, the Midjourney application bots included. */
    public Collection<SandboxUser> users() {
        return List.copyOf(usersById.values());
    }

    public Optional<SandboxUser> user(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    public Optional<Channel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    public Optional<Guild> guild(String id) {
        return Optional.ofNullable(guilds.get(id));
    }

    /** Guilds the user is a member of (the Midjourney bots are members of every guild). */
    public List<Guild> guildsOf(SandboxUser user) {
        return guilds.values().stream().filter(g -> g.hasMember(user.id())).toList();
    }

    public Collection<Guild> guilds() {
        return guilds.values();
    }

    /**
     * Whether the user may act in the channel. In open mode the sandbox adopts what a
     * client names, as if the user were a member: an unknown channel is created (in the
     * guild named, else in the user's first guild), and an existing guild channel admits
     * the user. Strict mode admits only members.
     */
    public Optional<Channel> accessibleChannel(SandboxUser user, String guildId, String channelId) {
        if (!isSnowflake(channelId)) {
            return Optional.empty();
        }
        Channel existing = channels.get(channelId);
        if (existing != null) {
            if (existing.isDm()) {
                return existing.recipientId().equals(user.id()) ? Optional.of(existing) : Optional.empty();
            }
            Guild guild = guilds.get(existing.guildId());
            if (guild.hasMember(user.id())) {
                return Optional.of(existing);
            }
            if (!strict && (guildId == null || guildId.equals(guild.id()))) {
                join(user, guild);
                return Optional.of(existing);
            }
            return Optional.empty();
        }
        if (strict) {
            return Optional.empty();
        }
        if (guildId == null) {
            // A channel URL names no guild: the channel joins the user's own guild.
            guildId = guildsOf(user).stream().map(Guild::id).sorted().findFirst().orElse(stableId(channelId, "guild"));
        }
        if (!isSnowflake(guildId)) {
            return Optional.empty();
        }
        return Optional.of(adoptChannel(user, guildId, channelId));
    }

    /** The guild, if the user is a member; in open mode an unknown guild is created with the user in it. */
    public Optional<Guild> accessibleGuild(SandboxUser user, String guildId) {
        Guild existing = guilds.get(guildId == null ? "" : guildId);
        if (existing != null && existing.hasMember(user.id())) {
            return Optional.of(existing);
        }
        if (strict || !isSnowflake(guildId)) {
            return Optional.empty();
        }
        Guild guild = guilds.computeIfAbsent(guildId, this::newGuild);
        join(user, guild);
        return Optional.of(guild);
    }

    private Channel adoptChannel(SandboxUser user, String guildId, String channelId) {
        boolean wasMember = guilds.containsKey(guildId) && guilds.get(guildId).hasMember(user.id());
        Channel channel = joinChannel(user, guildId, channelId);
        if (!wasMember) {
            guildJoinListeners.forEach(listener -> listener.accept(user, guilds.get(guildId)));
        }
        return channel;
    }

    private void join(SandboxUser user, Guild guild) {
        if (!guild.hasMember(user.id())) {
            guild.addMember(user.id());
            guildJoinListeners.forEach(listener -> listener.accept(user, guild));
        }
    }

    private static boolean isSnowflake(String id) {
        return id != null && !id.isBlank() && id.length() <= 20 && id.chars().allMatch(Character::isDigit);
    }

    private Guild newGuild(String id) {
        Guild created = new Guild(id, "Sandbox Guild " + id.substring(Math.max(0, id.length() - 4)));
        botIds.forEach(created::addMember);
        return created;
    }

    private Channel joinChannel(SandboxUser user, String guildId, String channelId) {
        Guild guild = guilds.computeIfAbsent(guildId, this::newGuild);
        guild.addMember(user.id());
        Channel channel = channels.computeIfAbsent(channelId,
                id -> new Channel(id, guildId, "mj-" + id.substring(Math.max(0, id.length() - 4)), null));
        guild.addChannel(channel.id());
        return channel;
    }

    /** The DM channel between a user and the bots (seeds arrive there). */
    public Channel dmChannelOf(SandboxUser user) {
        String channelId = dmChannelByUser.computeIfAbsent(user.id(), id -> snowflakes.next());
        return channels.computeIfAbsent(channelId, id -> new Channel(id, null, null, user.id()));
    }
}
