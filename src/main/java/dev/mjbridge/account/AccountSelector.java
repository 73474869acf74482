package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Chooses the accounts a task may go to, best first. Eligibility: enabled and healthy,
 * serves the bot, allows the mode, and matches the pin, the channel and the client's
 * filter, and not held back from fast work by its fast-time reserve. Order: by strategy among
 * accounts with room whose pacing lets them take new work now (under their daily limit, inside
 * their work hours).
 */
public final class AccountSelector {

    /** What a task needs from an account. */
    public record Need(BotType botType, String pinnedAccountId, String sameChannelAs, AccountFilter filter, SpeedMode mode) {
    }

    private final SelectionStrategy strategy;
    private final AtomicLong turn = new AtomicLong();

    public AccountSelector(SelectionStrategy strategy) {
        this.strategy = strategy;
    }

    public List<Account> eligible(List<Account> accounts, Need need) {
        List<Account> result = new ArrayList<>();
        for (Account account : accounts) {
            if (isEligible(account, need)) {
                result.add(account);
            }
        }
        return result;
    }

    /** Eligible accounts that have room and whose pacing lets them take work now, best first. */
    public List<Account> rank(List<Account> accounts, Need need) {
        List<Account> candidates = new ArrayList<>(eligible(accounts, need).stream()
                .filter(a -> a.slots().hasCapacity() && a.pacing().blocked().isEmpty()).toList());
        if (candidates.size() <= 1) {
            return candidates;
        }
        switch (strategy) {
            case BEST_WAIT_IDLE -> candidates.sort(Comparator.comparingDouble((Account a) -> a.slots().load())
                    .thenComparing(Account::id));
            case ROUND_ROBIN -> {
                candidates.sort(Comparator.comparing(Account::id));
                int shift = (int) Math.floorMod(turn.getAndIncrement(), (long) candidates.size());
                java.util.Collections.rotate(candidates, -shift);
            }
            case WEIGHTED -> candidates = weightedOrder(candidates, ThreadLocalRandom.current());
        }
        return candidates;
    }

    /**
     * A random order in which each next account is drawn in proportion to its weight among those
     * not yet drawn; accounts of weight 0 come last, in their given order. Sorting by exponential
     * race times (rate = weight) gives exactly that distribution in O(n log n); drawing one by one
     * re-summed the remaining weights for every pick, which cost ~2 ms per admission with 1,000
     * accounts (docs/performance.md).
     */
    static List<Account> weightedOrder(List<Account> candidates, RandomGenerator random) {
        record Raced(Account account, double time) {
        }
        List<Raced> raced = new ArrayList<>(candidates.size());
        for (Account account : candidates) {
            int weight = Math.max(0, account.config().weight());
            // 1 - nextDouble() is in (0, 1], so the logarithm is finite.
            double time = weight == 0 ? Double.POSITIVE_INFINITY : -Math.log(1.0 - random.nextDouble()) / weight;
            raced.add(new Raced(account, time));
        }
        raced.sort(Comparator.comparingDouble(Raced::time)); // stable: weight-0 accounts keep their order
        List<Account> ordered = new ArrayList<>(raced.size());
        raced.forEach(r -> ordered.add(r.account()));
        return ordered;
    }

    private static boolean isEligible(Account account, Need need) {
        return account.takesWork() && suits(account, need);
    }

    /**
     * Whether the account's settings fit the need, whatever its health: a replacement account
     * still connecting takes over its predecessor's queue when they do.
     */
    public static boolean suits(Account account, Need need) {
        AccountConfig config = account.config();
        if (!suitsSettings(config, need)) {
            return false;
        }
        // Below its fast-time reserve without relax allowed: it takes no fast or turbo work.
        if (account.sync().fastWorkHeld() && (need.mode() == null ? config.mode() : need.mode()) != SpeedMode.RELAX) {
            return false;
        }
        AccountFilter filter = need.filter();
        return filter.remix() == null || account.remix().map(r -> r.equals(filter.remix())).orElse(!filter.remix());
    }

    /**
     * Whether accounts.yml's settings of an account fit the need: all of {@link #suits} that does not
     * depend on what the account's session learned (its fast-time reserve, its remix setting). In a
     * cluster, what an instance can tell of an account another instance connects.
     */
    public static boolean suitsSettings(AccountConfig config, Need need) {
        if (!config.serves(need.botType())) {
            return false;
        }
        if (need.pinnedAccountId() != null && !need.pinnedAccountId().equals(config.id())) {
            return false;
        }
        if (need.sameChannelAs() != null && !need.sameChannelAs().equals(config.channelId())) {
            return false;
        }
        if (need.mode() != null && !config.allows(need.mode())) {
            return false;
        }
        AccountFilter filter = need.filter();
        if (filter.instanceId() != null && !filter.instanceId().equals(config.id())) {
            return false;
        }
        if (filter.channelId() != null && !filter.channelId().equals(config.channelId())) {
            return false;
        }
        return filter.modes().isEmpty() || filter.modes().stream().anyMatch(config::allows);
    }
}
