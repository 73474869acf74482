package dev.mjbridge.task;

import dev.mjbridge.account.SpeedMode;
import dev.mjbridge.midjourney.JobRequest;

import java.util.regex.Pattern;

/**
 * Runs one job in the mode a {@code /mj-fast|relax|turbo} prefix asked for. Midjourney
 * takes a per-job speed as a prompt parameter, so an imagine sent from an account whose
 * own mode differs gets {@code --fast}, {@code --relax} or {@code --turbo} appended. A
 * prompt that already names a speed is the client's choice and is left as written; other
 * requests carry no prompt of their own and run in the account's mode.
 */
final class ModeParameter {

    private static final Pattern SPEED = Pattern.compile("(?:^|\\s)--(?:fast|relax|turbo)(?=\\s|$)");

    private ModeParameter() {
    }

    /** The request as it should be sent from an account in {@code accountMode}; {@code wanted} null = no preference. */
    static JobRequest apply(JobRequest request, SpeedMode wanted, SpeedMode accountMode) {
        if (wanted == null || wanted == accountMode || !(request instanceof JobRequest.Imagine imagine)) {
            return request;
        }
        String prompt = imagine.prompt().strip();
        if (SPEED.matcher(prompt).find()) {
            return request;
        }
        return new JobRequest.Imagine(prompt + " " + wanted.promptParameter(), imagine.images());
    }
}
