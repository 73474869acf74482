package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SandboxSettings;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The Midjourney side of the sandbox's control handle: faults, versions, what jobs ran. */
@Component
public class BotControl {

    private final BotFaults faults;
    private final JobBook book;
    private final JobScheduler scheduler;
    private final CommandCatalog catalog;
    private final UserStates userStates;
    private final BotClock clock;
    private final SandboxSettings settings;
    private final ModerationDesk moderation;

    public BotControl(BotFaults faults, JobBook book, JobScheduler scheduler, CommandCatalog catalog,
                      UserStates userStates, BotClock clock, SandboxSettings settings, ModerationDesk moderation) {
        this.moderation = moderation;
        this.faults = faults;
        this.book = book;
        this.scheduler = scheduler;
        this.catalog = catalog;
        this.userStates = userStates;
        this.clock = clock;
        this.settings = settings;
    }

    /** The user's next job starts and is then stopped with "Request cancelled due to output filters". */
    public void failNextJobWithOutputFilter(String userId) {
        faults.outputFilterNext(userId, 1);
    }

    /** A job the bot accepted, by its hash (the UUID in filenames and customIds). */
    public Optional<Job> job(String jobHash) {
        return book.job(jobHash);
    }

    public Optional<Long> seedOf(String jobHash) {
        return book.job(jobHash).map(Job::seed);
    }

    public List<Job> runningJobs(String userId) {
        return scheduler.running(userId);
    }

    public List<Job> queuedJobs(String userId) {
        return scheduler.queued(userId);
    }

    /**
     * Gives a command a new version, as Midjourney's redeploys do; clients holding the
     * old one get "This command is outdated" until they read the command index again.
     *
     * @param applicationId Midjourney's or Niji's application id
     * @param commandName   e.g. {@code imagine}
     * @return the new version
     */
    public String rotateCommandVersion(String applicationId, String commandName) {
        BotApp app = BotApp.byApplicationId(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("unknown application " + applicationId));
        CommandKind kind = CommandKind.valueOf(commandName.toUpperCase(java.util.Locale.ROOT));
        return catalog.rotateVersion(app, kind);
    }

    /** User states, faults, command versions and the time scale back to the start; jobs already running finish. */
    public void reset() {
        userStates.resetAll();
        moderation.reset();
        faults.clear();
        catalog.reset();
        clock.setFastJobDuration(settings.fastJobDuration());
        clock.setFastVideoDuration(settings.fastVideoDuration());
        clock.resume();
    }
}
