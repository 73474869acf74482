package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.from;
import static dev.mjbridge.midjourney.TestMessages.withAttachment;
import static dev.mjbridge.midjourney.TestMessages.withButtons;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** A bot message of no known form is explained, shaped, counted and logged once per shape and count step. */
class UnplacedMessagesTest {

    private static final String HASH_A = "11111111-2222-4333-8444-555555555555";
    private static final String HASH_B = "66666666-7777-4888-9999-aaaaaaaaaaaa";

    private final MessageParser parser = new MessageParser();
    private final Logger logger = (Logger) LoggerFactory.getLogger(UnplacedMessages.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    /** A made-up future form: a job line with a word Midjourney never used, and an unknown button. */
    private static ObjectNode futureForm(String prompt, String hash, String user) {
        ObjectNode message = fromBot("**" + prompt + "** - <@" + user + "> Dreaming deeply");
        withButtons(message, "MJ::Dream::" + hash + "::42");
        return message;
    }

    private ParseOutcome.Unplaced unplaced(ObjectNode message) {
        ParseOutcome outcome = parser.explain("MESSAGE_CREATE", message);
        assertThat(outcome).isInstanceOf(ParseOutcome.Unplaced.class);
        return (ParseOutcome.Unplaced) outcome;
    }

    @Test
    void anUnknownBotMessageIsUnplacedWithReasons() {
        ParseOutcome.Unplaced unplaced = unplaced(futureForm("a red fox", HASH_A, "123"));

        assertThat(unplaced.reasons()).anySatisfy(reason -> assertThat(reason).contains("job line"));
        assertThat(unplaced.reasons()).anySatisfy(reason -> assertThat(reason).contains("neither a nonce nor an interaction id"));
        assertThat(parser.parse("MESSAGE_CREATE", futureForm("a red fox", HASH_A, "123"))).isEmpty();
    }

    @Test
    void theShapeHidesPromptIdsAndNumbers() {
        MessageShape shape = unplaced(futureForm("a red fox", HASH_A, "123")).shape();

        assertThat(shape.content()).isEqualTo("**<prompt>** - <@user> Dreaming deeply");
        assertThat(shape.customIdFamilies()).containsExactly("MJ::Dream::<uuid>::N");
        assertThat(shape.bot()).isEqualTo(BotType.MID_JOURNEY);
        assertThat(shape.describe()).doesNotContain("red fox").doesNotContain(HASH_A);
    }

    @Test
    void messagesOfOneFormHaveOneShape() {
        MessageShape first = unplaced(futureForm("a red fox", HASH_A, "123")).shape();
        MessageShape second = unplaced(futureForm("an owl at night --ar 2:3", HASH_B, "456")).shape();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void attachmentNamesLoseTheirPromptWordsAndHash() {
        ObjectNode message = withAttachment(fromBot("Something new"), "u123_a_red_fox_" + HASH_A + ".avif", 1, 1);

        MessageShape shape = unplaced(message).shape();

        assertThat(shape.attachmentNames()).containsExactly("*_<uuid>.avif");
        assertThat(shape.content()).isEqualTo("Something new");
    }

    @Test
    void otherAuthorsAreNotMidjourneysAndReadyIsNoMessage() {
        assertThat(parser.explain("MESSAGE_CREATE", from("42", "**a cat** - <@1> Dreaming")))
                .isInstanceOf(ParseOutcome.NotMidjourney.class);
        assertThat(parser.explain("READY", TestMessages.JSON.createObjectNode()))
                .isInstanceOf(ParseOutcome.NotMidjourney.class);
    }

    @Test
    void warnsAtTheFirstTenthAndHundredthSightingOfAShapeAndCountsAll() {
        UnplacedMessages counter = new UnplacedMessages();
        ParseOutcome.Unplaced unplaced = unplaced(futureForm("a red fox", HASH_A, "123"));

        for (int i = 1; i <= 150; i++) {
            assertThat(counter.record("acc-1", unplaced(futureForm("prompt " + i, HASH_B, "9" + i)))).isEqualTo(i);
        }

        List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0).getFormattedMessage()).contains("seen 1 time ").contains("acc-1")
                .contains("**<prompt>** - <@user> Dreaming deeply").contains("MJ::Dream::<uuid>::N")
                .doesNotContain("prompt 1");
        assertThat(warnings.get(1).getFormattedMessage()).contains("seen 10 times");
        assertThat(warnings.get(2).getFormattedMessage()).contains("seen 100 times");
        assertThat(counter.count(unplaced.shape())).isEqualTo(150);
        assertThat(counter.counts()).containsEntry(unplaced.shape(), 150L).hasSize(1);
    }

    @Test
    void eachNewShapeIsReportedOnItsOwn() {
        UnplacedMessages counter = new UnplacedMessages();

        counter.record("acc-1", unplaced(futureForm("a", HASH_A, "1")));
        counter.record("acc-1", unplaced(fromBot("Something new")));
        counter.record("acc-1", unplaced(fromBot("Something new")));

        assertThat(logged.list).hasSize(2);
        assertThat(counter.counts().values()).containsExactly(2L, 1L);
    }
}
