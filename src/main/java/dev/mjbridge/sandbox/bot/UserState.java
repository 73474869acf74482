package dev.mjbridge.sandbox.bot;

/**
 * What the simulated Midjourney knows about one Discord user.
 *
 * @param fastSecondsRemaining fast GPU time left; a fast job with none left fails with "Credits exhausted"
 * @param captchaNext          the next command opens the "Action required to continue" captcha instead
 */
public record UserState(Plan plan, long fastSecondsRemaining, SpeedMode mode, boolean remix, boolean stealth,
                        Standing standing, boolean captchaNext, int concurrentJobs, int queueSize) {

    public static final int DEFAULT_CONCURRENT_JOBS = 3;
    public static final int DEFAULT_QUEUE_SIZE = 10;

    public static UserState initial() {
        return new UserState(Plan.STANDARD, 15 * 3600, SpeedMode.FAST, false, false, Standing.GOOD, false,
                DEFAULT_CONCURRENT_JOBS, DEFAULT_QUEUE_SIZE);
    }

    public UserState withPlan(Plan value) {
        return new UserState(value, fastSecondsRemaining, mode, remix, stealth, standing, captchaNext, concurrentJobs, queueSize);
    }

    public UserState withFastSecondsRemaining(long value) {
        return new UserState(plan, Math.max(0, value), mode, remix, stealth, standing, captchaNext, concurrentJobs, queueSize);
    }

    public UserState withMode(SpeedMode value) {
        return new UserState(plan, fastSecondsRemaining, value, remix, stealth, standing, captchaNext, concurrentJobs, queueSize);
    }

    public UserState withRemix(boolean value) {
        return new UserState(plan, fastSecondsRemaining, mode, value, stealth, standing, captchaNext, concurrentJobs, queueSize);
    }

    public UserState withStealth(boolean value) {
        return new UserState(plan, fastSecondsRemaining, mode, remix, value, standing, captchaNext, concurrentJobs, queueSize);
    }

    public UserState withStanding(Standing value) {
        return new UserState(plan, fastSecondsRemaining, mode, remix, stealth, value, captchaNext, concurrentJobs, queueSize);
    }

    public UserState withCaptchaNext(boolean value) {
        return new UserState(plan, fastSecondsRemaining, mode, remix, stealth, standing, value, concurrentJobs, queueSize);
    }

    public UserState withLimits(int concurrent, int queue) {
        return new UserState(plan, fastSecondsRemaining, mode, remix, stealth, standing, captchaNext, concurrent, queue);
    }
}
