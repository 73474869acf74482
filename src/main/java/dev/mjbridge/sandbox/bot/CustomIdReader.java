package dev.mjbridge.sandbox.bot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the customId of a pressed button. The grammar is Midjourney's, as the captures in
 * {@code src/test/resources/captures} show it; {@link Buttons} writes the same ids.
 */
final class CustomIdReader {

    private static final String HASH = "([0-9a-fA-F-]{36})";
    private static final Pattern UPSCALE = Pattern.compile("MJ::JOB::upsample::([1-4])::" + HASH);
    private static final Pattern VARIATION = Pattern.compile("MJ::JOB::variation::([1-4])::" + HASH);
    private static final Pattern REROLL = Pattern.compile("MJ::JOB::reroll::0::" + HASH + "::SOLO");
    private static final Pattern UPSCALE_HD = Pattern.compile(
            "MJ::JOB::upsample_v(\\d+)_(?:2x_(subtle|creative)|(2x|4x))::1::" + HASH + "::SOLO");
    private static final Pattern ANIMATE = Pattern.compile("MJ::JOB::animate_(high|low)::1::" + HASH + "::SOLO");
    private static final Pattern VIDEO_UPSCALE = Pattern.compile("MJ::JOB::video_virtual_upscale::([1-4])::" + HASH);
    private static final Pattern CANCEL_JOB = Pattern.compile("MJ::CancelJob::ByJobid::" + HASH);
    private static final Pattern VARY = Pattern.compile("MJ::JOB::(low|high)_variation::1::" + HASH + "::SOLO");
    private static final Pattern VARY_REGION = Pattern.compile("MJ::Inpaint::1::" + HASH + "::SOLO");
    private static final Pattern OUTPAINT = Pattern.compile("MJ::Outpaint::(50|75|100)::1::" + HASH + "::SOLO");
    private static final Pattern CUSTOM_ZOOM = Pattern.compile("MJ::CustomZoom::" + HASH);
    private static final Pattern PAN = Pattern.compile("MJ::JOB::pan_(left|right|up|down)::1::" + HASH + "::SOLO");
    private static final Pattern BOOKMARK = Pattern.compile("MJ::BOOKMARK::" + HASH);
    private static final Pattern DESCRIBE_PICK = Pattern.compile("MJ::Job::PicReader::([1-4])");
    private static final Pattern SHORTEN_PICK = Pattern.compile("MJ::Job::PromptAnalyzer::(\\d+)::([1-5])");
    private static final Pattern SETTING = Pattern.compile("MJ::Settings::(\\w+)");
    private static final Pattern MODERATION = Pattern.compile("MJ::Moderation::(Acknowledge|AcceptTos|Appeal)::([0-9a-f]{32})");

    static Optional<ButtonPress> read(String customId) {
        String id = customId == null ? "" : customId;
        Matcher m;
        if ((m = UPSCALE.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Upscale(Integer.parseInt(m.group(1)), m.group(2)));
        }
        if ((m = VARIATION.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Variation(Integer.parseInt(m.group(1)), m.group(2)));
        }
        if ((m = REROLL.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Reroll(m.group(1)));
        }
        if ((m = UPSCALE_HD.matcher(id)).matches()) {
            String mode = m.group(2) != null ? m.group(2) : m.group(3);
            return Optional.of(new ButtonPress.UpscaleHd(Integer.parseInt(m.group(1)), mode, m.group(4)));
        }
        if ((m = ANIMATE.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Animate(m.group(1).equals("high"), m.group(2)));
        }
        if ((m = VIDEO_UPSCALE.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.VideoUpscale(Integer.parseInt(m.group(1)), m.group(2)));
        }
        if ((m = CANCEL_JOB.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.CancelJob(m.group(1)));
        }
        if ((m = VARY.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Vary(m.group(1).equals("high"), m.group(2)));
        }
        if ((m = VARY_REGION.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.VaryRegion(m.group(1)));
        }
        if ((m = OUTPAINT.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Outpaint(Integer.parseInt(m.group(1)), m.group(2)));
        }
        if ((m = CUSTOM_ZOOM.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.CustomZoom(m.group(1)));
        }
        if ((m = PAN.matcher(id)).matches()) {
            String hash = m.group(2);
            return PanDirection.ofWord(m.group(1)).map(direction -> new ButtonPress.Pan(direction, hash));
        }
        if ((m = BOOKMARK.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Bookmark(m.group(1)));
        }
        if ((m = DESCRIBE_PICK.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.DescribePick(Integer.parseInt(m.group(1))));
        }
        if (id.equals(Buttons.DESCRIBE_RETRY)) {
            return Optional.of(new ButtonPress.DescribeRetry());
        }
        if ((m = SHORTEN_PICK.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.ShortenPick(m.group(1), Integer.parseInt(m.group(2))));
        }
        if ((m = MODERATION.matcher(id)).matches()) {
            return Optional.of(new ButtonPress.Moderation(m.group(1), m.group(2)));
        }
        if ((m = SETTING.matcher(id)).matches()) {
            return SettingsOption.ofKey(m.group(1)).map(ButtonPress.Setting::new);
        }
        return Optional.empty();
    }

    private CustomIdReader() {
    }
}
