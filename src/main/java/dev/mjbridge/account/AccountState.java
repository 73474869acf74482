package dev.mjbridge.account;

/** How an account stands, as {@code /mj/account/list} shows it. */
public enum AccountState {
    /** Opening or re-opening its gateway session. */
    CONNECTING,
    /** Connected and taking work. */
    READY,
    /** Connected but limited (e.g. out of fast hours, or reconnecting after a fault); see the reason. */
    DEGRADED,
    /** Takes no work until an operator re-enables it; see the reason. */
    DISABLED
}
