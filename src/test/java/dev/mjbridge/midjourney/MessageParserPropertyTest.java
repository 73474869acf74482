package dev.mjbridge.midjourney;

import dev.mjbridge.testing.RandomJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and mutated Discord payloads never make the parser throw. Tests
 * {@code parseUnguarded}, so the safety net in {@code parse} cannot hide a bug.
 */
class MessageParserPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EXAMPLES = List.of(
            "01-waiting.json", "02-progress.json", "03-final-grid.json", "04-upscale.json",
            "05-error.json", "06-job-queued.json");
    private static final List<String> FIELDS = List.of(
            "id", "content", "author", "embeds", "attachments", "components", "nonce", "flags", "interaction",
            "interaction_metadata", "message_reference", "mentions", "message_id", "interacted_message_id",
            "custom_id", "title", "description", "color", "url", "proxy_url", "filename", "emoji", "name", "type",
            "style", "label", "value", "iframe_path", "application", "application_id", "reason_code", "footer",
            "text", "image", "width", "height", "channel_id", "guild_id", "user");
    private static final List<String> DISPATCHES = List.of(
            "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "INTERACTION_CREATE", "INTERACTION_SUCCESS",
            "INTERACTION_FAILURE", "INTERACTION_MODAL_CREATE", "INTERACTION_IFRAME_MODAL_CREATE", "READY", "");

    private final MessageParser parser = new MessageParser();

    @Property(tries = 2000)
    void randomPayloadsNeverThrow(@ForAll("dispatches") String dispatch, @ForAll("json") JsonNode payload) {
        assertThat(parser.parseUnguarded(dispatch, payload)).isNotNull();
    }

    @Property(tries = 2000)
    void mutatedRealMessagesNeverThrow(@ForAll("dispatches") String dispatch, @ForAll("mutatedExamples") JsonNode payload) {
        assertThat(parser.parseUnguarded(dispatch, payload)).isNotNull();
    }

    @Property(tries = 1000)
    void botMessagesWithRandomContentNeverThrow(@ForAll("discordish") String content,
                                                @ForAll("dispatches") String dispatch) {
        ObjectNode message = TestMessages.fromBot(content);
        message.put("nonce", "1");

        assertThat(parser.parseUnguarded(dispatch, message)).isNotNull();
    }

    /** Without a nonce nothing marks a message as an answer to us: each is placed or explained, never lost. */
    @Property(tries = 1000)
    void botMessagesAreAlwaysPlacedOrExplained(@ForAll("discordish") String content) {
        ObjectNode message = TestMessages.fromBot(content);

        ParseOutcome outcome = parser.explainUnguarded("MESSAGE_CREATE", message);

        assertThat(outcome).isNotInstanceOf(ParseOutcome.NotMidjourney.class);
        if (outcome instanceof ParseOutcome.Unplaced unplaced) {
            assertThat(unplaced.reasons()).isNotEmpty();
            assertThat(unplaced.shape().describe()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void customIdsNeverThrowAndStayVerbatim(@ForAll("discordish") String raw) {
        CustomId parsed = CustomId.parse(raw);

        assertThat(parsed.raw()).isEqualTo(raw);
        assertThat(parsed.opensModal(true) || !parsed.opensModal(false)).isTrue();
    }

    @Provide
    Arbitrary<String> dispatches() {
        return Arbitraries.oneOf(Arbitraries.of(DISPATCHES), Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return node(4);
    }

    @Provide
    Arbitrary<JsonNode> mutatedExamples() {
        Arbitrary<JsonNode> example = Arbitraries.of(EXAMPLES).map(TestMessages::resource);
        return Combinators.combine(example, Arbitraries.of(FIELDS), node(2), Arbitraries.integers().between(0, 3))
                .as((message, field, value, depth) -> mutate(message.deepCopy(), field, value, depth));
    }

    @Provide
    Arbitrary<String> discordish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("**", "** - ", "(", ")", "(31%)", "(fast, stealth)", "(Waiting to start)", "<@", "<@1>",
                                "Image #", "Image #2", " by ", "1️⃣", "\n", "MJ::", "JOB::", "upsample::", "::",
                                "3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d", "Failed", "**Job ID**: ", "**seed** ", "%",
                                "Making variations for image #1 with prompt ", "Upscaling image #9 with ", "--ar 1:1",
                                "<https://s.mj.run/a>")
                        .list().ofMaxSize(12).map(parts -> String.join("", parts)));
    }

    private Arbitrary<JsonNode> node(int depth) {
        return RandomJson.tree(depth, FIELDS, scalar());
    }

    private Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.ZERO, java.math.BigInteger.TEN.pow(30))
                        .map(NODES::numberNode),
                Arbitraries.of("936929561302675456", "1022952195194359889", "MJ::JOB::upsample::1::x",
                        "**p** - <@1> (50%) (fast)", "a_3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d.png", "/captcha/x",
                        "", " ").map(NODES::stringNode),
                discordish().map(NODES::stringNode));
    }

    /** Replaces {@code field} at the top level or inside the first attachment, embed or component. */
    private static JsonNode mutate(JsonNode message, String field, JsonNode value, int depth) {
        JsonNode target = switch (depth) {
            case 1 -> message.path("attachments").path(0);
            case 2 -> message.path("embeds").path(0);
            case 3 -> message.path("components").path(0).path("components").path(0);
            default -> message;
        };
        if (target instanceof ObjectNode object) {
            object.set(field, value);
        } else if (message instanceof ObjectNode object) {
            object.set(field, value);
        }
        return message;
    }
}
