package io.github.attnlab.model.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protocol-buffer writer for building test files (checkpoint entries, ONNX models). */
public final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoWriter varint(int field, long v) {
        tag(field, 0);
        raw(v);
        return this;
    }

    public ProtoWriter fixed32(int field, int v) {
        tag(field, 5);
        for (int i = 0; i < 4; i++) {
            out.write(v >>> (8 * i));
        }
        return this;
    }

    public ProtoWriter bytes(int field, byte[] b) {
        tag(field, 2);
        raw(b.length);
        out.writeBytes(b);
        return this;
    }

    public ProtoWriter string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter message(int field, ProtoWriter m) {
        return bytes(field, m.toBytes());
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private void tag(int field, int wire) {
        raw((long) field << 3 | wire);
    }

    public void raw(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }
}
