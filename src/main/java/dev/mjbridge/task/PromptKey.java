package dev.mjbridge.task;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last-resort correlation key: a prompt reduced to the words Midjourney is
 * sure to echo. Midjourney rewrites links ({@code <https://s.mj.run/..>}), turns
 * dashes into {@code --} and appends parameters from the account's settings, so
 * links and everything from the first parameter on are dropped, case and spacing
 * are ignored. The parser must normalize the echoed prompt with the same method.
 */
public final class PromptKey {

    private static final Pattern LINK = Pattern.compile("<[^>]*>|https?://\\S+");
    private static final Pattern DASHES = Pattern.compile("[\u2012\u2013\u2014\u2015]+");
    private static final Pattern FIRST_PARAMETER = Pattern.compile("(^|\\s)--\\S");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PromptKey() {
    }

    /** The normalized prompt; empty when nothing matchable is left (e.g. a blend of links). */
    public static String normalize(String prompt) {
        if (prompt == null) {
            return "";
        }
        String text = prompt.replace("**", " ").toLowerCase(Locale.ROOT);
        text = LINK.matcher(text).replaceAll(" ");
        text = DASHES.matcher(text).replaceAll("--");
        Matcher parameter = FIRST_PARAMETER.matcher(text);
        if (parameter.find()) {
            text = text.substring(0, parameter.start());
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
