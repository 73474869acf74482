package dev.mjbridge.notify;

/** How one attempt of a delivery ended, as the delivery log shows it. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    SENT,
    /** It failed; another attempt follows after a backoff. */
    RETRYING,
    /** It failed and was the last attempt (or could not be made at all). */
    GAVE_UP
}
