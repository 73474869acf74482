package dev.mjbridge.midjourney;

/** The two Midjourney bots a Discord account can drive. */
public enum BotType {
    MID_JOURNEY,
    NIJI_JOURNEY
}
