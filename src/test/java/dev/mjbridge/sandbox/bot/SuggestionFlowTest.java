package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.SharedSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /describe, /blend and /shorten, and imagining what they suggest. */
class SuggestionFlowTest {

    private SandboxUserSession user;

    @BeforeEach
    void open() {
        SharedSandbox.get().control().reset();
        user = SandboxUserSession.open("suggest");
    }

    @AfterEach
    void close() {
        user.close();
    }

    @Test
    void describeUploadGivesFourPromptsAndAPickImaginesOne() {
        SandboxUserSession.Upload upload = user.upload("photo.png", TestImages.png(300, 200, Color.ORANGE));
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "describe",
                List.of(SandboxUserSession.option("image", 11, "0")), List.of(upload)).accepted();
        JsonNode start = user.awaitAnswer(sent, d -> true);
        assertThat(start.path("nonce").asString()).isEqualTo(sent.nonce());
        assertThat(start.path("interaction").path("name").asString()).isEqualTo("describe");

        JsonNode described = awaitDescribed(start);
        JsonNode embed = described.path("embeds").get(0);
        String[] lines = embed.path("description").asString().split("\n\n");
        assertThat(lines).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(lines[i]).startsWith((i + 1) + "\uFE0F\u20E3 ").endsWith("--ar 3:2");
        }
        String imageUrl = embed.path("image").path("url").asString();
        assertThat(TestImages.decode(user.download(imageUrl)).getWidth()).isEqualTo(300);
        assertThat(customIds(described)).containsExactly("MJ::Job::PicReader::1", "MJ::Job::PicReader::2",
                "MJ::Job::PicReader::3", "MJ::Job::PicReader::4", "MJ::Picread::Retry");

        SandboxUserSession.JobTrace picked = user.followJob(user.press(described, "MJ::Job::PicReader::2").accepted());
        String secondPrompt = lines[1].substring("2\uFE0F\u20E3 ".length());
        assertThat(picked.content()).isEqualTo("**" + secondPrompt + "** - " + user.mention() + " "
                + SandboxUserSession.website(picked.hash()) + " (fast)");
        assertThat(picked.customIds()).hasSize(9);
    }

    @Test
    void describeLinkAndRetry() {
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "describe",
                List.of(SandboxUserSession.stringOption("link", "https://example.com/cat.png")), List.of()).accepted();
        JsonNode described = awaitDescribed(user.awaitAnswer(sent, d -> true));
        assertThat(described.path("embeds").get(0).path("image").path("url").asString()).isEqualTo("https://example.com/cat.png");

        SandboxUserSession.Sent retry = user.press(described, "MJ::Picread::Retry").accepted();
        JsonNode again = awaitDescribed(user.awaitAnswer(retry, d -> true));
        assertThat(again.path("message_reference").path("message_id").asString()).isEqualTo(described.path("id").asString());
        assertThat(again.path("embeds").get(0).path("description").asString()).contains("4\uFE0F\u20E3 ");
    }

    @Test
    void describeOfNonHttpLinkIsInvalidLink() {
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "describe",
                List.of(SandboxUserSession.stringOption("link", "ftp://example.com/cat.png")), List.of()).accepted();
        JsonNode error = user.awaitEmbed(sent, "Invalid link");
        assertThat(error.path("flags").asInt() & 64).isEqualTo(64);
    }

    @Test
    void describeOfAnUnknownUploadIsRefused() {
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "describe",
                List.of(SandboxUserSession.option("image", 11, "0")),
                List.of(new SandboxUserSession.Upload("x.png", "nope/x.png")));
        assertThat(sent.response().status()).isEqualTo(400);
    }

    @Test
    void blendOfTwoIsASquareGridOfShortLinks() {
        SandboxUserSession.JobTrace job = user.followJob(blend(2, null));
        assertThat(job.content()).matches("\\*\\*<https://s\\.mj\\.run/\\w+> <https://s\\.mj\\.run/\\w+> --ar 1:1\\*\\* - "
                + user.mention() + " " + java.util.regex.Pattern.quote(SandboxUserSession.website(job.hash())) + " \\(fast\\)");
        JsonNode attachment = job.result().path("attachments").get(0);
        assertThat(attachment.path("width").asInt()).isEqualTo(attachment.path("height").asInt());
        assertThat(job.customIds()).hasSize(9);
        assertThat(job.start().path("interaction").path("name").asString()).isEqualTo("blend");
    }

    @Test
    void blendOfFiveInPortrait() {
        SandboxUserSession.JobTrace job = user.followJob(blend(5, "--ar 2:3"));
        assertThat(job.content()).startsWith("**<https://s.mj.run/").contains(" --ar 2:3** - ");
        assertThat(job.content().split("s\\.mj\\.run/").length - 1).isEqualTo(5);
        JsonNode attachment = job.result().path("attachments").get(0);
        assertThat(attachment.path("width").asInt()).isLessThan(attachment.path("height").asInt());
    }

    @Test
    void blendOfTheSameImageTwiceIsDuplicateImages() {
        byte[] same = TestImages.png(64, 64, Color.GREEN);
        List<SandboxUserSession.Upload> uploads = List.of(user.upload("a.png", same), user.upload("b.png", same));
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "blend", List.of(
                SandboxUserSession.option("image1", 11, "0"), SandboxUserSession.option("image2", 11, "1")), uploads).accepted();
        user.awaitEmbed(sent, "Duplicate images detected");
    }

    @Test
    void blendWithUnknownDimensionsIsRefused() {
        List<SandboxUserSession.Upload> uploads = List.of(user.upload("a.png", TestImages.png(32, 32, Color.RED)),
                user.upload("b.png", TestImages.png(32, 32, Color.BLUE)));
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "blend", List.of(
                SandboxUserSession.option("image1", 11, "0"), SandboxUserSession.option("image2", 11, "1"),
                SandboxUserSession.stringOption("dimensions", "--ar 7:1")), uploads);
        assertThat(sent.response().status()).isEqualTo(400);
    }

    @Test
    void shortenListsTokensAndFivePromptsAndAPickImaginesOne() {
        String prompt = "a very beautiful painting of a fox in the snow, highly detailed --ar 3:2";
        SandboxUserSession.Sent sent = user.command(BotApp.MIDJOURNEY, "shorten",
                List.of(SandboxUserSession.stringOption("prompt", prompt)), List.of()).accepted();
        JsonNode start = user.awaitAnswer(sent, d -> true);
        assertThat(start.path("interaction").path("name").asString()).isEqualTo("shorten");
        String messageId = start.path("id").asString();
        JsonNode shortened = user.await("MESSAGE_UPDATE", d -> messageId.equals(d.path("id").asString())
                && !d.path("embeds").isEmpty());
        JsonNode embed = shortened.path("embeds").get(0);
        String description = embed.path("description").asString();
        assertThat(description).contains("**painting**", "~~very~~", "Shortened prompts");
        assertThat(embed.path("footer").path("text").asString())
                .isEqualTo("Click on a button to imagine one of the shortened prompts");
        List<String> lines = description.lines().filter(l -> l.matches("[1-5]\uFE0F\u20E3 .*")).toList();
        assertThat(lines).hasSize(5);
        assertThat(customIds(shortened)).containsExactly(
                "MJ::Job::PromptAnalyzer::" + messageId + "::1", "MJ::Job::PromptAnalyzer::" + messageId + "::2",
                "MJ::Job::PromptAnalyzer::" + messageId + "::3", "MJ::Job::PromptAnalyzer::" + messageId + "::4",
                "MJ::Job::PromptAnalyzer::" + messageId + "::5");

        SandboxUserSession.JobTrace picked = user.followJob(
                user.press(shortened, "MJ::Job::PromptAnalyzer::" + messageId + "::5").accepted());
        String fifth = lines.get(4).substring("5\uFE0F\u20E3 ".length());
        assertThat(fifth).endsWith("--ar 3:2");
        assertThat(picked.content()).isEqualTo("**" + fifth + "** - " + user.mention() + " "
                + SandboxUserSession.website(picked.hash()) + " (fast)");
    }

    private SandboxUserSession.Sent blend(int images, String dimensions) {
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW, Color.MAGENTA};
        List<SandboxUserSession.Upload> uploads = new ArrayList<>();
        List<ObjectNode> options = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            uploads.add(user.upload("image" + i + ".png", TestImages.png(48, 48, colors[i])));
            options.add(SandboxUserSession.option("image" + (i + 1), 11, String.valueOf(i)));
        }
        if (dimensions != null) {
            options.add(SandboxUserSession.stringOption("dimensions", dimensions));
        }
        return user.command(BotApp.MIDJOURNEY, "blend", options, uploads).accepted();
    }

    private JsonNode awaitDescribed(JsonNode start) {
        String messageId = start.path("id").asString();
        return user.await("MESSAGE_UPDATE", d -> messageId.equals(d.path("id").asString())
                && d.path("embeds").path(0).has("description"));
    }

    private static List<String> customIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        message.path("components").forEach(row -> row.path("components")
                .forEach(button -> ids.add(button.path("custom_id").asString())));
        return ids;
    }
}
