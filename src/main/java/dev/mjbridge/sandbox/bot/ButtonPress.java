package dev.mjbridge.sandbox.bot;

/**
 * A pressed button, read from its customId by {@link CustomIdReader}.
 */
sealed interface ButtonPress {

    /** Whether pressing it starts work that a captcha or an account refusal can stop. */
    default boolean startsJob() {
        return true;
    }

    /** A button under a job's result: it names the job by its hash. */
    sealed interface OnJob extends ButtonPress {
        String hash();
    }

    /** U1-U4 of a grid. */
    record Upscale(int index, String hash) implements OnJob {
    }

    /** V1-V4 of a grid. */
    record Variation(int index, String hash) implements OnJob {
    }

    record Reroll(String hash) implements OnJob {
    }

    /**
     * Upscale (Subtle) or (Creative) of a V7 or V6 image, (2x) or (4x) of a V5 one.
     *
     * @param version the model in the customId ({@code upsample_v7_2x_subtle} = 7)
     * @param mode    {@code subtle}, {@code creative}, {@code 2x} or {@code 4x}
     */
    record UpscaleHd(int version, String mode, String hash) implements OnJob {
    }

    /** Animate (High motion) or (Low motion) of an image: a video job. */
    record Animate(boolean highMotion, String hash) implements OnJob {
    }

    /** U1-U4 of a video ({@code video_virtual_upscale}): one clip of it. */
    record VideoUpscale(int index, String hash) implements OnJob {
    }

    /** Cancel Job on a job's ephemeral start message; names the running job, not a finished one. */
    record CancelJob(String jobId) implements ButtonPress {
        @Override
        public boolean startsJob() {
            return false;
        }
    }

    /** Vary (Strong) or (Subtle) of an image. */
    record Vary(boolean strong, String hash) implements OnJob {
    }

    /** Vary (Region): opens the inpaint editor. */
    record VaryRegion(String hash) implements OnJob {
    }

    /** Zoom Out 2x ({@code 50}), 1.5x ({@code 75}), Make Square ({@code 100}). */
    record Outpaint(int zoom, String hash) implements OnJob {
    }

    /** Custom Zoom: opens a modal. */
    record CustomZoom(String hash) implements OnJob {
    }

    record Pan(PanDirection direction, String hash) implements OnJob {
    }

    record Bookmark(String hash) implements OnJob {
        @Override
        public boolean startsJob() {
            return false;
        }
    }

    /** Imagine suggestion {@code index} of a /describe result. */
    record DescribePick(int index) implements ButtonPress {
    }

    /** Describe the same image again. */
    record DescribeRetry() implements ButtonPress {
    }

    /** Imagine shortened prompt {@code index} of the /shorten result {@code messageId}. */
    record ShortenPick(String messageId, int index) implements ButtonPress {
    }

    /**
     * A button of a moderation embed: {@code Acknowledge}, {@code AcceptTos} or {@code Appeal}, with the
     * token the bot handed out (ids <b>assumed</b>). The account gate does not stop these: they are how
     * a user gets past it.
     */
    record Moderation(String action, String token) implements ButtonPress {
        @Override
        public boolean startsJob() {
            return false;
        }
    }

    record Setting(SettingsOption option) implements ButtonPress {
        @Override
        public boolean startsJob() {
            return false;
        }
    }
}
