package dev.mjbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapturedSessionTest {

    @Test
    void rebuildsDiscordMessagesFromTheCapturedLines() {
        CapturedSession session = CapturedSession.v7();
        CapturedSession.Line grid = session.first("Open on website");

        var message = grid.toDiscordMessage();

        assertThat(session.lines()).hasSize(44);
        assertThat(message.path("id").asString()).isEqualTo("1511317165473660928");
        assertThat(message.path("author").path("id").asString()).isEqualTo("936929561302675456");
        assertThat(message.path("message_reference").path("message_id").asString()).isEqualTo("1511317060477653013");
        assertThat(message.path("components").get(0).path("components").get(0).path("custom_id").asString())
                .isEqualTo("MJ::JOB::upsample::1::5f2a1826-7bb0-42c2-b441-98a48a39e760");
        assertThat(message.path("attachments").get(0).path("filename").asString()).endsWith(".webp");
        assertThat(grid.dispatchType()).isEqualTo("MESSAGE_CREATE");
        assertThat(session.message("1511317060477653013")).hasSizeGreaterThan(3)
                .allSatisfy(line -> assertThat(line.id()).isEqualTo("1511317060477653013"));
    }
}
