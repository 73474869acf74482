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
        register(new SandboxUser(MIDJOURNEY_APP_ID, "Midjourney Bot", null, true));
        register(new SandboxUser(NIJI_APP_ID, "niji・journey Bot", null, true));
        for (SandboxAccount account : settings.accounts()) {
            SandboxUser user = new SandboxUser(account.userId(), account.username(), account.token(), account.bot());
            register(user);
            joinChannel(user, account.guildId(), account.channelId());
        }
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
     * Whether the user may act in the channel. In open mode a guild channel the user
     * names for the first time is created with the user as a member.
     */
    public Optional<Channel> accessibleChannel(SandboxUser user, String guildId, String channelId) {
        if (channelId == null || channelId.isBlank() || !channelId.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Channel existing = channels.get(channelId);
        if (existing != null) {
            if (existing.isDm()) {
                return existing.recipientId().equals(user.id()) ? Optional.of(existing) : Optional.empty();
            }
            Guild guild = guilds.get(existing.guildId());
            if (guild.hasMember(user.id()) || (!strict && (guildId == null || guildId.equals(guild.id())))) {
                guild.addMember(user.id());
                return Optional.of(existing);
            }
            return Optional.empty();
        }
        if (strict || guildId == null || !guildId.chars().allMatch(Character::isDigit) || guildId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(joinChannel(user, guildId, channelId));
    }

    private Channel joinChannel(SandboxUser user, String guildId, String channelId) {
        Guild guild = guilds.computeIfAbsent(guildId, id -> {
            Guild created = new Guild(id, "Sandbox Guild " + id.substring(id.length() - 4));
            created.addMember(MIDJOURNEY_APP_ID);
            created.addMember(NIJI_APP_ID);
            return created;
        });
        guild.addMember(user.id());
        Channel channel = channels.computeIfAbsent(channelId,
                id -> new Channel(id, guildId, "mj-" + id.substring(id.length() - 4), null));
        guild.addChannel(channel.id());
        return channel;
    }

    /** The DM channel between a user and the bots (seeds arrive there). */
    public Channel dmChannelOf(SandboxUser user) {
        String channelId = dmChannelByUser.computeIfAbsent(user.id(), id -> snowflakes.next());
        return channels.computeIfAbsent(channelId, id -> new Channel(id, null, null, user.id()));
    }
}
