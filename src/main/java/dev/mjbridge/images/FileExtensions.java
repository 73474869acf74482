package dev.mjbridge.images;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file extension a downloaded picture is stored under: from its first bytes when they are a
 * picture format we know, else from the link's file name (GIF, MP4), else {@code png}. The
 * extension decides the {@code Content-Type} the picture is served with ({@link ImageKey}).
 */
public final class FileExtensions {

    private static final Pattern LINK_EXTENSION = Pattern.compile("\\.(png|webp|jpe?g|gif|mp4)$");

    private FileExtensions() {
    }

    public static String of(byte[] bytes, String link) {
        Optional<PictureFormat> sniffed = PictureFormat.sniff(bytes);
        if (sniffed.isPresent()) {
            return switch (sniffed.get()) {
                case PNG -> "png";
                case JPEG -> "jpg";
                case WEBP -> "webp";
            };
        }
        if (link != null) {
            Matcher matcher = LINK_EXTENSION.matcher(Links.withoutQuery(link).toLowerCase(Locale.ROOT));
            if (matcher.find()) {
                return matcher.group(1).equals("jpeg") ? "jpg" : matcher.group(1);
            }
        }
        return "png";
    }
}
