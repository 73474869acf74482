package dev.mjbridge.api;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * How the request records' values are read from JSON. Each reader is forgiving where clients are
 * known to differ (ids as numbers, flags and counts as strings, {@code ""} for an unused choice) and
 * strict everywhere else (a number is not a prompt), with the reasons clients have always been given.
 */
final class RequestValues {

    private RequestValues() {
    }

    /** A string and nothing else: a number, flag, array or object is "must be a string". */
    static final class Text extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getString();
            }
            throw new FieldRejection(p, "must be a string");
        }
    }

    /** A task or Discord id: a string, or a whole number (the midjourney-proxy docs show ids as numbers). */
    static final class Id extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING || p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getString().trim();
            }
            throw new FieldRejection(p, "must be a string");
        }
    }

    /** true/false, also as the strings "true"/"false"; {@code ""} is the same as leaving it out. */
    static final class Flag extends ValueDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getString().trim().toLowerCase(Locale.ROOT);
                if (text.isEmpty()) {
                    return null;
                }
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.valueOf(text);
                }
            }
            throw new FieldRejection(p, "must be true or false");
        }
    }

    /** A whole number in int range, also as a string of digits; {@code ""} is the same as leaving it out. */
    static final class WholeNumber extends ValueDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = p.getString().trim();
                if (text.isEmpty()) {
                    return null;
                }
                if (text.matches("-?\\d{1,9}")) {
                    return Integer.parseInt(text);
                }
            }
            throw new FieldRejection(p, "must be a whole number");
        }
    }

    /**
     * One of a fixed set of names, read by {@code parser} (which may know aliases); an unknown one is
     * refused listing {@code allowed} and echoing what was sent.
     */
    static final class Choice<E> extends ValueDeserializer<E> {

        private final Function<String, Optional<E>> parser;
        private final String allowed;
        private final boolean blankIsAbsent;

        /** @param blankIsAbsent whether {@code ""} means "not given" (a field) rather than a wrong name (a list element) */
        Choice(Function<String, Optional<E>> parser, String allowed, boolean blankIsAbsent) {
            this.parser = parser;
            this.allowed = allowed;
            this.blankIsAbsent = blankIsAbsent;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new FieldRejection(p, "must be a string");
            }
            String value = p.getString();
            if (value.isBlank() && blankIsAbsent) {
                return null;
            }
            return parser.apply(value.trim()).orElseThrow(() -> new FieldRejection(p,
                    "must be one of " + allowed + ", got " + ClientText.quote(value)));
        }
    }
}
