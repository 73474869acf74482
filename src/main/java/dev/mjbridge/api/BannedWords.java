package dev.mjbridge.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The local banned word list ({@code mj.banned-words}). Refusing here costs the client
 * nothing, while a prompt Midjourney bans can count against the account.
 * <p>
 * Words written in ASCII match whole words only, case-insensitively ("nude" does not
 * catch "denuded"). Words in other scripts match anywhere, because languages such as
 * Chinese do not separate words with spaces.
 */
@Component
public class BannedWords {

    private record Entry(String word, Pattern pattern) {
    }

    private final List<Entry> entries;

    public BannedWords(ApiProperties properties) {
        this.entries = properties.bannedWords().stream()
                .filter(word -> word != null && !word.isBlank())
                .map(word -> new Entry(word.trim(), patternFor(word.trim())))
                .toList();
    }

    /** The first banned word the prompt contains. */
    public Optional<String> find(String prompt) {
        if (prompt == null || prompt.isEmpty()) {
            return Optional.empty();
        }
        return entries.stream().filter(entry -> entry.pattern().matcher(prompt).find()).map(Entry::word).findFirst();
    }

    private static Pattern patternFor(String word) {
        String quoted = Pattern.quote(word.toLowerCase(Locale.ROOT));
        boolean ascii = word.chars().allMatch(c -> c < 128);
        String regex = ascii ? "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])" : quoted;
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
