package dev.mjbridge.sandbox.cdn;

import java.util.List;

/** The frames of a moving picture, all of one size, shown {@code framesPerSecond} times a second. */
public record Frames(List<Pixels> frames, int framesPerSecond) {

    public Frames {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a moving picture needs at least one frame");
        }
        if (framesPerSecond < 1) {
            throw new IllegalArgumentException("frames per second must be positive, was " + framesPerSecond);
        }
        Pixels first = frames.get(0);
        for (Pixels frame : frames) {
            if (frame.width() != first.width() || frame.height() != first.height()) {
                throw new IllegalArgumentException("all frames must be " + first.width() + "x" + first.height());
            }
        }
    }

    /** A still picture as a one-frame moving picture. */
    public static Frames still(Pixels picture) {
        return new Frames(List.of(picture), 1);
    }

    public int count() {
        return frames.size();
    }

    public Pixels first() {
        return frames.get(0);
    }

    public int width() {
        return first().width();
    }

    public int height() {
        return first().height();
    }

    /** How long the whole sequence plays, in milliseconds. */
    public long durationMillis() {
        return Math.round(count() * 1000.0 / framesPerSecond);
    }
}
