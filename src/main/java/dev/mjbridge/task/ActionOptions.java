package dev.mjbridge.task;

import dev.mjbridge.account.SpeedMode;

/**
 * What the client said beside the button to press.
 *
 * @param chooseSameChannel any enabled account in the parent's channel may run it, not only the parent's account
 * @param mode              the speed mode of a {@code /mj-fast|relax|turbo} prefix, null for the account's default
 * @param state             the client's opaque value for the new task
 * @param notifyHook        webhook of the new task, null for the global one
 */
public record ActionOptions(boolean chooseSameChannel, SpeedMode mode, String state, String notifyHook) {

    public static final ActionOptions DEFAULTS = new ActionOptions(false, null, null, null);
}
