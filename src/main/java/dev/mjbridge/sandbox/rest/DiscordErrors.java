package dev.mjbridge.sandbox.rest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Error bodies in Discord's JSON shape: {@code {"message": ..., "code": ...}}. */
public final class DiscordErrors {

    public static final int UNKNOWN_APPLICATION = 10002;
    public static final int UNKNOWN_CHANNEL = 10003;
    public static final int UNKNOWN_MESSAGE = 10008;
    public static final int UNKNOWN_INTERACTION = 10062;
    public static final int MISSING_ACCESS = 50001;
    public static final int INVALID_FORM_BODY = 50035;

    private DiscordErrors() {
    }

    public static ObjectNode body(String message, int code) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", message);
        body.put("code", code);
        return body;
    }

    /**
     * 400 Invalid Form Body with one error at {@code path} (dot separated, as the
     * {@code errors} tree of Discord nests it).
     */
    public static ObjectNode invalidFormBody(String path, String errorCode, String message) {
        ObjectNode body = body("Invalid Form Body", INVALID_FORM_BODY);
        ObjectNode node = body.putObject("errors");
        for (String part : path.split("\\.")) {
            node = node.putObject(part);
        }
        ObjectNode error = node.putArray("_errors").addObject();
        error.put("code", errorCode);
        error.put("message", message);
        return body;
    }

    public static ResponseEntity<ObjectNode> respond(HttpStatus status, ObjectNode body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    public static ResponseEntity<ObjectNode> unauthorized() {
        return respond(HttpStatus.UNAUTHORIZED, body("401: Unauthorized", 0));
    }

    public static ResponseEntity<ObjectNode> unknownChannel() {
        return respond(HttpStatus.NOT_FOUND, body("Unknown Channel", UNKNOWN_CHANNEL));
    }

    public static ResponseEntity<ObjectNode> unknownMessage() {
        return respond(HttpStatus.NOT_FOUND, body("Unknown Message", UNKNOWN_MESSAGE));
    }

    public static ResponseEntity<ObjectNode> missingAccess() {
        return respond(HttpStatus.FORBIDDEN, body("Missing Access", MISSING_ACCESS));
    }

    public static ResponseEntity<ObjectNode> badRequest(ObjectNode body) {
        return respond(HttpStatus.BAD_REQUEST, body);
    }
}
