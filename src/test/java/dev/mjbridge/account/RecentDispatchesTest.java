package dev.mjbridge.account;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Which copies of a message dispatch an account applies: each create, edit and delete once. */
class RecentDispatchesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecentDispatches recent = new RecentDispatches();

    @Test
    void aCreateHeardOnBothStreamsIsAppliedOnce() {
        JsonNode created = message("1", null, "**a cat** - <@2> (Waiting to start)");
        assertThat(recent.firstSighting("MESSAGE_CREATE", created)).isTrue();
        assertThat(recent.firstSighting("MESSAGE_CREATE", created.deepCopy())).isFalse();
    }

    @Test
    void eachEditIsAppliedOnceAndANewEditAgain() {
        JsonNode edit1 = message("1", "2026-11-29T12:00:01.000000+00:00", "**a cat** - <@2> (31%) (fast)");
        JsonNode edit2 = message("1", "2026-11-29T12:00:02.000000+00:00", "**a cat** - <@2> (62%) (fast)");
        assertThat(recent.firstSighting("MESSAGE_UPDATE", edit1)).isTrue();
        assertThat(recent.firstSighting("MESSAGE_UPDATE", edit2)).isTrue();
        assertThat(recent.firstSighting("MESSAGE_UPDATE", edit1.deepCopy())).isFalse();
        assertThat(recent.firstSighting("MESSAGE_UPDATE", edit2.deepCopy())).isFalse();
    }

    @Test
    void anUpdateThatKeepsTheEditTimeButShowsSomethingElseIsApplied() {
        JsonNode edit = message("1", "2026-11-29T12:00:01.000000+00:00", "**a cat** - <@2> (fast)");
        ((tools.jackson.databind.node.ObjectNode) edit).putArray("embeds").addObject().put("title", "unfurled");
        assertThat(recent.firstSighting("MESSAGE_UPDATE",
                message("1", "2026-11-29T12:00:01.000000+00:00", "**a cat** - <@2> (fast)"))).isTrue();
        assertThat(recent.firstSighting("MESSAGE_UPDATE", edit)).isTrue();
    }

    @Test
    void signedLinksThatDifferPerDeliveryDoNotMakeACopyNew() {
        JsonNode first = withAttachment(message("1", null, "**a cat** - <@2> (fast)"), "https://cdn/a.png?ex=1&hm=aa");
        JsonNode second = withAttachment(message("1", null, "**a cat** - <@2> (fast)"), "https://cdn/a.png?ex=2&hm=bb");
        assertThat(recent.firstSighting("MESSAGE_CREATE", first)).isTrue();
        assertThat(recent.firstSighting("MESSAGE_CREATE", second)).isFalse();
    }

    @Test
    void aDeleteIsAppliedOnceAndIsNotTheCreate() {
        JsonNode deleted = JSON.createObjectNode().put("id", "1").put("channel_id", "9");
        assertThat(recent.firstSighting("MESSAGE_CREATE", message("1", null, "x"))).isTrue();
        assertThat(recent.firstSighting("MESSAGE_DELETE", deleted)).isTrue();
        assertThat(recent.firstSighting("MESSAGE_DELETE", deleted.deepCopy())).isFalse();
    }

    @Test
    void otherDispatchesAndMessagesWithoutIdAreNeverHeldBack() {
        JsonNode modal = JSON.createObjectNode().put("id", "7").put("custom_id", "MJ::ImagineModal::1");
        assertThat(recent.firstSighting("INTERACTION_MODAL_CREATE", modal)).isTrue();
        assertThat(recent.firstSighting("INTERACTION_MODAL_CREATE", modal)).isTrue();
        JsonNode noId = JSON.createObjectNode().put("content", "x");
        assertThat(recent.firstSighting("MESSAGE_CREATE", noId)).isTrue();
        assertThat(recent.firstSighting("MESSAGE_CREATE", noId)).isTrue();
    }

    @Test
    void theSetIsBounded() {
        RecentDispatches small = new RecentDispatches(10, java.time.Clock.systemUTC());
        for (int i = 0; i < 1_000; i++) {
            assertThat(small.firstSighting("MESSAGE_CREATE", message(Integer.toString(i), null, "x"))).isTrue();
        }
        // The newest are kept; the oldest fell out, so a very late copy is applied again (the task
        // layer drops stale news itself).
        for (int i = 990; i < 1_000; i++) {
            assertThat(small.firstSighting("MESSAGE_CREATE", message(Integer.toString(i), null, "x"))).as("%d", i).isFalse();
        }
        assertThat(small.firstSighting("MESSAGE_CREATE", message("0", null, "x"))).isTrue();
    }

    @Test
    void keysAreForgottenAfterTheirTime() {
        MovingClock clock = new MovingClock(java.time.Instant.parse("2026-11-29T12:00:00Z"));
        RecentDispatches aging = new RecentDispatches(100, clock);
        JsonNode created = message("1", null, "x");
        assertThat(aging.firstSighting("MESSAGE_CREATE", created)).isTrue();
        clock.advance(RecentDispatches.KEEP.minusSeconds(1));
        assertThat(aging.firstSighting("MESSAGE_CREATE", created)).isFalse();
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(aging.firstSighting("MESSAGE_CREATE", created)).isTrue();
    }

    private static JsonNode message(String id, String editedAt, String content) {
        var node = JSON.createObjectNode().put("id", id).put("channel_id", "9").put("content", content);
        if (editedAt == null) {
            node.putNull("edited_timestamp");
        } else {
            node.put("edited_timestamp", editedAt);
        }
        return node;
    }

    private static JsonNode withAttachment(JsonNode message, String url) {
        ((tools.jackson.databind.node.ObjectNode) message).putArray("attachments").addObject()
                .put("filename", "a.png").put("url", url).put("proxy_url", url);
        return message;
    }
}
