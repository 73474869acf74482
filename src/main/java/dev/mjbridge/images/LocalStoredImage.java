package dev.mjbridge.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file of the {@link LocalImageStore} held open: its bytes are read from the very file the
 * description was taken from, so a replacement stored meanwhile cannot mix with it.
 */
final class LocalStoredImage implements StoredImage {

    private static final int CHUNK = 64 * 1024;

    private final ImageInfo info;
    private final FileChannel channel;

    LocalStoredImage(ImageInfo info, FileChannel channel) {
        this.info = info;
        this.channel = channel;
    }

    @Override
    public ImageInfo info() {
        return info;
    }

    /** Reads a chunk at a time: files are never loaded whole into memory. */
    @Override
    public void copyTo(OutputStream out, long offset, long length) throws IOException {
        StoredImage.checkRange(info, offset, length);
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

    @Override
    public InputStream stream() throws IOException {
        return Channels.newInputStream(channel.position(0L));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
