package dev.mjbridge.sandbox.bot;

/**
 * A job while it runs. Its steps run one after another on the scheduler (each schedules
 * the next), so the fields need no locking beyond the executor's happens-before edges.
 */
final class JobRun {

    private final Job job;
    private final boolean outputFiltered;
    private volatile boolean waitedInQueue;
    private volatile String progressMessageId;
    private volatile boolean progressEphemeral;
    private volatile boolean stopped;
    private volatile boolean over;
    private int nextStep;
    private boolean pauseShown;
    /** When the next step is due on the monotonic clock; unset (-1) until the first step and after a pause. */
    private long dueNanos = -1;

    JobRun(Job job, boolean outputFiltered) {
        this.job = job;
        this.outputFiltered = outputFiltered;
    }

    Job job() {
        return job;
    }

    /** Whether the output filter will stop this job once it has started. */
    boolean outputFiltered() {
        return outputFiltered;
    }

    /** A job that waited in the queue got the "Job queued" answer; its start message carries no nonce. */
    boolean waitedInQueue() {
        return waitedInQueue;
    }

    void markQueued() {
        waitedInQueue = true;
    }

    String progressMessageId() {
        return progressMessageId;
    }

    void started(String messageId, boolean ephemeral) {
        progressMessageId = messageId;
        progressEphemeral = ephemeral;
    }

    /** Whether the progress message is the ephemeral start of a button job (only its user sees it). */
    boolean progressEphemeral() {
        return progressEphemeral;
    }

    /** Cancel Job was pressed: no step runs any more. Set under the run's monitor. */
    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    boolean hasStarted() {
        return progressMessageId != null;
    }

    int takeStep() {
        return nextStep++;
    }

    /** True the first time after a pause began, so "(paused)" is shown once per pause. */
    boolean firstPausedTick() {
        boolean first = !pauseShown;
        pauseShown = true;
        return first;
    }

    /**
     * How long to wait before the next step, which is due {@code stepNanos} after this one was
     * due ({@code stepStartedNanos} for the first step and the first after a pause). Steps keep
     * to the job's pace even when writing a message takes time: a 2 s job ends 2 s after it
     * began, however long its progress edits took to send.
     */
    long delayToNextStep(long stepStartedNanos, long stepNanos, long now) {
        dueNanos = (dueNanos < 0 ? stepStartedNanos : dueNanos) + stepNanos;
        return Math.max(0, dueNanos - now);
    }

    /** A paused job starts its pace afresh when it resumes (the pause is not time the job ran). */
    void forgetPace() {
        dueNanos = -1;
    }

    void running() {
        pauseShown = false;
    }

    /** The job's last message is about to go out: from now on it no longer runs, though its slot frees just after. */
    void over() {
        over = true;
    }

    boolean isOver() {
        return over;
    }
}
