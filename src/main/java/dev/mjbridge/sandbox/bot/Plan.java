package dev.mjbridge.sandbox.bot;

/** Midjourney subscription plans; NONE answers every job with "Subscription required". */
public enum Plan {
    NONE, BASIC, STANDARD, PRO, MEGA
}
