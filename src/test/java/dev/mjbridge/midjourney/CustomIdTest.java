package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.CustomId.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomIdTest {

    private static final String H = "a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            MJ::JOB::upsample::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d                          | UPSCALE           | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::JOB::upsample::4::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d                          | UPSCALE           | UPSCALE   | 4 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::JOB::variation::2::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d                         | VARIATION         | VARIATION | 2 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::JOB::variation::3::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                   | VARIATION         | VARIATION | 3 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::JOB::reroll::0::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                      | REROLL            | REROLL    | 0 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::JOB::upsample_v5_2x::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO              | UPSCALE_HD        | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | v5_2x
            MJ::JOB::upsample_v5_4x::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO              | UPSCALE_HD        | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | v5_4x
            MJ::JOB::upsample_v6_2x_subtle::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO       | UPSCALE_HD        | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | v6_2x_subtle
            MJ::JOB::upsample_v6_2x_creative::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO     | UPSCALE_HD        | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | v6_2x_creative
            MJ::JOB::upsample_v7_2x_subtle::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO       | UPSCALE_HD        | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | v7_2x_subtle
            MJ::JOB::upsample_v7_2x_creative::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO     | UPSCALE_HD        | UPSCALE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | v7_2x_creative
            MJ::JOB::low_variation::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO               | VARY_SUBTLE       | VARIATION | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | low
            MJ::JOB::high_variation::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO              | VARY_STRONG       | VARIATION | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | high
            MJ::Inpaint::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                          | VARY_REGION       | VARIATION | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::Outpaint::50::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                     | ZOOM_OUT          | ZOOM      | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | 50
            MJ::Outpaint::75::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                     | ZOOM_OUT          | ZOOM      | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | 75
            MJ::Outpaint::100::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                    | ZOOM_OUT          | ZOOM      | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | 100
            MJ::CustomZoom::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d                                | CUSTOM_ZOOM       | ZOOM      | 0 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::JOB::pan_left::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                    | PAN               | PAN       | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | left
            MJ::JOB::pan_right::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                   | PAN               | PAN       | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | right
            MJ::JOB::pan_up::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                      | PAN               | PAN       | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | up
            MJ::JOB::pan_down::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::SOLO                    | PAN               | PAN       | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | down
            MJ::BOOKMARK::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d                                  | BOOKMARK          | RATE      | 0 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::Job::PicReader::1                                                              | DESCRIBE_PICK     | IMAGINE   | 1 | -                                    | -
            MJ::Job::PicReader::4                                                              | DESCRIBE_PICK     | IMAGINE   | 4 | -                                    | -
            MJ::Job::PicReader::all                                                            | DESCRIBE_PICK     | IMAGINE   | 0 | -                                    | all
            MJ::Picread::Retry                                                                 | DESCRIBE_RETRY    | DESCRIBE  | 0 | -                                    | -
            MJ::Job::PromptAnalyzer::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1                    | SHORTEN_PICK      | IMAGINE   | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::Job::PromptAnalyzer::1245678901234567890::5                                    | SHORTEN_PICK      | IMAGINE   | 5 | -                                    | -
            MJ::OutpaintCustomZoomModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d                   | CUSTOM_ZOOM_MODAL | ZOOM      | 0 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | -
            MJ::RemixModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::2::1                          | REMIX_MODAL       | VARIATION | 2 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | 1
            MJ::RemixModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1::0                          | REMIX_MODAL       | VARIATION | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | 0
            MJ::ImagineModal::1200000000000000102                                              | IMAGINE_MODAL     | REROLL    | 0 | -                                    | 1200000000000000102
            MJ::PanModal::left::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1                         | PAN_MODAL         | PAN       | 1 | a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | left
            MJ::iframe::Xy9_token-abc                                                          | IFRAME_MODAL      | VARIATION | 0 | -                                    | Xy9_token-abc
            """)
    void parsesEveryFamily(String raw, Kind kind, JobKind action, int index, String jobHash, String variant) {
        CustomId id = CustomId.parse(raw);

        assertThat(id.raw()).isEqualTo(raw);
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id.action()).isEqualTo(action);
        assertThat(id.index()).isEqualTo(index);
        assertThat(id.jobHash()).isEqualTo(jobHash);
        assertThat(id.variant()).isEqualTo(variant);
        assertThat(id.isKnown()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MJ::JOB::upsample::5::" + H,
            "MJ::JOB::upsample::1",
            "MJ::JOB::dance::1::" + H,
            "MJ::Settings::RemixMode",
            "mj::job::upsample::1::" + H,
            "MJ::Job::PicReader::9",
            " MJ::CustomZoom::" + H,
            "something else entirely",
            "::::",
    })
    void unknownIdsAreKeptVerbatimAndStartNothing(String raw) {
        CustomId id = CustomId.parse(raw);

        assertThat(id.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(id.isKnown()).isFalse();
        assertThat(id.raw()).isEqualTo(raw);
        assertThat(id.action()).isNull();
        assertThat(id.startsJob()).isFalse();
        assertThat(id.opensModal(true)).isFalse();
        assertThat(id.textInputId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MJ::JOB::upsample::1::" + H,
            "MJ::JOB::upsample_v7_2x_subtle::1::" + H + "::SOLO",
            "MJ::JOB::variation::3::" + H + "::SOLO",
            "MJ::JOB::reroll::0::" + H + "::SOLO",
            "MJ::JOB::animate_high::1::" + H + "::SOLO",
            "MJ::JOB::video_virtual_upscale::2::" + H,
            "MJ::CancelJob::ByJobid::" + H,
            "MJ::Outpaint::75::1::" + H + "::SOLO",
            "MJ::Job::PicReader::all",
            "MJ::Job::PromptAnalyzer::" + H + "::3",
            "MJ::RemixModal::" + H + "::1::0",
            "MJ::iframe::Xy9_token-abc",
            "MJ::JOB::upsample::5::" + H,
            "MJ::JOB::video_virtual_upscale::9::" + H,
            "something else entirely",
            "",
    })
    void isKindAgreesWithParsingForEveryKind(String raw) {
        Kind parsed = CustomId.parse(raw).kind();
        for (Kind kind : Kind.values()) {
            assertThat(CustomId.isKind(raw, kind)).as(raw + " is " + kind).isEqualTo(parsed == kind);
        }
        assertThat(CustomId.isKind(null, Kind.UNKNOWN)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullAndEmptyAreUnknown(String raw) {
        CustomId id = CustomId.parse(raw);

        assertThat(id.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(id.raw()).isEmpty();
    }

    @Test
    void unknownIdsStillExposeAJobHashTheyCarry() {
        assertThat(CustomId.parse("MJ::Future::thing::" + H).jobHash()).isEqualTo(H);
    }

    @Test
    void bookmarkStartsNoJobButEveryOtherButtonDoes() {
        assertThat(CustomId.parse("MJ::BOOKMARK::" + H).startsJob()).isFalse();
        assertThat(CustomId.parse("MJ::JOB::upsample::1::" + H).startsJob()).isTrue();
        assertThat(CustomId.parse("MJ::Picread::Retry").startsJob()).isTrue();
        assertThat(CustomId.parse("MJ::RemixModal::" + H + "::1::1").startsJob()).isTrue();
    }

    @Test
    void customZoomAndVaryRegionAlwaysOpenAModal() {
        for (String raw : new String[]{"MJ::CustomZoom::" + H, "MJ::Inpaint::1::" + H + "::SOLO"}) {
            assertThat(CustomId.parse(raw).opensModal(false)).as(raw).isTrue();
            assertThat(CustomId.parse(raw).opensModal(true)).as(raw).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MJ::JOB::variation::1::" + H,
            "MJ::JOB::low_variation::1::" + H + "::SOLO",
            "MJ::JOB::high_variation::1::" + H + "::SOLO",
            "MJ::JOB::reroll::0::" + H + "::SOLO",
            "MJ::JOB::pan_up::1::" + H + "::SOLO",
    })
    void variationsRerollAndPanOpenAModalOnlyWithRemix(String raw) {
        assertThat(CustomId.parse(raw).opensModal(false)).isFalse();
        assertThat(CustomId.parse(raw).opensModal(true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MJ::JOB::upsample::1::" + H,
            "MJ::JOB::upsample_v7_2x_subtle::1::" + H + "::SOLO",
            "MJ::Outpaint::50::1::" + H + "::SOLO",
            "MJ::BOOKMARK::" + H,
            "MJ::Job::PicReader::2",
    })
    void otherButtonsNeverOpenAModal(String raw) {
        assertThat(CustomId.parse(raw).opensModal(true)).isFalse();
        assertThat(CustomId.parse(raw).opensModal(false)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MJ::OutpaintCustomZoomModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d | MJ::OutpaintCustomZoomModal::prompt
            MJ::RemixModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1::1         | MJ::RemixModal::new_prompt
            MJ::ImagineModal::1200000000000000102                             | MJ::ImagineModal::new_prompt
            MJ::PanModal::down::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1        | MJ::PanModal::prompt
            """)
    void modalsNameTheTextInputTheirSubmitMustCarry(String modal, String input) {
        assertThat(CustomId.textInputIdForModal(modal)).contains(input);
        assertThat(CustomId.parse(modal).isModal()).isTrue();
        assertThat(CustomId.parse(modal).opensModal(true)).isFalse();
    }

    @Test
    void iframeModalsAndButtonsHaveNoTextInput() {
        assertThat(CustomId.textInputIdForModal("MJ::iframe::token")).isEmpty();
        assertThat(CustomId.parse("MJ::iframe::token").isModal()).isTrue();
        assertThat(CustomId.textInputIdForModal("MJ::JOB::upsample::1::" + H)).isEmpty();
        assertThat(CustomId.textInputIdForModal(null)).isEmpty();
        assertThat(CustomId.parse("MJ::JOB::upsample::1::" + H).isModal()).isFalse();
    }

    @Test
    void rawIsTheVerySameStringForEveryFamily() {
        String[] ids = {
                "MJ::JOB::upsample::2::" + H,
                "MJ::JOB::reroll::0::" + H + "::SOLO",
                "MJ::Outpaint::100::1::" + H + "::SOLO",
                "MJ::Job::PromptAnalyzer::whatever::3",
                "MJ::iframe::abc",
                "totally unknown",
        };
        for (String raw : ids) {
            assertThat(CustomId.parse(raw).raw()).isSameAs(raw);
        }
    }
}
