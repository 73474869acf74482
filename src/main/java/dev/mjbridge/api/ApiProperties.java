package dev.mjbridge.api;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The REST layer's settings under {@code mj.*}. Other {@code mj.*} keys belong to other
 * packages and are ignored here.
 *
 * @param apiSecret   when set, every {@code /mj/**} request must carry it in the
 *                    {@code mj-api-secret} header; blank = no authentication
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
     * Sizes a request may not exceed.
     *
     * @param maxImageBytes   decoded size of one image (and of a mask)
     * @param maxPromptLength characters of a prompt
     * @param maxImages       images in one imagine or upload request (blend allows 2..5 regardless)
     */
    public record Limits(
            @DefaultValue("10485760") long maxImageBytes,
            @DefaultValue("8192") int maxPromptLength,
            @DefaultValue("10") int maxImages) {

        public static final Limits DEFAULTS = new Limits(10L * 1024 * 1024, 8192, 10);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiProperties[apiSecret=" + (apiSecret == null ? "none" : "(set)") + ", bannedWords="
                + bannedWords.size() + " words, limits=" + limits + "]";
    }
}
