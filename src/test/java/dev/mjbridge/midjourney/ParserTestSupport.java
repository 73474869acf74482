package dev.mjbridge.midjourney;

import static dev.mjbridge.midjourney.TestMessages.HASH;
import static dev.mjbridge.midjourney.TestMessages.JSON;
import static dev.mjbridge.midjourney.TestMessages.USER;
import static dev.mjbridge.midjourney.TestMessages.fromBot;
import static dev.mjbridge.midjourney.TestMessages.withAttachment;
import static dev.mjbridge.midjourney.TestMessages.withButtons;

import dev.mjbridge.midjourney.MjEvent.JobFinished;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Shared helpers of the parser tests. */
abstract class ParserTestSupport {

    static final String U = "<@" + USER + ">";
    static final String PNG = "operator_a_cat_" + HASH + ".png";

    final MessageParser parser = new MessageParser();

    MjEvent create(JsonNode message) {
        return parser.parse("MESSAGE_CREATE", message).orElseThrow();
    }

    Optional<MjEvent> parse(String dispatch, String json) {
        return parser.parse(dispatch, JSON.readTree(json));
    }

    JobFinished finished(String content) {
        ObjectNode message = withAttachment(fromBot(content), PNG, 1024, 1024);
        withButtons(message, "MJ::JOB::upsample_v7_2x_subtle::1::" + HASH + "::SOLO");
        return (JobFinished) create(message);
    }
}
