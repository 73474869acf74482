package dev.mjbridge.task.images;

import java.util.List;

import dev.mjbridge.images.ImageInfo;

/** Told how keeping each task's picture ended: for the index of stored files, the store's health, and retries. */
interface KeepOutcomes {

    KeepOutcomes NONE = new KeepOutcomes() {
        @Override
        public void stored(String taskId, List<ImageInfo> files) {
        }

        @Override
        public void failed(String taskId, String reason, boolean storeFault) {
        }
    };

    /** Every one of {@code outcomes}, in order. */
    static KeepOutcomes all(List<KeepOutcomes> outcomes) {
        List<KeepOutcomes> copy = List.copyOf(outcomes);
        return new KeepOutcomes() {
            @Override
            public void stored(String taskId, List<ImageInfo> files) {
                copy.forEach(outcome -> outcome.stored(taskId, files));
            }

            @Override
            public void failed(String taskId, String reason, boolean storeFault) {
                copy.forEach(outcome -> outcome.failed(taskId, reason, storeFault));
            }
        };
    }

    /** The task's files are in the store. */
    void stored(String taskId, List<ImageInfo> files);

    /**
     * Keeping finally failed; the task finished with Discord's link.
     *
     * @param storeFault whether the store failed (disk full, bucket down) rather than the download
     */
    void failed(String taskId, String reason, boolean storeFault);
}
