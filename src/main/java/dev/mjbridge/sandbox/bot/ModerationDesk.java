package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated Midjourney's moderators decided beyond a user's {@link Standing}: the text of
 * a pending moderator's message and the block it announces, timed blocks and when they end, the
 * words its AI moderator flags (soft: the user may appeal) and how appeals end. It also hands out
 * the tokens of the moderation buttons (Acknowledge, Accept ToS, Appeal) and knows what each
 * was for. Blocks run on the wall clock: Midjourney announces them in words, and a test that
 * wants one to end sets a short one.
 */
@Component
public class ModerationDesk {

    /** What a moderator's message says when the control API gave no text. */
    public static final String DEFAULT_MOD_TEXT = "Please keep your prompts within our community guidelines.";

    /** A pending moderator's message: its text, and the block it announces (zero: none). */
    public record ModMessage(String text, Duration block) {
    }

    /** What a moderation button's token stands for. */
    public sealed interface Ticket {
        String userId();
    }

    record AcknowledgeTicket(String userId) implements Ticket {
    }

    record AcceptTosTicket(String userId) implements Ticket {
    }

    /** The flagged prompt and how it was asked for, so an accepted appeal can run it. */
    record AppealTicket(String userId, String prompt) implements Ticket {
    }

    /** Global moderation settings of the control API. */
    public record Settings(List<String> softFlagWords, boolean appealsAccepted) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]*");

    private final Clock clock;
    private final Map<String, ModMessage> modMessages = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private volatile Settings settings = new Settings(List.of(), true);

    public ModerationDesk() {
        this(Clock.systemUTC());
    }

    ModerationDesk(Clock clock) {
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public void configure(Optional<List<String>> softFlagWords, Optional<Boolean> appealsAccepted) {
        Settings current = settings;
        settings = new Settings(
                softFlagWords.map(words -> words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList())
                        .orElse(current.softFlagWords()),
                appealsAccepted.orElse(current.appealsAccepted()));
    }

    /** The user has a moderator's message waiting; acknowledging it shows {@code text} and starts {@code block}. */
    public void modMessage(String userId, String text, Duration block) {
        modMessages.put(userId, new ModMessage(text == null ? DEFAULT_MOD_TEXT : text, block));
        blockedUntil.remove(userId);
    }

    /** A block that ends by itself after {@code duration}; the standing is the caller's to set. */
    public void blockFor(String userId, Duration duration) {
        blockedUntil.put(userId, clock.instant().plus(duration));
    }

    /** How long the user's timed block still runs; empty when the block is not timed (or there is none). */
    Optional<Duration> blockLeft(String userId) {
        Instant until = blockedUntil.get(userId);
        return until == null ? Optional.empty() : Optional.of(Duration.between(clock.instant(), until));
    }

    /** Whether a timed block is over; it is then forgotten, and the caller lifts the standing. */
    boolean blockOver(String userId) {
        Instant until = blockedUntil.get(userId);
        if (until == null || clock.instant().isBefore(until)) {
            return false;
        }
        return blockedUntil.remove(userId, until);
    }

    /** The moderator's message the user has waiting, removed on reading (it is acknowledged). */
    Optional<ModMessage> takeModMessage(String userId) {
        return Optional.ofNullable(modMessages.remove(userId));
    }

    /** The first soft-flag word of the prompt, if any. */
    Optional<String> softFlagged(String prompt) {
        Set<String> words = Set.copyOf(settings.softFlagWords());
        if (words.isEmpty() || prompt == null) {
            return Optional.empty();
        }
        Matcher matcher = WORD.matcher(prompt.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (words.contains(matcher.group())) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    String ticket(Ticket ticket) {
        String token = UUID.randomUUID().toString().replace("-", "");
        tickets.put(token, ticket);
        return token;
    }

    /** The ticket behind a pressed token, used up by the press; only its own user may press it. */
    Optional<Ticket> redeem(String token, String userId) {
        Ticket ticket = tickets.get(token);
        if (ticket == null || !ticket.userId().equals(userId)) {
            return Optional.empty();
        }
        return tickets.remove(token, ticket) ? Optional.of(ticket) : Optional.empty();
    }

    /** Forgets the user's timed block and waiting moderator's message (its standing was set by hand). */
    public void forget(String userId) {
        modMessages.remove(userId);
        blockedUntil.remove(userId);
    }

    public void reset() {
        modMessages.clear();
        blockedUntil.clear();
        tickets.clear();
        settings = new Settings(List.of(), true);
    }

    /**
     * A duration the way Midjourney words it: {@code 1 hour}, {@code 30 minutes},
     * {@code 1 day and 12 hours}; seconds only when the block is shorter than a minute or
     * not whole minutes (tests use such blocks).
     */
    static String words(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] names = {"day", "hour", "minute", "second"};
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            long amount = seconds / sizes[i];
            seconds %= sizes[i];
            if (amount > 0) {
                parts.add(amount + " " + names[i] + (amount == 1 ? "" : "s"));
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
