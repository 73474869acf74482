package dev.mjbridge.sandbox.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs jobs the way Midjourney admits them: per user at most {@link UserState#concurrentJobs()}
 * at once, up to {@link UserState#queueSize()} more waiting, the rest refused. A running
 * job is a chain of timed steps on the shared scheduler (no thread is held per job), each
 * due one step after the one before it was due, so the time spent writing messages does not
 * stretch the job; while the bot is paused a step parks instead of running and resumes with the bot.
 */
@Component
public class JobScheduler {

    /** How a submitted job was admitted. */
    public enum Admission { RUNNING, QUEUED, QUEUE_FULL }

    /** Progress shown between start and result; the output filter strikes after the first. */
    static final int[] PROGRESS = {15, 31, 62, 93};
    /** A video's progress, as in the 2026 capture (12%, then 35% and 51% with stills). */
    static final int[] VIDEO_PROGRESS = {12, 35, 51, 78};
    /** A V7 U1-U4 (and a video's U1-U4) shows no progress: the result follows the start. */
    private static final int[] NO_PROGRESS = {};
    private static final int OUTPUT_FILTER_STEP = 2;

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final ScheduledExecutorService executor;
    private final BotClock clock;
    private final UserStates userStates;
    private final JobLifecycle lifecycle;
    private final BotFaults faults;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Set<JobRun> parked = ConcurrentHashMap.newKeySet();

    /** One user's running and waiting jobs; guarded by its own monitor. */
    private static final class Lane {
        final Set<JobRun> running = new LinkedHashSet<>();
        final Deque<JobRun> waiting = new ArrayDeque<>();
    }

    public JobScheduler(ScheduledExecutorService sandboxScheduler, BotClock clock, UserStates userStates,
                        JobLifecycle lifecycle, BotFaults faults) {
        this.executor = sandboxScheduler;
        this.clock = clock;
        this.userStates = userStates;
        this.lifecycle = lifecycle;
        this.faults = faults;
        clock.onResume(this::resumeParked);
    }

    /**
     * Admits the job. {@code announceQueued} (given the number of running jobs) runs
     * before the job can start, so the "Job queued" answer precedes the job's messages.
     */
    Admission submit(Job job, IntConsumer announceQueued) {
        String userId = job.user().id();
        UserState limits = userStates.get(userId);
        JobRun run = new JobRun(job, faults.takeOutputFilter(userId));
        Lane lane = lanes.computeIfAbsent(userId, id -> new Lane());
        synchronized (lane) {
            if (lane.waiting.isEmpty() && lane.running.size() < limits.concurrentJobs()) {
                lane.running.add(run);
                launch(run);
                return Admission.RUNNING;
            }
            if (lane.waiting.size() >= limits.queueSize()) {
                return Admission.QUEUE_FULL;
            }
            run.markQueued();
            lane.waiting.addLast(run);
            announceQueued.accept(lane.running.size());
            return Admission.QUEUED;
        }
    }

    /** Jobs of the user that hold a slot (paused ones included). */
    public List<Job> running(String userId) {
        Lane lane = lanes.get(userId);
        if (lane == null) {
            return List.of();
        }
        synchronized (lane) {
            return lane.running.stream().filter(run -> !run.isOver()).map(JobRun::job).toList();
        }
    }

    /** Jobs of the user waiting for a slot, oldest first. */
    public List<Job> queued(String userId) {
        Lane lane = lanes.get(userId);
        if (lane == null) {
            return List.of();
        }
        synchronized (lane) {
            return lane.waiting.stream().map(JobRun::job).toList();
        }
    }

    private void launch(JobRun run) {
        executor.execute(() -> tick(run));
    }

    /**
     * Cancel Job: the user's running or waiting job with this id stops where it is, shows
     * "(Stopped)", frees its slot and is never charged. False when there is no such job.
     */
    public boolean cancel(String jobId, String userId) {
        Lane lane = lanes.get(userId);
        if (lane == null) {
            return false;
        }
        JobRun found = null;
        synchronized (lane) {
            for (JobRun run : lane.running) {
                if (run.job().hash().equals(jobId)) {
                    found = run;
                }
            }
            for (JobRun run : lane.waiting) {
                if (run.job().hash().equals(jobId)) {
                    found = run;
                }
            }
            if (found == null) {
                return false;
            }
            lane.running.remove(found);
            lane.waiting.remove(found);
        }
        // Waits for a step that is running, so "(Stopped)" is the last edit.
        synchronized (found) {
            found.stop();
        }
        parked.remove(found);
        lifecycle.stopped(found);
        refill(userId);
        return true;
    }

    private void tick(JobRun run) {
        if (run.stopped()) {
            return;
        }
        if (clock.paused()) {
            park(run);
            return;
        }
        long stepStarted = System.nanoTime();
        run.running();
        boolean goesOn;
        synchronized (run) {
            if (run.stopped()) {
                return;
            }
            try {
                goesOn = advance(run);
            } catch (RuntimeException e) {
                log.warn("sandbox bot: job {} failed in the simulation", run.job().hash(), e);
                goesOn = false;
            }
        }
        if (goesOn) {
            long delay = run.delayToNextStep(stepStarted, stepDelay(run).toNanos(), System.nanoTime());
            executor.schedule(() -> tick(run), delay, TimeUnit.NANOSECONDS);
        } else {
            release(run);
        }
    }

    /** Runs the run's next step; false when the job is over. */
    private boolean advance(JobRun run) {
        Job job = run.job();
        int step = run.takeStep();
        if (step == 0) {
            lifecycle.begin(run);
            return true;
        }
        int[] percents = percents(job);
        int announce = JobMessages.startsAnimating(job) ? 1 : 0;
        int finishStep = announce + percents.length + 1;
        if (run.outputFiltered() && (step == OUTPUT_FILTER_STEP || step == finishStep)) {
            lifecycle.filtered(run);
            return false;
        }
        if (step <= announce) {
            lifecycle.creatingVideo(run);
            return true;
        }
        int index = step - 1 - announce;
        if (index < percents.length) {
            lifecycle.progress(run, percents[index], index);
            return true;
        }
        // Marked first: a user who sees the result and asks /info at once finds the job no longer running.
        run.over();
        lifecycle.finish(run);
        return false;
    }

    private static int[] percents(Job job) {
        if (job.kind() == JobKind.VIDEO) {
            return VIDEO_PROGRESS;
        }
        if (job.kind() == JobKind.VIDEO_UPSCALE || job.kind() == JobKind.UPSCALE && job.model().current()) {
            return NO_PROGRESS;
        }
        return PROGRESS;
    }

    /** The job's duration spread evenly over its steps; read each time, so a new time scale applies at once. */
    private Duration stepDelay(JobRun run) {
        Job job = run.job();
        Duration whole = job.kind() == JobKind.VIDEO ? clock.videoJobDuration(job.mode()) : clock.jobDuration(job.mode());
        int steps = (JobMessages.startsAnimating(job) ? 1 : 0) + percents(job).length + 1;
        return whole.dividedBy(steps);
    }

    private void park(JobRun run) {
        if (run.stopped()) {
            return;
        }
        if (run.hasStarted() && run.firstPausedTick()) {
            try {
                lifecycle.paused(run);
            } catch (RuntimeException e) {
                log.warn("sandbox bot: could not show job {} as paused", run.job().hash(), e);
            }
        }
        run.forgetPace();
        parked.add(run);
        // The bot may have resumed between the check and the add; then nobody else wakes it.
        if (!clock.paused() && parked.remove(run)) {
            launch(run);
        }
    }

    private void resumeParked() {
        for (JobRun run : List.copyOf(parked)) {
            if (parked.remove(run)) {
                launch(run);
            }
        }
    }

    /** Frees the job's slot and starts the jobs that waited for one. */
    private void release(JobRun run) {
        Lane lane = lanes.get(run.job().user().id());
        synchronized (lane) {
            lane.running.remove(run);
        }
        refill(run.job().user().id());
    }

    private void refill(String userId) {
        UserState limits = userStates.get(userId);
        Lane lane = lanes.get(userId);
        synchronized (lane) {
            while (!lane.waiting.isEmpty() && lane.running.size() < limits.concurrentJobs()) {
                JobRun next = lane.waiting.pollFirst();
                lane.running.add(next);
                launch(next);
            }
        }
    }
}
