package dev.mjbridge.sandbox.cdn.webp;

import dev.mjbridge.sandbox.cdn.Frames;
import dev.mjbridge.sandbox.cdn.Pixels;

import java.io.ByteArrayOutputStream;

/**
 * An animated WebP ("extended" format): a {@code VP8X} header announcing animation, an
 * {@code ANIM} chunk (background, loop forever), then one {@code ANMF} chunk per frame
 * holding a whole-canvas lossless frame from {@link WebpLosslessEncoder}. Frames are
 * opaque and replace the canvas (no blending, no disposal), so each stands on its own.
 */
public final class AnimatedWebpEncoder {

    private static final int FLAG_ANIMATION = 0x02;
    private static final int MAX_CANVAS = 1 << 24;
    /** ANMF flags: bit 1 set = do not blend with the previous canvas; bit 0 clear = no disposal. */
    private static final int NO_BLEND = 0x02;
    private static final int MAX_FRAME_MILLIS = (1 << 24) - 1;

    private AnimatedWebpEncoder() {
    }

    public static byte[] encode(Frames frames) {
        int width = frames.width();
        int height = frames.height();
        if (width > WebpLosslessEncoder.MAX_DIMENSION || height > WebpLosslessEncoder.MAX_DIMENSION
                || width > MAX_CANVAS || height > MAX_CANVAS) {
            throw new IllegalArgumentException("WebP frames are at most " + WebpLosslessEncoder.MAX_DIMENSION
                    + " pixels each way, was " + width + "x" + height);
        }
        byte[][] chunks = new byte[2 + frames.count()][];
        chunks[0] = RiffContainer.chunk("VP8X", vp8x(width, height));
        chunks[1] = RiffContainer.chunk("ANIM", anim());
        for (int i = 0; i < frames.count(); i++) {
            chunks[2 + i] = RiffContainer.chunk("ANMF", anmf(frames.frames().get(i), frameMillis(frames, i)));
        }
        return RiffContainer.file(chunks);
    }

    /**
     * How long frame {@code index} shows, in whole milliseconds. WebP cannot say 83.33 ms, so
     * each frame ends where the exact timeline would put it, keeping the total exact.
     */
    static int frameMillis(Frames frames, int index) {
        long end = Math.round((index + 1) * 1000.0 / frames.framesPerSecond());
        long start = Math.round(index * 1000.0 / frames.framesPerSecond());
        return (int) Math.min(MAX_FRAME_MILLIS, end - start);
    }

    private static byte[] vp8x(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        out.write(FLAG_ANIMATION); // no ICC, alpha, EXIF or XMP
        out.writeBytes(new byte[3]);
        writeU24(out, width - 1);
        writeU24(out, height - 1);
        return out.toByteArray();
    }

    private static byte[] anim() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6);
        out.writeBytes(new byte[] {0, 0, 0, (byte) 0xFF}); // background: opaque black, in B G R A order
        out.write(0); // loop count 0: forever
        out.write(0);
        return out.toByteArray();
    }

    private static byte[] anmf(Pixels frame, int millis) {
        byte[] image = RiffContainer.chunk("VP8L",
                WebpLosslessEncoder.bitstream(frame.rgb(), frame.width(), frame.height()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + image.length);
        writeU24(out, 0); // frame X / 2
        writeU24(out, 0); // frame Y / 2
        writeU24(out, frame.width() - 1);
        writeU24(out, frame.height() - 1);
        writeU24(out, millis);
        out.write(NO_BLEND);
        out.writeBytes(image);
        return out.toByteArray();
    }

    private static void writeU24(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
    }
}
