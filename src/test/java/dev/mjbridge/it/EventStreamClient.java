package dev.mjbridge.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events client over a plain {@link HttpClient}, as a dashboard would read
 * {@code /mj/task/.../events}: it parses the stream on its own thread into events, comments and the
 * end of the stream, which a test takes one by one with a time limit.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One parsed event; {@code id} null when the event carried none. */
    public record Event(String id, String name, String data) {
    }

    /** What the reader saw, in order: an event, a comment, or the end of the stream. */
    public sealed interface Item permits Received, Comment, End {
    }

    public record Received(Event event) implements Item {
    }

    public record Comment(String text) implements Item {
    }

    public record End() implements Item {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;
    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private final String errorBody;

    private EventStreamClient(HttpResponse<InputStream> response) throws IOException {
        this.status = response.statusCode();
        this.headers = response.headers();
        this.body = response.body();
        boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        if (stream) {
            this.errorBody = null;
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        } else {
            this.errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Opens {@code path} on the proxy at {@code port} with these extra headers. */
    public static EventStreamClient open(int port, String path, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream").GET();
        extraHeaders.forEach(request::header);
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("could not open " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static EventStreamClient open(int port, String path) {
        return open(port, path, Map.of());
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The body of an answer that was not a stream (an error envelope). */
    public String errorBody() {
        return errorBody;
    }

    /** The next thing seen, waiting at most {@code limit}; fails the test naming {@code what} otherwise. */
    public Item next(Duration limit, String what) {
        try {
            Item item = items.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + limit);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event (comments passed over); fails when the stream ends first. */
    public Event nextEvent(Duration limit) {
        while (true) {
            Item item = next(limit, "event");
            if (item instanceof Received received) {
                return received.event();
            }
            if (item instanceof End) {
                throw new AssertionError("the stream ended before the next event");
            }
        }
    }

    /** Every event until the stream ends, which must happen within {@code limit} of the last item. */
    public List<Event> eventsUntilEnd(Duration limit) {
        List<Event> events = new ArrayList<>();
        while (true) {
            Item item = next(limit, "event or end of stream (after " + events + ")");
            if (item instanceof Received received) {
                events.add(received.event());
            } else if (item instanceof End) {
                return events;
            }
        }
    }

    /** Events until one matches (included), failing when the stream ends first or nothing comes in time. */
    public List<Event> eventsUntil(Predicate<Event> last, Duration limit) {
        List<Event> events = new ArrayList<>();
        while (true) {
            Event event = nextEvent(limit);
            events.add(event);
            if (last.test(event)) {
                return events;
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        items.add(new Received(new Event(id, name == null ? "message" : name, data.toString())));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    items.add(new Comment(value(line.substring(1))));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : value(line.substring(colon + 1));
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException closed) {
            // The stream was cut (or closed by the test): that is its end too.
        }
        items.add(new End());
    }

    private static String value(String raw) {
        return raw.startsWith(" ") ? raw.substring(1) : raw;
    }

    /** Hangs up. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
