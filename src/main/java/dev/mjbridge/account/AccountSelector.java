package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the accounts a task may go to, best first. Eligibility: enabled and healthy,
 * serves the bot, allows the mode, and matches the pin, the channel and the client's
 * filter. Order: by strategy among accounts with room.
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

    /** Eligible accounts that have room, best first. */
    public List<Account> rank(List<Account> accounts, Need need) {
        List<Account> candidates = new ArrayList<>(eligible(accounts, need).stream()
                .filter(a -> a.slots().hasCapacity()).toList());
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
            case WEIGHTED -> candidates = weightedOrder(candidates);
        }
        return candidates;
    }

    private static List<Account> weightedOrder(List<Account> candidates) {
        List<Account> remaining = new ArrayList<>(candidates);
        List<Account> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            int total = remaining.stream().mapToInt(a -> Math.max(0, a.config().weight())).sum();
            Account pick = remaining.get(0);
            if (total > 0) {
                int roll = ThreadLocalRandom.current().nextInt(total);
                for (Account a : remaining) {
                    roll -= Math.max(0, a.config().weight());
                    if (roll < 0) {
                        pick = a;
                        break;
                    }
                }
            }
            remaining.remove(pick);
            ordered.add(pick);
        }
        return ordered;
    }

    private static boolean isEligible(Account account, Need need) {
        AccountConfig config = account.config();
        if (!account.takesWork() || !config.serves(need.botType())) {
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
        if (!filter.modes().isEmpty() && filter.modes().stream().noneMatch(config::allows)) {
            return false;
        }
        return filter.remix() == null || account.remix().map(r -> r.equals(filter.remix())).orElse(!filter.remix());
    }
}
