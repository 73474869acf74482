package dev.mjbridge.task;

/**
 * What happens to a result's picture before its task succeeds. Discord's attachment links expire
 * after about a day, so with a store the picture is downloaded and kept first, and the task becomes
 * SUCCESS only once its stable link works (or keeping it finally failed): the result is
 * {@linkplain TaskUpdate.Held held} meanwhile. Without a store nothing is held.
 */
public interface ResultImages {

    /**
     * Nothing is held: tasks succeed with Discord's links at once. For engines that never see a held
     * task (tests, tools); the service's {@code mj.images.url: discord} also finishes tasks held by
     * an earlier run.
     */
    ResultImages NONE = new ResultImages() {
        @Override
        public boolean holds(Task task, TaskUpdate.Finished result) {
            return false;
        }

        @Override
        public void keep(Task heldTask) {
        }
    };

    /** Whether {@code result} of {@code task} waits for its picture to be kept. */
    boolean holds(Task task, TaskUpdate.Finished result);

    /**
     * Starts keeping the picture of a task whose result is held, and finishes the task when done
     * ({@link TaskUpdate.ImagesKept} or {@link TaskUpdate.ImagesNotKept}). Returns at once; a task
     * already being kept is not started twice.
     */
    void keep(Task heldTask);
}
