package dev.mjbridge.sandbox.cdn.video;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one ISO base media file format box: a 32-bit size, a four-character type, then
 * the content in big-endian order. Child boxes are built separately and added whole.
 */
final class BoxWriter {

    private final String type;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    private BoxWriter(String type) {
        if (type.length() != 4) {
            throw new IllegalArgumentException("box types have four characters: " + type);
        }
        this.type = type;
    }

    static BoxWriter box(String type) {
        return new BoxWriter(type);
    }

    /** A "full box": version and 24 bits of flags come first. */
    static BoxWriter fullBox(String type, int version, int flags) {
        return new BoxWriter(type).u8(version).u24(flags);
    }

    BoxWriter u8(int value) {
        content.write(value);
        return this;
    }

    BoxWriter u16(int value) {
        content.write(value >>> 8);
        content.write(value);
        return this;
    }

    BoxWriter u24(int value) {
        content.write(value >>> 16);
        return u16(value);
    }

    BoxWriter u32(long value) {
        u16((int) (value >>> 16));
        return u16((int) value);
    }

    BoxWriter zeros(int count) {
        content.writeBytes(new byte[count]);
        return this;
    }

    BoxWriter fourCc(String code) {
        content.writeBytes(code.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    BoxWriter bytes(byte[] data) {
        content.writeBytes(data);
        return this;
    }

    /** The unity transformation matrix of movie and track headers (16.16 and 2.30 fixed point). */
    BoxWriter unityMatrix() {
        return u32(0x00010000).u32(0).u32(0)
                .u32(0).u32(0x00010000).u32(0)
                .u32(0).u32(0).u32(0x40000000);
    }

    byte[] build() {
        byte[] body = content.toByteArray();
        ByteArrayOutputStream box = new ByteArrayOutputStream(body.length + 8);
        int size = body.length + 8;
        box.write(size >>> 24);
        box.write(size >>> 16);
        box.write(size >>> 8);
        box.write(size);
        box.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        box.writeBytes(body);
        return box.toByteArray();
    }
}
