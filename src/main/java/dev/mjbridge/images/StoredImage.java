package dev.mjbridge.images;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A stored file held open: its description and its bytes, read from the very file the description
 * was taken from, so a replacement stored meanwhile cannot mix with it.
 */
public final class StoredImage implements Closeable {

    private static final int CHUNK = 64 * 1024;

    private final ImageInfo info;
    private final FileChannel channel;

    StoredImage(ImageInfo info, FileChannel channel) {
        this.info = info;
        this.channel = channel;
    }

    public ImageInfo info() {
        return info;
    }

    /**
     * Copies {@code length} bytes from {@code offset} to {@code out}, a chunk at a time (files are
     * never loaded whole into memory).
     */
    public void copyTo(OutputStream out, long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > info.size()) {
            throw new IllegalArgumentException("bytes " + offset + "+" + length + " are outside 0.." + info.size());
        }
        WritableByteChannel target = Channels.newChannel(out);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(length, 1)));
        long position = offset;
        long end = offset + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException(info.key() + ": the file ended early");
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                target.write(buffer);
            }
            position += read;
        }
    }

    /** The whole content as a stream (for callers that pass it on rather than serve it). */
    public InputStream stream() throws IOException {
        return Channels.newInputStream(channel.position(0L));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
