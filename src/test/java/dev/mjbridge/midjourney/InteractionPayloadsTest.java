package dev.mjbridge.midjourney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InteractionPayloadsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final InteractionContext MJ = new InteractionContext(
            "1100000000000000001", "1100000000000000002", "sess-1", "1329000000000000101", BotType.MID_JOURNEY);
    private static final InteractionContext NIJI = new InteractionContext(
            "1100000000000000001", "1100000000000000002", "sess-1", "1329000000000000101", BotType.NIJI_JOURNEY);

    private final InteractionPayloads payloads = new InteractionPayloads(MidjourneyCommands.defaults());

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(actual).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void imagine() {
        assertJson(payloads.imagine(MJ, "cat --ar 3:2"), """
                {"type":2,"application_id":"936929561302675456","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "data":{"version":"1237876415471554623","id":"938956540159881230","name":"imagine","type":1,
                   "options":[{"type":3,"name":"prompt","value":"cat --ar 3:2"}],
                   "application_command":{"id":"938956540159881230","application_id":"936929561302675456",
                     "version":"1237876415471554623","type":1,"name":"imagine"},
                   "attachments":[]},
                 "nonce":"1329000000000000101"}
                """);
    }

    @Test
    void nijiImagineUsesNijiIds() {
        assertJson(payloads.imagine(NIJI, "cat"), """
                {"type":2,"application_id":"1022952195194359889","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "data":{"version":"1248805223892254774","id":"1023054140580057099","name":"imagine","type":1,
                   "options":[{"type":3,"name":"prompt","value":"cat"}],
                   "application_command":{"id":"1023054140580057099","application_id":"1022952195194359889",
                     "version":"1248805223892254774","type":1,"name":"imagine"},
                   "attachments":[]},
                 "nonce":"1329000000000000101"}
                """);
    }

    @Test
    void describeAnUploadedImage() {
        assertJson(payloads.describe(MJ, new UploadedImage("cat.png", "abc/cat.png")), """
                {"type":2,"application_id":"936929561302675456","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "data":{"version":"1237876415471554625","id":"1092492867185950852","name":"describe","type":1,
                   "options":[{"type":11,"name":"image","value":0}],
                   "application_command":{"id":"1092492867185950852","application_id":"936929561302675456",
                     "version":"1237876415471554625","type":1,"name":"describe"},
                   "attachments":[{"id":"0","filename":"cat.png","uploaded_filename":"abc/cat.png"}]},
                 "nonce":"1329000000000000101"}
                """);
    }

    @Test
    void describeALink() {
        JsonNode payload = payloads.describeLink(MJ, "https://example.com/cat.png");

        assertJson(payload.path("data").path("options"), """
                [{"type":3,"name":"link","value":"https://example.com/cat.png"}]""");
        assertJson(payload.path("data").path("attachments"), "[]");
        assertThat(payload.path("data").path("name").asString()).isEqualTo("describe");
    }

    @Test
    void blendWithDimensions() {
        List<UploadedImage> images = List.of(
                new UploadedImage("a.png", "u/a.png"), new UploadedImage("b.png", "u/b.png"),
                new UploadedImage("c.png", "u/c.png"));

        assertJson(payloads.blend(MJ, images, BlendDimensions.PORTRAIT), """
                {"type":2,"application_id":"936929561302675456","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "data":{"version":"1237876415471554624","id":"1062880104792997970","name":"blend","type":1,
                   "options":[{"type":11,"name":"image1","value":0},{"type":11,"name":"image2","value":1},
                              {"type":11,"name":"image3","value":2},{"type":3,"name":"dimensions","value":"--ar 2:3"}],
                   "application_command":{"id":"1062880104792997970","application_id":"936929561302675456",
                     "version":"1237876415471554624","type":1,"name":"blend"},
                   "attachments":[{"id":"0","filename":"a.png","uploaded_filename":"u/a.png"},
                                  {"id":"1","filename":"b.png","uploaded_filename":"u/b.png"},
                                  {"id":"2","filename":"c.png","uploaded_filename":"u/c.png"}]},
                 "nonce":"1329000000000000101"}
                """);
    }

    @Test
    void blendDimensionsAndLimits() {
        List<UploadedImage> two = List.of(new UploadedImage("a.png", "u/a"), new UploadedImage("b.png", "u/b"));

        assertThat(payloads.blend(MJ, two, null).path("data").path("options")).hasSize(2);
        assertThat(payloads.blend(MJ, two, BlendDimensions.SQUARE).path("data").path("options").path(2)
                .path("value").asString()).isEqualTo("--ar 1:1");
        assertThat(payloads.blend(MJ, two, BlendDimensions.LANDSCAPE).path("data").path("options").path(2)
                .path("value").asString()).isEqualTo("--ar 3:2");
        assertThatThrownBy(() -> payloads.blend(MJ, two.subList(0, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
        List<UploadedImage> six = java.util.Collections.nCopies(6, two.get(0));
        assertThatThrownBy(() -> payloads.blend(MJ, six, null)).isInstanceOf(IllegalArgumentException.class);
        List<UploadedImage> five = java.util.Collections.nCopies(5, two.get(0));
        assertThat(payloads.blend(MJ, five, null).path("data").path("options").path(4).path("name").asString())
                .isEqualTo("image5");
    }

    @Test
    void shortenAndShow() {
        JsonNode shorten = payloads.shorten(MJ, "a very long prompt");
        assertThat(shorten.path("data").path("id").asString()).isEqualTo("1121575372539039774");
        assertJson(shorten.path("data").path("options"), """
                [{"type":3,"name":"prompt","value":"a very long prompt"}]""");

        JsonNode show = payloads.show(MJ, "a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d");
        assertThat(show.path("data").path("name").asString()).isEqualTo("show");
        assertJson(show.path("data").path("options"), """
                [{"type":3,"name":"job_id","value":"a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d"}]""");
    }

    @Test
    void commandsWithoutOptions() {
        assertJson(payloads.info(MJ), """
                {"type":2,"application_id":"936929561302675456","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "data":{"version":"1237876415735660565","id":"972289487818334209","name":"info","type":1,
                   "options":[],
                   "application_command":{"id":"972289487818334209","application_id":"936929561302675456",
                     "version":"1237876415735660565","type":1,"name":"info"},
                   "attachments":[]},
                 "nonce":"1329000000000000101"}
                """);
        assertThat(payloads.settings(MJ).path("data").path("id").asString()).isEqualTo("1000850743479255081");
        assertThat(payloads.fast(MJ).path("data").path("id").asString()).isEqualTo("972289487818334212");
        assertThat(payloads.relax(MJ).path("data").path("id").asString()).isEqualTo("972289487818334213");
        assertThat(payloads.turbo(MJ).path("data").path("id").asString()).isEqualTo("1124132684143271996");
        assertThat(payloads.fast(NIJI).path("data").path("id").asString()).isEqualTo("1023054140580057107");
        assertThatThrownBy(() -> payloads.turbo(NIJI)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payloads.simpleCommand(MJ, CommandName.IMAGINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buttonPress() {
        assertJson(payloads.button(MJ, "1200000000000000102", 0, "MJ::JOB::upsample::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d"), """
                {"type":3,"application_id":"936929561302675456","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "message_flags":0,"message_id":"1200000000000000102",
                 "data":{"component_type":2,"custom_id":"MJ::JOB::upsample::1::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d"},
                 "nonce":"1329000000000000101"}
                """);
    }

    @Test
    void buttonOnAnEphemeralMessageCarriesItsFlags() {
        assertThat(payloads.button(MJ, "1", 64, "MJ::Job::PicReader::1").path("message_flags").asInt()).isEqualTo(64);
    }

    @Test
    void modalSubmitPicksTheTextInputOfTheModal() {
        assertJson(payloads.modalSubmit(MJ, "1200000000000000999",
                "MJ::RemixModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1::1", "cat, new style"), """
                {"type":5,"application_id":"936929561302675456","guild_id":"1100000000000000001",
                 "channel_id":"1100000000000000002","session_id":"sess-1",
                 "data":{"id":"1200000000000000999",
                   "custom_id":"MJ::RemixModal::a1b2c3d4-e5f6-4a5b-9c8d-7e6f5a4b3c2d::1::1",
                   "components":[{"type":1,"components":[
                     {"type":4,"custom_id":"MJ::RemixModal::new_prompt","value":"cat, new style"}]}]},
                 "nonce":"1329000000000000101"}
                """);
        assertThat(payloads.modalSubmit(MJ, "9", "MJ::OutpaintCustomZoomModal::h", "cat --zoom 1.5")
                .path("data").path("components").path(0).path("components").path(0).path("custom_id").asString())
                .isEqualTo("MJ::OutpaintCustomZoomModal::prompt");
        assertThat(payloads.modalSubmit(MJ, "9", "MJ::PanModal::left::h::1", "cat")
                .path("data").path("components").path(0).path("components").path(0).path("custom_id").asString())
                .isEqualTo("MJ::PanModal::prompt");
        assertThat(payloads.modalSubmit(MJ, "9", "MJ::ImagineModal::123", "cat")
                .path("data").path("components").path(0).path("components").path(0).path("custom_id").asString())
                .isEqualTo("MJ::ImagineModal::new_prompt");
        assertThatThrownBy(() -> payloads.modalSubmit(MJ, "9", "MJ::iframe::tok", "cat"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dmChannelsOmitTheGuild() {
        InteractionContext dm = new InteractionContext(null, "dm-channel", "sess", "n", BotType.MID_JOURNEY);

        assertThat(payloads.show(dm, "x").has("guild_id")).isFalse();
    }

    @Test
    void missingRequiredValuesAreRejected() {
        InteractionContext noSession = new InteractionContext("g", "c", null, "n", BotType.MID_JOURNEY);
        assertThatThrownBy(() -> payloads.imagine(noSession, "cat")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> payloads.imagine(MJ, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextDefaultsToMidjourney() {
        InteractionContext context = new InteractionContext("g", "c", "s", "n", null);

        assertThat(payloads.imagine(context, "cat").path("application_id").asString())
                .isEqualTo("936929561302675456");
    }
}
