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
    private int nextStep;
    private boolean pauseShown;

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

    void running() {
        pauseShown = false;
    }
}
