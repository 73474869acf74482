package dev.mjbridge.sandbox.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the four prompts /describe suggests. Deterministic for a seed, so a test can
 * describe the same image twice and compare; the words only need to look like prompts.
 */
final class PromptWriter {

    private static final String[] SUBJECTS = {"a lighthouse on a cliff", "an owl on a pine branch", "a quiet harbour town",
            "a fox in tall grass", "a tea house in the rain", "a robot tending a garden", "a mountain lake at dawn",
            "a street market at night", "an astronaut reading a book", "a sailing ship in a storm"};
    private static final String[] STYLES = {"in the style of watercolor", "in the style of ukiyo-e", "digital painting",
            "in the style of studio ghibli", "cinematic photograph", "oil on canvas", "isometric illustration",
            "in the style of art nouveau", "35mm film still", "low poly render"};
    private static final String[] DETAILS = {"soft light", "muted colors", "high detail", "dramatic shadows",
            "pastel palette", "volumetric fog", "golden hour", "bold outlines", "shallow depth of field", "serene mood"};

    private PromptWriter() {
    }

    static List<String> describe(long seed, AspectRatio ratio) {
        Random random = new Random(seed);
        List<String> prompts = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            prompts.add(pick(random, SUBJECTS) + ", " + pick(random, STYLES) + ", " + pick(random, DETAILS) + ", "
                    + pick(random, DETAILS) + " --ar " + ratio);
        }
        return prompts;
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
