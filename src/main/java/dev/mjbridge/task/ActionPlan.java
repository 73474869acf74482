package dev.mjbridge.task;

import dev.mjbridge.midjourney.JobRequest;

/** What pressing a button of a finished task comes down to; made by {@link ActionPlanner}. */
public sealed interface ActionPlan {

    /** A job to hand to {@link TaskService#submit}. */
    record Submit(Task task, JobRequest request, Routing routing) implements ActionPlan {
    }

    /**
     * The button opens a modal the client must fill in (custom zoom, vary region): store the
     * task with {@link TaskService#awaitModal} and answer code 21.
     *
     * @param finalPrompt the prompt the modal starts from, for the client to edit
     */
    record AwaitModal(Task task, JobRequest.Button pending, Routing routing, String finalPrompt)
            implements ActionPlan {
    }

    /** The button cannot be pressed; {@code field} is the request field to blame. */
    record Refused(String field, String reason) implements ActionPlan {
    }
}
