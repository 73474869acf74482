package dev.mjbridge.midjourney;

import java.util.List;

/**
 * What one bot's {@code /info} and {@code /settings} answers say about the account. Read
 * tolerantly ({@link InfoText}, {@link SettingsPanel}): a figure the answer does not show, or
 * shows in a form not understood, is {@code null}, and every line not understood is kept verbatim
 * in {@link #raw}, so a change of Midjourney's wording loses nothing and fails nothing.
 *
 * @param subscription             {@code Subscription}, e.g. {@code Standard (Active monthly, renews ...)}
 * @param jobMode                  {@code Job Mode}: {@code Fast}, {@code Relaxed}, {@code Turbo}
 * @param visibilityMode           {@code Visibility Mode}: {@code Public} or {@code Stealth}
 * @param fastTimeRemainingSeconds {@code Fast Time Remaining}, {@code 12.5/15.0 hours} = 45000
 * @param lifetimeImages           images of {@code Lifetime Usage}
 * @param relaxedImages            images of {@code Relaxed Usage}, when shown
 * @param queuedJobs               the sum of the {@code Queued Jobs} lines
 * @param runningJobs              how many jobs {@code Running Jobs} lists ({@code None} = 0)
 * @param remix                    the settings' remix toggle
 * @param speed                    the settings' speed choice: {@code FAST}, {@code RELAX} or {@code TURBO}
 * @param stealth                  the settings' visibility: true = stealth, false = public
 * @param suffix                   the settings' {@code Current suffix}, e.g. {@code --v 7}
 * @param raw                      lines not understood, verbatim
 */
public record AccountInfo(
        String subscription,
        String jobMode,
        String visibilityMode,
        Long fastTimeRemainingSeconds,
        Long lifetimeImages,
        Long relaxedImages,
        Integer queuedJobs,
        Integer runningJobs,
        Boolean remix,
        String speed,
        Boolean stealth,
        String suffix,
        List<String> raw) {

    public static final AccountInfo NONE = new AccountInfo(null, null, null, null, null, null, null, null, null, null,
            null, null, List.of());

    public AccountInfo {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** This info with the toggles of a settings message (the info lines kept). */
    public AccountInfo withSettings(SettingsPanel settings) {
        return new AccountInfo(subscription, jobMode, visibilityMode, fastTimeRemainingSeconds, lifetimeImages,
                relaxedImages, queuedJobs, runningJobs, settings.remix(), settings.speed(), settings.stealth(),
                settings.suffix(), raw);
    }

    /** This info's toggles with the lines of a newer {@code /info} answer. */
    public AccountInfo withInfo(AccountInfo info) {
        return new AccountInfo(info.subscription, info.jobMode, info.visibilityMode, info.fastTimeRemainingSeconds,
                info.lifetimeImages, info.relaxedImages, info.queuedJobs, info.runningJobs, remix, speed, stealth,
                suffix, info.raw);
    }
}
