package dev.mjbridge.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Range} header asks of a file of a known size. Only one range is served: a header
 * naming several, or one that is not understood, is answered with the whole file (RFC 9110 lets a
 * server ignore Range), which every client handles.
 */
sealed interface ByteRange {

    /** Answer 200 with everything. */
    record Whole() implements ByteRange {
    }

    /** Answer 206 with bytes {@code first..last}, both included. */
    record Part(long first, long last) implements ByteRange {
        long length() {
            return last - first + 1;
        }
    }

    /** Answer 416: the range starts beyond the end (or asks for no bytes of the end). */
    record Unsatisfiable() implements ByteRange {
    }

    Pattern SINGLE = Pattern.compile("bytes=\\s*(\\d{0,18})-(\\d{0,18})\\s*");

    static ByteRange of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        Matcher matcher = SINGLE.matcher(header);
        if (!matcher.matches()) {
            return new Whole();
        }
        String from = matcher.group(1);
        String to = matcher.group(2);
        if (from.isEmpty() && to.isEmpty()) {
            return new Whole();
        }
        if (from.isEmpty()) {
            // bytes=-n: the last n bytes, all of them when the file is shorter.
            long suffix = Long.parseLong(to);
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(from);
        Long last = to.isEmpty() ? null : Long.parseLong(to);
        if (last != null && last < first) {
            return new Whole(); // not a valid range at all: ignored
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(first, last == null ? size - 1 : Math.min(last, size - 1));
    }
}
