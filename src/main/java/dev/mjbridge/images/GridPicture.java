package dev.mjbridge.images;

/**
 * One picture of a grid, as a PNG: {@code position} 0 to 3 in grid order (top-left, top-right,
 * bottom-left, bottom-right), the same numbering as Midjourney's {@code 0_<n>} files.
 */
public record GridPicture(int position, int width, int height, byte[] png) {

    @Override
    public String toString() {
        return "GridPicture[position=" + position + ", " + width + "x" + height + ", " + png.length + " bytes]";
    }
}
