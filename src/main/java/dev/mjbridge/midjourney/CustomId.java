package dev.mjbridge.midjourney;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Midjourney component custom id (a button or a modal), parsed.
 *
 * <p>{@link #raw()} is always the string exactly as given: relays and front ends match
 * buttons by substrings of it, so it must travel unchanged. Parsing never throws;
 * strings outside the grammar give {@link Kind#UNKNOWN}.
 *
 * @param raw     the custom id verbatim
 * @param kind    which button or modal it is
 * @param action  the action a press asks for ({@link JobKind#RATE} for the bookmark, which starts no job), or
 *                {@code null} for an unknown id
 * @param index   the image index it names (1-4, 1-5 for shorten picks), 0 when it names none
 * @param jobHash the job hash (a UUID) it carries, or {@code null}
 * @param variant the kind-specific detail: the HD upscaler ({@code v7_2x_subtle}), the motion of an
 *                animate button ({@code high}, {@code low}), the zoom
 *                ({@code 50}, {@code 75}, {@code 100}), the pan direction ({@code left}),
 *                the remix strength flag ({@code 0}/{@code 1}), the message id of an
 *                imagine modal, the iframe token, the token of a moderation button (appeal,
 *                acknowledge, accept ToS); {@code null} when none applies
 */
public record CustomId(String raw, Kind kind, JobKind action, int index, String jobHash, String variant) {

    /** Every button and modal family Midjourney uses, plus {@code UNKNOWN}. */
    public enum Kind {
        /** {@code MJ::JOB::upsample::<i>::<h>}: U1-U4 of a grid. */
        UPSCALE,
        /** {@code MJ::JOB::upsample_v5_2x|4x}, {@code upsample_v6|v7_2x_subtle|creative}. */
        UPSCALE_HD,
        /** {@code MJ::JOB::variation::<i>::<h>}: V1-V4 of a grid. */
        VARIATION,
        /** {@code MJ::JOB::low_variation::1::<h>::SOLO}: Vary (Subtle). */
        VARY_SUBTLE,
        /** {@code MJ::JOB::high_variation::1::<h>::SOLO}: Vary (Strong). */
        VARY_STRONG,
        /** {@code MJ::Inpaint::1::<h>::SOLO}: Vary (Region), opens the inpaint iframe. */
        VARY_REGION,
        /** {@code MJ::JOB::reroll::0::<h>::SOLO}. */
        REROLL,
        /** {@code MJ::Outpaint::<50|75|100>::1::<h>::SOLO}: zoom out 2x, 1.5x, make square. */
        ZOOM_OUT,
        /** {@code MJ::CustomZoom::<h>}: opens the custom zoom modal. */
        CUSTOM_ZOOM,
        /** {@code MJ::JOB::pan_<dir>::1::<h>::SOLO}. */
        PAN,
        /** {@code MJ::BOOKMARK::<h>}: rates the job; Midjourney answers "You have successfully rated ...". */
        BOOKMARK,
        /** {@code MJ::JOB::animate_high|animate_low::1::<h>::SOLO}: Animate (High/Low motion), a video job. */
        ANIMATE,
        /** {@code MJ::JOB::video_virtual_upscale::<n>::<h>}: U1-U4 of a video, one clip at higher quality. */
        VIDEO_UPSCALE,
        /** {@code MJ::CancelJob::ByJobid::<uuid>}: stops the running job (on the start message of button actions). */
        CANCEL_JOB,
        /** {@code MJ::Job::PicReader::<1-4|all>}: imagine a describe suggestion. */
        DESCRIBE_PICK,
        /** {@code MJ::Picread::Retry}: describe the image again. */
        DESCRIBE_RETRY,
        /** {@code MJ::Job::PromptAnalyzer::...::<1-5>}: imagine a shortened prompt. */
        SHORTEN_PICK,
        /** Modal {@code MJ::OutpaintCustomZoomModal::<h>}. */
        CUSTOM_ZOOM_MODAL,
        /** Modal {@code MJ::RemixModal::<h>::<i>::<0|1>} (variation with remix on). */
        REMIX_MODAL,
        /** Modal {@code MJ::ImagineModal::<messageId>} (reroll with remix on). */
        IMAGINE_MODAL,
        /** Modal {@code MJ::PanModal::<dir>::<h>::<i>} (pan with remix on). */
        PAN_MODAL,
        /** Iframe modal {@code MJ::iframe::<token>} (the vary region editor). */
        IFRAME_MODAL,
        /**
         * {@code MJ::Moderation::Appeal::<token>} (<b>assumed</b> id): appeals a prompt the AI moderator
         * flagged; an accepted appeal runs the prompt as an imagine.
         */
        APPEAL,
        /** {@code MJ::Moderation::Acknowledge::<token>} (<b>assumed</b> id): acknowledges a moderator's message. */
        ACKNOWLEDGE,
        /** {@code MJ::Moderation::AcceptTos::<token>} (<b>assumed</b> id): accepts the Terms of Service. */
        ACCEPT_TOS,
        /** Anything else; kept verbatim, never pressed blindly. */
        UNKNOWN
    }

    private static final String HASH = "([0-9A-Za-z][0-9A-Za-z-]*)";
    private static final String SOLO = "(?:::SOLO)?";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Set<Kind> MODALS = EnumSet.of(
            Kind.CUSTOM_ZOOM_MODAL, Kind.REMIX_MODAL, Kind.IMAGINE_MODAL, Kind.PAN_MODAL, Kind.IFRAME_MODAL);
    private static final Set<Kind> ALWAYS_OPEN_A_MODAL = EnumSet.of(Kind.CUSTOM_ZOOM, Kind.VARY_REGION);
    private static final Set<Kind> OPEN_A_MODAL_WITH_REMIX = EnumSet.of(
            Kind.VARIATION, Kind.VARY_SUBTLE, Kind.VARY_STRONG, Kind.REROLL, Kind.PAN);

    /**
     * One family: the kind it parses to, its pattern, and the literal text every id of the family
     * starts with. A grid message carries ten buttons and each is tried against the rules in
     * turn, on the gateway thread, before its task can finish; checking the literal start first
     * skips the families an id cannot belong to without running (and allocating) their matchers.
     */
    private record Rule(Kind kind, Pattern pattern, String literalStart, Function<Matcher, CustomId> build) {
        Rule(Kind kind, String regex, Function<Matcher, CustomId> build) {
            this(kind, Pattern.compile(regex), literalStart(regex), build);
        }

        /**
         * The regex's leading characters up to its first metacharacter, less the last one when a
         * quantifier follows it (that character may be absent or repeated).
         */
        private static String literalStart(String regex) {
            int end = 0;
            while (end < regex.length() && "\\()[]{}.*+?|^$".indexOf(regex.charAt(end)) < 0) {
                end++;
            }
            if (end > 0 && end < regex.length() && "?*+{".indexOf(regex.charAt(end)) >= 0) {
                end--;
            }
            return regex.substring(0, end);
        }

        Matcher matcherIfPossible(String value) {
            if (!value.startsWith(literalStart)) {
                return null;
            }
            Matcher matcher = pattern.matcher(value);
            return matcher.matches() ? matcher : null;
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Kind.UPSCALE, "MJ::JOB::upsample::([1-4])::" + HASH + SOLO,
                    m -> of(m, Kind.UPSCALE, JobKind.UPSCALE, index(m.group(1)), m.group(2), null)),
            new Rule(Kind.UPSCALE_HD, "MJ::JOB::upsample_(v\\d+_\\dx(?:_[a-z]+)?)::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.UPSCALE_HD, JobKind.UPSCALE, index(m.group(2)), m.group(3), m.group(1))),
            new Rule(Kind.VARIATION, "MJ::JOB::variation::([1-4])::" + HASH + SOLO,
                    m -> of(m, Kind.VARIATION, JobKind.VARIATION, index(m.group(1)), m.group(2), null)),
            new Rule(Kind.VARY_SUBTLE, "MJ::JOB::low_variation::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.VARY_SUBTLE, JobKind.VARIATION, index(m.group(1)), m.group(2), "low")),
            new Rule(Kind.VARY_STRONG, "MJ::JOB::high_variation::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.VARY_STRONG, JobKind.VARIATION, index(m.group(1)), m.group(2), "high")),
            new Rule(Kind.REROLL, "MJ::JOB::reroll::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.REROLL, JobKind.REROLL, 0, m.group(2), null)),
            new Rule(Kind.PAN, "MJ::JOB::pan_(left|right|up|down)::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.PAN, JobKind.PAN, index(m.group(2)), m.group(3), m.group(1))),
            new Rule(Kind.VARY_REGION, "MJ::Inpaint::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.VARY_REGION, JobKind.VARIATION, index(m.group(1)), m.group(2), null)),
            new Rule(Kind.ZOOM_OUT, "MJ::Outpaint::(\\d+)::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.ZOOM_OUT, JobKind.ZOOM, index(m.group(2)), m.group(3), m.group(1))),
            new Rule(Kind.CUSTOM_ZOOM, "MJ::CustomZoom::" + HASH,
                    m -> of(m, Kind.CUSTOM_ZOOM, JobKind.ZOOM, 0, m.group(1), null)),
            new Rule(Kind.ANIMATE, "MJ::JOB::animate_(high|low)::(\\d)::" + HASH + SOLO,
                    m -> of(m, Kind.ANIMATE, JobKind.VIDEO, index(m.group(2)), m.group(3), m.group(1))),
            new Rule(Kind.VIDEO_UPSCALE, "MJ::JOB::video_virtual_upscale::([1-4])::" + HASH + SOLO,
                    m -> of(m, Kind.VIDEO_UPSCALE, JobKind.VIDEO_UPSCALE, index(m.group(1)), m.group(2), null)),
            new Rule(Kind.CANCEL_JOB, "MJ::CancelJob::ByJobid::" + HASH,
                    m -> of(m, Kind.CANCEL_JOB, null, 0, m.group(1), null)),
            new Rule(Kind.BOOKMARK, "MJ::BOOKMARK::" + HASH,
                    m -> of(m, Kind.BOOKMARK, JobKind.RATE, 0, m.group(1), null)),
            new Rule(Kind.DESCRIBE_PICK, "MJ::Job::PicReader::([1-4])",
                    m -> of(m, Kind.DESCRIBE_PICK, JobKind.IMAGINE, index(m.group(1)), null, null)),
            new Rule(Kind.DESCRIBE_PICK, "MJ::Job::PicReader::(all)",
                    m -> of(m, Kind.DESCRIBE_PICK, JobKind.IMAGINE, 0, null, m.group(1))),
            new Rule(Kind.DESCRIBE_RETRY, "MJ::Picread::Retry",
                    m -> of(m, Kind.DESCRIBE_RETRY, JobKind.DESCRIBE, 0, null, null)),
            new Rule(Kind.SHORTEN_PICK, "MJ::Job::PromptAnalyzer::(.+)::([1-5])",
                    m -> of(m, Kind.SHORTEN_PICK, JobKind.IMAGINE, index(m.group(2)), uuidIn(m.group(1)), null)),
            new Rule(Kind.APPEAL, "MJ::Moderation::Appeal::([0-9A-Za-z_-]+)",
                    m -> of(m, Kind.APPEAL, JobKind.IMAGINE, 0, null, m.group(1))),
            new Rule(Kind.ACKNOWLEDGE, "MJ::Moderation::Acknowledge::([0-9A-Za-z_-]+)",
                    m -> of(m, Kind.ACKNOWLEDGE, null, 0, null, m.group(1))),
            new Rule(Kind.ACCEPT_TOS, "MJ::Moderation::AcceptTos::([0-9A-Za-z_-]+)",
                    m -> of(m, Kind.ACCEPT_TOS, null, 0, null, m.group(1))),
            new Rule(Kind.CUSTOM_ZOOM_MODAL, "MJ::OutpaintCustomZoomModal::" + HASH,
                    m -> of(m, Kind.CUSTOM_ZOOM_MODAL, JobKind.ZOOM, 0, m.group(1), null)),
            new Rule(Kind.REMIX_MODAL, "MJ::RemixModal::" + HASH + "::(\\d)::(\\d+)",
                    m -> of(m, Kind.REMIX_MODAL, JobKind.VARIATION, index(m.group(2)), m.group(1), m.group(3))),
            new Rule(Kind.IMAGINE_MODAL, "MJ::ImagineModal::(\\d+)",
                    m -> of(m, Kind.IMAGINE_MODAL, JobKind.REROLL, 0, null, m.group(1))),
            new Rule(Kind.PAN_MODAL, "MJ::PanModal::(left|right|up|down)::" + HASH + "::(\\d)",
                    m -> of(m, Kind.PAN_MODAL, JobKind.PAN, index(m.group(3)), m.group(2), m.group(1))),
            new Rule(Kind.IFRAME_MODAL, "MJ::iframe::(.+)",
                    m -> of(m, Kind.IFRAME_MODAL, JobKind.VARIATION, 0, null, m.group(1))));

    /** Parses any custom id; never throws. {@code null} parses as an empty unknown id. */
    public static CustomId parse(String raw) {
        String value = raw == null ? "" : raw;
        for (Rule rule : RULES) {
            Matcher matcher = rule.matcherIfPossible(value);
            if (matcher != null) {
                return rule.build().apply(matcher);
            }
        }
        return new CustomId(value, Kind.UNKNOWN, null, 0, uuidIn(value), null);
    }

    /**
     * Whether {@code raw} parses as {@code kind}, without parsing it when it cannot: an id of a
     * family starts with that family's literal text. Asking whether a grid holds a video button
     * thus costs a prefix check per button instead of a parse.
     */
    public static boolean isKind(String raw, Kind kind) {
        String value = raw == null ? "" : raw;
        if (kind == Kind.UNKNOWN) {
            return parse(value).kind() == kind;
        }
        for (Rule rule : RULES) {
            if (rule.kind() == kind && value.startsWith(rule.literalStart())) {
                return parse(value).kind() == kind;
            }
        }
        return false;
    }

    /** Whether the parser recognised this id. */
    public boolean isKnown() {
        return kind != Kind.UNKNOWN;
    }

    /**
     * Whether pressing (or, for a modal id, submitting) it starts a Midjourney job.
     * False for the bookmark and for unknown ids.
     */
    public boolean startsJob() {
        // A rating is an action of its own but makes no job.
        return action != null && action != JobKind.RATE;
    }

    /** Whether this is the custom id of a modal rather than of a button. */
    public boolean isModal() {
        return MODALS.contains(kind);
    }

    /**
     * Whether pressing this button makes Midjourney open a modal instead of starting the
     * job: custom zoom and vary region always do, variations, reroll and pan only while
     * the account has remix mode on.
     */
    public boolean opensModal(boolean remixMode) {
        return ALWAYS_OPEN_A_MODAL.contains(kind) || (remixMode && OPEN_A_MODAL_WITH_REMIX.contains(kind));
    }

    /** For a modal id: the custom id of the text input its submit must carry. */
    public Optional<String> textInputId() {
        return Optional.ofNullable(switch (kind) {
            case CUSTOM_ZOOM_MODAL -> "MJ::OutpaintCustomZoomModal::prompt";
            case REMIX_MODAL -> "MJ::RemixModal::new_prompt";
            case IMAGINE_MODAL -> "MJ::ImagineModal::new_prompt";
            case PAN_MODAL -> "MJ::PanModal::prompt";
            default -> null;
        });
    }

    /** The text input custom id a submit of that modal must carry; empty for unknown or iframe modals. */
    public static Optional<String> textInputIdForModal(String modalCustomId) {
        return parse(modalCustomId).textInputId();
    }

    /** The first UUID inside {@code text}, or {@code null}. */
    static String uuidIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = UUID.matcher(text);
        return matcher.find() ? matcher.group() : null;
    }

    private static CustomId of(Matcher m, Kind kind, JobKind action, int index, String hash, String variant) {
        return new CustomId(m.group(), kind, action, index, hash, variant);
    }

    private static int index(String digits) {
        return Integer.parseInt(digits);
    }
}
