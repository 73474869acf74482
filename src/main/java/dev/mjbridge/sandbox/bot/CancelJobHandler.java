package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

/**
 * Cancel Job ({@code MJ::CancelJob::ByJobid::<job id>}, on a button job's ephemeral start):
 * the job stops where it is, as Midjourney's does; an unknown or finished job gets "Job not found".
 */
@Component
class CancelJobHandler {

    private final JobScheduler scheduler;
    private final ErrorEmbeds errors;

    CancelJobHandler(JobScheduler scheduler, ErrorEmbeds errors) {
        this.scheduler = scheduler;
        this.errors = errors;
    }

    Decision press(Interaction press, String jobId) {
        return Decision.success(() -> {
            if (!scheduler.cancel(jobId, press.user().id())) {
                errors.post(press, ErrorKind.JOB_NOT_FOUND, "This job has already finished or was cancelled.");
            }
        });
    }
}
