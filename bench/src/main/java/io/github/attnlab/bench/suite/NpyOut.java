package io.github.attnlab.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the peers' inputs as {@code .npy} (version 1.0, little-endian, C order): float32, float64 and
 * int32 arrays of any shape. (The library's {@code Npy} writes float16, float32 and int32 only.)
 */
public final class NpyOut {

    private NpyOut() {
    }

    public static void write(Path file, int[] shape, float[] v) {
        ByteBuffer b = body("<f4", shape, v.length, 4);
        b.asFloatBuffer().put(v);
        save(file, shape, "<f4", b);
    }

    public static void write(Path file, int[] shape, double[] v) {
        ByteBuffer b = body("<f8", shape, v.length, 8);
        b.asDoubleBuffer().put(v);
        save(file, shape, "<f8", b);
    }

    public static void write(Path file, int[] shape, int[] v) {
        ByteBuffer b = body("<i4", shape, v.length, 4);
        b.asIntBuffer().put(v);
        save(file, shape, "<i4", b);
    }

    /** The header: magic, version 1.0, length, and the dictionary padded with spaces to a multiple of 64 bytes. */
    static byte[] header(String descr, int[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (int d : shape) {
            s.append(d).append(", ");
        }
        String dims = shape.length == 1 ? s.substring(0, s.length() - 1) + ")"
                : shape.length == 0 ? "()" : s.substring(0, s.length() - 2) + ")";
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String text = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer h = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        h.putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

    private static ByteBuffer body(String descr, int[] shape, int count, int bytes) {
        if (shape == null) {
            throw new IllegalArgumentException("shape is null");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape has a negative dimension " + d);
            }
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("shape holds " + n + " elements but values has " + count);
        }
        return ByteBuffer.allocate(count * bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void save(Path file, int[] shape, String descr, ByteBuffer body) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap(header(descr, shape)));
            body.rewind();
            while (body.hasRemaining()) {
                ch.write(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
