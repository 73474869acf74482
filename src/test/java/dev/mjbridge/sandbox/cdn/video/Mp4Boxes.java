package dev.mjbridge.sandbox.cdn.video;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A reader of ISO base media file boxes written for the tests, independent of the muxer. */
final class Mp4Boxes {

    /** One box: its type and where its content lies in the file. */
    record Box(byte[] file, String type, int start, int size) {

        int contentStart() {
            return start + 8;
        }

        int end() {
            return start + size;
        }

        /** The boxes inside, after {@code skip} bytes of this box's own fields. */
        List<Box> children(int skip) {
            return parse(file, contentStart() + skip, end());
        }

        Box child(String childType, int skip) {
            return children(skip).stream().filter(box -> box.type.equals(childType)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + childType + " in " + type));
        }

        /** Big-endian unsigned integer of {@code bytes} bytes at {@code offset} into the content. */
        long number(int offset, int bytes) {
            return Mp4Boxes.number(file, contentStart() + offset, bytes);
        }

        String fourCc(int offset) {
            return new String(file, contentStart() + offset, 4, StandardCharsets.US_ASCII);
        }
    }

    private Mp4Boxes() {
    }

    static List<Box> parse(byte[] file, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            int size = (int) number(file, at, 4);
            if (size < 8 || at + size > to) {
                throw new AssertionError("box at " + at + " has impossible size " + size);
            }
            boxes.add(new Box(file, new String(file, at + 4, 4, StandardCharsets.US_ASCII), at, size));
            at += size;
        }
        return boxes;
    }

    static long number(byte[] bytes, int offset, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    /** The path {@code moov/trak/mdia/minf/stbl} and so on, from the top level. */
    static Box path(byte[] file, String... types) {
        List<Box> level = parse(file, 0, file.length);
        Box found = null;
        for (String type : types) {
            found = level.stream().filter(box -> box.type().equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type));
            level = switch (type) {
                case "moov", "trak", "mdia", "minf", "dinf", "stbl" -> found.children(0);
                default -> List.of();
            };
        }
        return found;
    }
}
