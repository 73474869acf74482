package dev.mjbridge.task;

import dev.mjbridge.account.AccountFilter;
import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.BotType;

/**
 * Where a task may run.
 *
 * @param botType         the bot the task talks to
 * @param pinnedAccountId only this account (an action on its parent's account); null = any
 * @param sameChannelAs   with {@code chooseSameChannel}: any enabled account in this channel; null = off
 * @param filter          the client's accountFilter
 * @param mode            the speed mode asked for by a {@code /mj-fast|relax|turbo} prefix; null = account default
 */
public record Routing(BotType botType, String pinnedAccountId, String sameChannelAs, AccountFilter filter, SpeedMode mode) {

    public Routing {
        botType = botType == null ? BotType.MID_JOURNEY : botType;
        filter = filter == null ? AccountFilter.NONE : filter;
    }

    public static Routing anyAccount(BotType botType, AccountFilter filter, SpeedMode mode) {
        return new Routing(botType, null, null, filter, mode);
    }
}
