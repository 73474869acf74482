package dev.mjbridge.discord;

/** Where a gateway session stands, as the account health reports it. */
public enum GatewayState {
    /** Opening a socket or waiting for READY/RESUMED. */
    CONNECTING,
    /** READY or RESUMED: events flow. */
    READY,
    /** Lost the connection; a reconnect is scheduled. */
    RECONNECTING,
    /** Discord refused us for good (bad token, ...): no retry until re-enabled. */
    FAILED,
    /** Stopped by us. */
    STOPPED
}
