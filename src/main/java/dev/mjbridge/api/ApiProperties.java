package dev.mjbridge.api;

import java.util.List;

import dev.mjbridge.config.SettingChecks;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST layer's settings under {@code mj.*}. Other {@code mj.*} keys belong to other
 * packages and are ignored here.
 *
 * @param apiSecret   when set, every {@code /mj/**} request must carry it in the
 *                    {@code mj-api-secret} header (stored images only with
 *                    {@code mj.images.require-secret}); blank = no authentication
 * @param bannedWords prompts containing one of these (whole words, case-insensitive) are
 *                    refused with code 24; an empty list turns the check off
 */
@ConfigurationProperties(prefix = "mj")
public record ApiProperties(
        String apiSecret,
        @DefaultValue({"nsfw", "nude", "nudity", "naked", "porn", "pornography", "hentai", "gore", "xxx"})
        List<String> bannedWords,
        @DefaultValue Limits limits) {

    public ApiProperties {
        apiSecret = apiSecret == null || apiSecret.isBlank() ? null : apiSecret;
        bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
        limits = limits == null ? Limits.DEFAULTS : limits;
    }

    /** No secret, no banned words, default limits. */
    public static ApiProperties open() {
        return new ApiProperties(null, List.of(), Limits.DEFAULTS);
    }

    /**
     * Sizes a request may not exceed. The defaults are the {@code @DefaultValue}s below and nowhere
     * else; a value below one stops start-up with the key and the reason.
     *
     * @param maxImageBytes   decoded size of one image (and of a mask)
     * @param maxPromptLength characters of a prompt
     * @param maxImages       images in one imagine or upload request (blend allows 2..5 regardless)
     */
    public record Limits(
            @DefaultValue("10485760") long maxImageBytes,
            @DefaultValue("8192") int maxPromptLength,
            @DefaultValue("10") int maxImages) {

        /** The defaults: what binding no {@code mj.limits.*} key at all gives. */
        public static final Limits DEFAULTS = new Binder().bindOrCreate("mj.limits", Limits.class);

        public Limits {
            SettingChecks.atLeast("mj.limits.max-image-bytes", maxImageBytes, 1L, 0L);
            SettingChecks.atLeast("mj.limits.max-prompt-length", maxPromptLength, 1, 0);
            SettingChecks.atLeast("mj.limits.max-images", maxImages, 1, 0);
        }
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiProperties[apiSecret=" + (apiSecret == null ? "none" : "(set)") + ", bannedWords="
                + bannedWords.size() + " words, limits=" + limits + "]";
    }
}
