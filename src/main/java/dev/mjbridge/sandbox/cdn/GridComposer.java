package dev.mjbridge.sandbox.cdn;

/** Lays the four pictures of a job out as Midjourney's 2x2 grid: 1 2 on top, 3 4 below. */
public final class GridComposer {

    /** A rectangle of the grid, in pixels. */
    public record Region(int x, int y, int width, int height) {
    }

    private GridComposer() {
    }

    public static Pixels compose(String prompt, long seed, int width, int height) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a grid needs at least 2x2 pixels, was " + width + "x" + height);
        }
        Pixels grid = new Pixels(width, height);
        for (int picture = 1; picture <= 4; picture++) {
            Region region = quadrant(picture, width, height);
            grid.paste(PicturePainter.paint(prompt, seed, picture, region.width(), region.height()),
                    region.x(), region.y());
        }
        return grid;
    }

    /** Where picture {@code picture} (1-4) sits in a grid of the given size; odd sizes give the extra pixel to the right and bottom. */
    public static Region quadrant(int picture, int width, int height) {
        int leftWidth = width / 2;
        int topHeight = height / 2;
        boolean right = picture == 2 || picture == 4;
        boolean bottom = picture >= 3;
        return new Region(right ? leftWidth : 0, bottom ? topHeight : 0,
                right ? width - leftWidth : leftWidth, bottom ? height - topHeight : topHeight);
    }
}
