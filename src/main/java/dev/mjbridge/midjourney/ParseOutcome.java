package dev.mjbridge.midjourney;

import java.util.List;
import java.util.Optional;

/**
 * What {@link MessageParser} made of one dispatch, with its reasons: the gateway listener and the
 * {@code parse-message} command both show the same explanation, so a message the service did not
 * understand can be looked at offline exactly as the service saw it.
 */
public sealed interface ParseOutcome {

    /** The event, when the dispatch was placed. */
    default Optional<MjEvent> event() {
        return Optional.empty();
    }

    /** The dispatch is a Midjourney event. */
    record Placed(MjEvent placed) implements ParseOutcome {
        @Override
        public Optional<MjEvent> event() {
            return Optional.of(placed);
        }
    }

    /**
     * The dispatch is none of Midjourney's business: another author, a dispatch type the parser
     * does not read, or a payload that is not a message at all.
     */
    record NotMidjourney(String reason) implements ParseOutcome {
    }

    /**
     * A message of the Midjourney or Niji bot that fits no known form: Midjourney changed
     * something, or the parser lacks a case.
     *
     * @param shape   the message with everything job-specific normalised away, to count alike ones
     * @param reasons why each known form did not fit, in the order they were tried
     */
    record Unplaced(MessageShape shape, List<String> reasons) implements ParseOutcome {
        public Unplaced {
            reasons = List.copyOf(reasons);
        }
    }
}
