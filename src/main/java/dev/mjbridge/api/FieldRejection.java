package dev.mjbridge.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value of the wrong kind, found while binding a request body; its message is the reason as the
 * client reads it ({@code must be a string}). Jackson adds the field's path on the way out.
 */
final class FieldRejection extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    FieldRejection(JsonParser parser, String reason) {
        super(parser, reason);
    }
}
