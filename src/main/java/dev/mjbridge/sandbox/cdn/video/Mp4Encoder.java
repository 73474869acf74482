package dev.mjbridge.sandbox.cdn.video;

import dev.mjbridge.sandbox.cdn.Frames;

import java.util.ArrayList;
import java.util.List;

/** A moving picture as a playable MP4 file: H.264 ({@link H264PcmEncoder}) in an MP4 container ({@link Mp4Muxer}). */
public final class Mp4Encoder {

    private Mp4Encoder() {
    }

    /** Encodes the frames; width and height must be even. */
    public static byte[] encode(Frames frames) {
        H264PcmEncoder encoder = new H264PcmEncoder(frames.width(), frames.height());
        List<byte[]> coded = new ArrayList<>(frames.count());
        for (int i = 0; i < frames.count(); i++) {
            coded.add(encoder.frame(frames.frames().get(i), i & 1));
        }
        return Mp4Muxer.mux(encoder.sequenceParameterSet(), encoder.pictureParameterSet(), coded,
                frames.width(), frames.height(), frames.framesPerSecond());
    }
}
