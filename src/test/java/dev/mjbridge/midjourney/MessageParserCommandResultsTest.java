package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.HASH;
import static dev.mjbridge.midjourney.TestMessages.from;
import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withButtons;
import static dev.mjbridge.midjourney.TestMessages.withEmbed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mjbridge.midjourney.MjEvent.DescribeResult;
import dev.mjbridge.midjourney.MjEvent.InfoResult;
import dev.mjbridge.midjourney.MjEvent.SeedResult;
import dev.mjbridge.midjourney.MjEvent.ShortenResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Results of /describe, /shorten, /info and the seed DM. */
class MessageParserCommandResultsTest extends ParserTestSupport {

    @Test
    void describeResult() {
        ObjectNode message = fromBot("");
        withEmbed(message, null, """
                1️⃣ a fluffy cat sitting on a windowsill, in the style of [Pierre Bonnard](https://s.mj.run/x) --ar 3:2

                2️⃣ orange cat, soft light --ar 3:2

                3️⃣ a cat looking at rain --ar 3:2

                4️⃣ cozy interior with a cat --ar 3:2""", null);
        ((ObjectNode) message.path("embeds").path(0)).putObject("image").put("url", "https://cdn.discordapp.com/x/cat.png");
        withButtons(message, "MJ::Job::PicReader::1", "MJ::Job::PicReader::2", "MJ::Job::PicReader::3",
                "MJ::Job::PicReader::4", "MJ::Picread::Retry");
        message.putObject("interaction_metadata").put("id", "901");

        DescribeResult describe = (DescribeResult) parser.parse("MESSAGE_UPDATE", message).orElseThrow();

        assertThat(describe.prompts()).containsExactly(
                "a fluffy cat sitting on a windowsill, in the style of Pierre Bonnard --ar 3:2",
                "orange cat, soft light --ar 3:2",
                "a cat looking at rain --ar 3:2",
                "cozy interior with a cat --ar 3:2");
        assertThat(describe.imageUrl()).isEqualTo("https://cdn.discordapp.com/x/cat.png");
        assertThat(describe.buttons()).hasSize(5);
        assertThat(describe.correlation().interactionId()).isEqualTo("901");
    }

    @Test
    void shortenResult() {
        ObjectNode message = fromBot("");
        withEmbed(message, null, """
                **IMPORTANT TOKENS**
                **red** car, ~~very~~ ~~extremely~~ fast, **sunset**

                **Shortened prompts**
                1️⃣ red car, fast, sunset, highway
                2️⃣ red car, fast, sunset
                3️⃣ red car, sunset
                4️⃣ red car
                5️⃣ car""", null);
        ((ObjectNode) message.path("embeds").path(0)).putObject("footer")
                .put("text", "Click on a button to imagine one of the shortened prompts");
        withButtons(message, "MJ::Job::PromptAnalyzer::" + HASH + "::1", "MJ::Job::PromptAnalyzer::" + HASH + "::5");
        message.put("nonce", "55");

        ShortenResult shorten = (ShortenResult) create(message);

        assertThat(shorten.prompts()).containsExactly(
                "red car, fast, sunset, highway", "red car, fast, sunset", "red car, sunset", "red car", "car");
        assertThat(shorten.buttons()).hasSize(2);
        assertThat(shorten.correlation().nonce()).isEqualTo("55");
        assertThat(shorten.correlation().jobHash()).isEqualTo(HASH);
    }

    @Test
    void seedDm() {
        ObjectNode message = fromBot("**Job ID**: " + HASH + "\n**seed** 1259687673");
        message.remove("guild_id");

        SeedResult seed = (SeedResult) create(message);

        assertThat(seed.jobId()).isEqualTo(HASH);
        assertThat(seed.seed()).isEqualTo("1259687673");
        assertThat(seed.correlation().jobHash()).isEqualTo(HASH);
        assertThat(seed.correlation().guildId()).isNull();
    }

    @Test
    void seedInADmIsReadWhoeverSentIt() {
        ObjectNode message = from("999", "**Job ID**: " + HASH + "\n**seed** 42");
        message.remove("guild_id");

        assertThat(create(message)).isInstanceOfSatisfying(SeedResult.class,
                seed -> assertThat(seed.seed()).isEqualTo("42"));
    }

    @Test
    void seedTextFromSomeoneElseInAGuildChannelIsIgnored() {
        ObjectNode message = from("999", "**Job ID**: " + HASH + "\n**seed** 42");

        assertThat(parser.parse("MESSAGE_CREATE", message)).isEmpty();
    }

    @Test
    void infoEmbed() {
        ObjectNode message = fromBot("");
        withEmbed(message, "Your info - operator", """
                **User ID**: 1200000000000000042
                **Subscription**: Standard (Active monthly, renews next on <t:1735689600>)
                **Visibility Mode**: Public
                **Fast Time Remaining**: 13.2/15.0 hours (88.00%)
                **Job Mode**: Fast
                **Queued Jobs (fast)**: 0""", 0);
        message.put("nonce", "66");

        InfoResult info = (InfoResult) create(message);

        assertThat(info.title()).isEqualTo("Your info - operator");
        assertThat(info.fields()).containsEntry("Job Mode", "Fast")
                .containsEntry("Fast Time Remaining", "13.2/15.0 hours (88.00%)")
                .containsEntry("Subscription", "Standard (Active monthly, renews next on <t:1735689600>)");
        assertThat(info.text()).contains("**Visibility Mode**: Public");
    }
}
