package io.github.attnlab.model.io;

import io.github.attnlab.core.Check;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format (version 1.0), for little-endian float16, float32 and int32 arrays.
 *
 * <p>A file is the magic {@code \x93NUMPY}, the version, a 16-bit header length, a Python dict
 * literal {@code {'descr': '<f2', 'fortran_order': False, 'shape': (12, 128), }} padded with spaces
 * to a multiple of 64 bytes, then the values in C order. Files written here are byte-for-byte what
 * {@code numpy.save} writes for the same array, so they load with {@code numpy.load}.
 */
public final class Npy {

    /** Element type of an array file. */
    public enum Type {
        /** {@code <f2}: IEEE binary16. */
        FLOAT16("<f2", 2),
        /** {@code <f4}: IEEE binary32. */
        FLOAT32("<f4", 4),
        /** {@code <i4}: 32-bit signed integers. */
        INT32("<i4", 4);

        final String descr;
        final int bytes;

        Type(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }
    }

    private static final int GROWTH_DIGITS = 21;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([<|>]?[a-z]\\d)', 'fortran_order': (True|False), 'shape': \\(([\\d, ]*)\\), \\}\\s*");

    private Npy() {
    }

    /** Writes floats as {@code type} (FLOAT16 or FLOAT32) with the given shape. */
    public static void write(Path file, Type type, int[] shape, float[] values) {
        Check.notNull("file", file);
        Check.notNull("type", type);
        Check.notNull("shape", shape);
        Check.notNull("values", values);
        save(file, ByteBuffer.wrap(toBytes(file.toString(), type, shape, values)));
    }

    /** The bytes of a {@code .npy} file holding floats as {@code type} (FLOAT16 or FLOAT32). */
    public static byte[] toBytes(String name, Type type, int[] shape, float[] values) {
        Check.notNull("type", type);
        Check.notNull("shape", shape);
        Check.notNull("values", values);
        checkCount(name, shape, values.length);
        ByteBuffer b = header(type, shape, values.length);
        for (float v : values) {
            if (type == Type.FLOAT16) {
                b.putShort(Half.fromFloat(v));
            } else if (type == Type.FLOAT32) {
                b.putFloat(v);
            } else {
                throw new IllegalArgumentException(name + ": floats cannot be written as " + type);
            }
        }
        return b.array();
    }

    /** Writes 32-bit integers with the given shape. */
    public static void write(Path file, int[] shape, int[] values) {
        Check.notNull("file", file);
        Check.notNull("shape", shape);
        Check.notNull("values", values);
        checkCount(file.toString(), shape, values.length);
        ByteBuffer b = header(Type.INT32, shape, values.length);
        for (int v : values) {
            b.putInt(v);
        }
        save(file, b);
    }

    /** Reads a float16 or float32 file as floats, named after the file. */
    public static Tensor readFloats(Path file) {
        Check.notNull("file", file);
        return readFloats(file, load(file));
    }

    /** Parses the bytes of a float16 or float32 file (named {@code file} in errors) as floats. */
    public static Tensor readFloats(Path file, byte[] all) {
        Check.notNull("file", file);
        Check.notNull("all", all);
        Object[] h = parse(file, all);
        Type t = (Type) h[0];
        int[] shape = (int[]) h[1];
        ByteBuffer b = (ByteBuffer) h[2];
        float[] v = new float[count(shape)];
        if (t == Type.FLOAT16) {
            for (int i = 0; i < v.length; i++) {
                v[i] = Half.toFloat(b.getShort());
            }
        } else if (t == Type.FLOAT32) {
            b.asFloatBuffer().get(v);
        } else {
            throw new IllegalArgumentException(file + ": holds " + t.descr + ", not floats");
        }
        return new Tensor(file.getFileName().toString(), shape, v);
    }

    /** Reads an int32 file; {@code shape[0]} receives its shape when not null. */
    public static int[] readInts(Path file, int[][] shape) {
        Check.notNull("file", file);
        if (shape != null && shape.length < 1) {
            throw new IllegalArgumentException("shape has length 0: pass null, or an array of length 1 to receive it");
        }
        byte[] all = load(file);
        Object[] h = parse(file, all);
        if (h[0] != Type.INT32) {
            throw new IllegalArgumentException(file + ": holds " + ((Type) h[0]).descr + ", not <i4");
        }
        int[] s = (int[]) h[1];
        int[] v = new int[count(s)];
        ((ByteBuffer) h[2]).asIntBuffer().get(v);
        if (shape != null) {
            shape[0] = s;
        }
        return v;
    }

    private static Object[] parse(Path file, byte[] all) {
        if (all.length < 10 || !Arrays.equals(Arrays.copyOf(all, 6), MAGIC)) {
            throw new IllegalArgumentException(file + ": not a .npy file (no \\x93NUMPY magic)");
        }
        if (all[6] != 1) {
            throw new IllegalArgumentException(file + ": .npy version " + all[6] + "." + all[7] + " is not supported (1.0 is)");
        }
        int hlen = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        if (10 + hlen > all.length) {
            throw new IllegalArgumentException(file + ": header of " + hlen + " bytes but the file has " + all.length
                    + ": truncated");
        }
        String header = new String(all, 10, hlen, StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new IllegalArgumentException(file + ": unsupported .npy header " + header.trim());
        }
        if (m.group(2).equals("True")) {
            throw new IllegalArgumentException(file + ": Fortran-order arrays are not supported");
        }
        Type type = Arrays.stream(Type.values()).filter(t -> t.descr.equals(m.group(1))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": dtype " + m.group(1)
                        + " is not supported (<f2, <f4, <i4 are)"));
        String[] parts = m.group(3).split(",");
        int[] shape = Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long need = (long) count(shape) * type.bytes;
        long have = all.length - 10L - hlen;
        if (have != need) {
            throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape) + " of " + type.descr + " needs "
                    + need + " data bytes but the file has " + have + (have < need ? ": truncated" : ": trailing bytes"));
        }
        ByteBuffer b = ByteBuffer.wrap(all, 10 + hlen, (int) have).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Object[] {type, shape, b};
    }

    private static ByteBuffer header(Type type, int[] shape, int count) {
        StringBuilder s = new StringBuilder();
        for (int d : shape) {
            s.append(d).append(", ");
        }
        String dims = shape.length == 1 ? shape[0] + "," : s.length() == 0 ? "" : s.substring(0, s.length() - 2);
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", type.descr, dims);
        // numpy.save leaves room to grow the first axis in place, then pads to a multiple of 64
        String grown = dict + (shape.length > 0 ? " ".repeat(GROWTH_DIGITS - Integer.toString(shape[0]).length()) : "");
        int hlen = grown.length() + 1;
        int pad = 64 - (10 + hlen) % 64;
        String header = grown + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + count * type.bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    private static void checkCount(String file, int[] shape, int n) {
        if (count(shape) != n) {
            throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape) + " does not hold " + n + " values");
        }
    }

    private static int count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    private static void save(Path file, ByteBuffer b) {
        try {
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] load(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
