package dev.mjbridge.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;

/**
 * Reads the API's request bodies ({@link JsonRequest} records) whatever the request's content type.
 * <p>
 * Why a converter of its own rather than Spring's JSON one: clients of the midjourney-proxy dialect
 * send JSON with no Content-Type, as {@code text/plain}, as form encoding or with a charset the body
 * does not have, and have always been answered as if it were {@code application/json}; Spring's JSON
 * converter would refuse all of those with a 415. This one accepts every media type for these records
 * only (it is put ahead of the defaults and never writes), reads the bytes as JSON (the encoding is
 * detected from the bytes, as JSON's RFC says), and refuses a body larger than {@link #maxBytes}
 * before it is read whole: by its Content-Length, or once that many bytes arrived.
 * <p>
 * A body of only whitespace is read as no body ({@code null}); {@link MissingBodyAdvice} then says
 * whether the endpoint needs one.
 */
final class JsonRequestConverter extends AbstractHttpMessageConverter<JsonRequest> {

    private static final int CHUNK = 64 * 1024;

    private final long maxBytes;

    JsonRequestConverter(long maxBytes) {
        super(MediaType.ALL);
        this.maxBytes = maxBytes;
    }

    /** What a request can hold when every image is as large as allowed, plus room for its other fields. */
    static long maxBytes(ApiProperties.Limits limits) {
        long base64PerImage = (limits.maxImageBytes() + 2) / 3 * 4;
        return Math.min(Integer.MAX_VALUE - 8L, (limits.maxImages() + 1) * base64PerImage + 1024 * 1024);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return JsonRequest.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return true;
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonRequest readInternal(Class<? extends JsonRequest> type, HttpInputMessage input) throws IOException {
        long declared = input.getHeaders().getContentLength();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body = read(input.getBody());
        return isBlank(body) ? null : RequestJson.bind(body, type);
    }

    private byte[] read(InputStream in) throws IOException {
        // Never more than maxBytes + 1 bytes are read: enough to know the body is too large.
        byte[] buffer = new byte[(int) Math.min(CHUNK, maxBytes + 1)];
        int size = 0;
        int n;
        while ((n = in.read(buffer, size, buffer.length - size)) != -1) {
            size += n;
            if (size > maxBytes) {
                throw tooLarge();
            }
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxBytes + 1));
            }
        }
        return Arrays.copyOf(buffer, size);
    }

    private RejectedRequest tooLarge() {
        return RejectedRequest.invalid("body", "is larger than " + maxBytes + " bytes");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void writeInternal(JsonRequest request, HttpOutputMessage output) {
        throw new UnsupportedOperationException("request bodies are only read");
    }
}
