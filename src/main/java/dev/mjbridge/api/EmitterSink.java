package dev.mjbridge.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stream's events written as Server-Sent Events through Spring MVC's {@link SseEmitter}. Each call
 * blocks until the container took the bytes: for a client that takes none, until the server's write
 * timeout fails the write. The hub watches for such writes ({@code mj.events.write-timeout}) and gives a
 * stand-in thread to the other streams meanwhile.
 */
final class EmitterSink implements TaskEventStream.Sink {

    static final String TASK = "task";
    static final String DROPPED = "dropped";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SseEmitter emitter;

    EmitterSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(Long id, byte[] taskJson) throws IOException {
        SseEmitter.SseEventBuilder event = SseEmitter.event();
        if (id != null) {
            event.id(Long.toString(id));
        }
        // The task JSON is written on one line (the mapper escapes line breaks inside strings), as SSE needs.
        emitter.send(event.name(TASK).data(taskJson, MediaType.APPLICATION_JSON));
    }

    @Override
    public void dropped(String reason) throws IOException {
        byte[] body = JSON.writeValueAsString(java.util.Map.of("reason", reason)).getBytes(StandardCharsets.UTF_8);
        emitter.send(SseEmitter.event().name(DROPPED).data(body, MediaType.APPLICATION_JSON));
    }

    @Override
    public void ping() throws IOException {
        emitter.send(SseEmitter.event().comment(" ping"));
    }

    @Override
    public void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException alreadyOver) {
            // The response is finished already (client gone): nothing left to close.
        }
    }
}
