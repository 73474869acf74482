package dev.mjbridge.discord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client side of {@code compress=zlib-stream}: one zlib context per connection, each message
 * ending in a sync flush ({@code 00 00 ff ff}), as a server writes it with {@link Deflater#SYNC_FLUSH}.
 */
class ZlibStreamDecoderTest {

    private final Deflater server = new Deflater();
    private final ZlibStreamDecoder decoder = new ZlibStreamDecoder();

    @AfterEach
    void close() {
        server.end();
        decoder.close();
    }

    @Test
    void decodesConsecutiveMessagesOfOneContext() throws DataFormatException {
        for (int i = 0; i < 5; i++) {
            String json = "{\"op\":0,\"s\":" + i + ",\"t\":\"MESSAGE_CREATE\",\"d\":{\"content\":\"**a cat " + i + "** ✨\"}}";
            assertThat(text(decoder.accept(ByteBuffer.wrap(compress(json))))).isEqualTo(json);
        }
    }

    @Test
    void waitsForTheFlushMarkerWhenAMessageIsSplitAcrossFrames() throws DataFormatException {
        String first = "{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}";
        assertThat(text(decoder.accept(ByteBuffer.wrap(compress(first))))).isEqualTo(first);

        String second = "{\"op\":0,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\"}}";
        byte[] bytes = compress(second);
        // Cut inside the four marker bytes too, so the marker itself spans frames.
        int[] cuts = {1, bytes.length - 2};
        assertThat(decoder.accept(ByteBuffer.wrap(bytes, 0, cuts[0]).slice())).isEmpty();
        assertThat(decoder.accept(ByteBuffer.wrap(bytes, cuts[0], cuts[1] - cuts[0]).slice())).isEmpty();
        assertThat(text(decoder.accept(ByteBuffer.wrap(bytes, cuts[1], bytes.length - cuts[1]).slice())))
                .isEqualTo(second);

        String third = "{\"op\":11}";
        assertThat(text(decoder.accept(ByteBuffer.wrap(compress(third))))).isEqualTo(third);
    }

    @Test
    void growsPastItsBufferForALargeMessageAndStillDecodesSmallOnesAfterIt() throws DataFormatException {
        // Random text compresses badly and inflates far beyond the initial output buffer.
        Random random = new Random(7);
        StringBuilder big = new StringBuilder("{\"d\":\"");
        for (int i = 0; i < 200_000; i++) {
            big.append((char) ('a' + random.nextInt(26)));
        }
        big.append("\"}");
        byte[] bytes = compress(big.toString());
        List<ByteBuffer> frames = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += 4096) {
            frames.add(ByteBuffer.wrap(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 4096))));
        }
        Optional<ZlibStreamDecoder.Message> last = Optional.empty();
        for (ByteBuffer frame : frames) {
            last = decoder.accept(frame);
        }
        assertThat(text(last)).isEqualTo(big.toString());

        String small = "{\"op\":11}";
        assertThat(text(decoder.accept(ByteBuffer.wrap(compress(small))))).isEqualTo(small);
    }

    @Test
    void readsAFrameFromADirectBufferWithItsPositionNotAtZero() throws DataFormatException {
        String json = "{\"op\":0,\"t\":\"MESSAGE_UPDATE\",\"d\":{}}";
        byte[] bytes = compress(json);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 3);
        direct.put(new byte[3]).put(bytes).flip().position(3);
        assertThat(text(decoder.accept(direct))).isEqualTo(json);
    }

    @Test
    void readsAReadOnlyFrame() throws DataFormatException {
        String json = "{\"op\":0,\"t\":\"MESSAGE_DELETE\",\"d\":{\"id\":\"1\"}}";
        assertThat(text(decoder.accept(ByteBuffer.wrap(compress(json)).asReadOnlyBuffer()))).isEqualTo(json);
        assertThat(text(decoder.accept(ByteBuffer.wrap(compress(json)).asReadOnlyBuffer()))).isEqualTo(json);
    }

    @Test
    void rejectsBytesThatAreNoZlibStream() {
        byte[] garbage = {1, 2, 3, 4, 5, 0, 0, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> decoder.accept(ByteBuffer.wrap(garbage))).isInstanceOf(DataFormatException.class);
    }

    private byte[] compress(String json) {
        server.setInput(json.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        int written;
        do {
            written = server.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, written);
        } while (written == buffer.length);
        return out.toByteArray();
    }

    private static String text(Optional<ZlibStreamDecoder.Message> message) {
        assertThat(message).isPresent();
        return new String(message.get().bytes(), 0, message.get().length(), StandardCharsets.UTF_8);
    }
}
