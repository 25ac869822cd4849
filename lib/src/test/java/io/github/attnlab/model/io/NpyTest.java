package io.github.attnlab.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files and float16 conversions against numpy's bytes and exhaustive checks. */
class NpyTest {

    /** The first 128 bytes numpy 2.4 writes for np.save(np.zeros((2, 3), dtype='<f2')). */
    private static final String NUMPY_HEADER_2x3_F2 = "\u0093NUMPY\u0001\u0000v\u0000{'descr': '<f2', 'fortran_order': False,"
            + " 'shape': (2, 3), }" + " ".repeat(58) + "\n";
    /** The same for np.zeros((5,), dtype='<i4'). */
    private static final String NUMPY_HEADER_5_I4 = "\u0093NUMPY\u0001\u0000v\u0000{'descr': '<i4', 'fortran_order': False,"
            + " 'shape': (5,), }" + " ".repeat(60) + "\n";

    @TempDir
    Path dir;

    @Test
    void headersAreByteForByteNumpys() throws Exception {
        byte[] f = Npy.toBytes("x", Npy.Type.FLOAT16, new int[] {2, 3}, new float[6]);
        assertEquals(NUMPY_HEADER_2x3_F2, new String(f, 0, 128, StandardCharsets.ISO_8859_1));
        assertEquals(128 + 12, f.length);
        Path p = dir.resolve("i.npy");
        Npy.write(p, new int[] {5}, new int[] {1, -2, 3, 4, 5});
        byte[] i = Files.readAllBytes(p);
        assertEquals(NUMPY_HEADER_5_I4, new String(i, 0, 128, StandardCharsets.ISO_8859_1));
        int[][] shape = new int[1][];
        assertArrayEquals(new int[] {1, -2, 3, 4, 5}, Npy.readInts(p, shape));
        assertArrayEquals(new int[] {5}, shape[0]);
    }

    @Test
    void floatsRoundTrip() {
        Random r = new Random(2);
        float[] v = new float[4 * 5 * 7];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 30);
        }
        Path p32 = dir.resolve("a.npy");
        Npy.write(p32, Npy.Type.FLOAT32, new int[] {4, 5, 7}, v);
        Tensor t = Npy.readFloats(p32);
        assertArrayEquals(new int[] {4, 5, 7}, t.shape());
        assertArrayEquals(v, t.data());
        Path p16 = dir.resolve("b.npy");
        Npy.write(p16, Npy.Type.FLOAT16, new int[] {4, 5, 7}, v);
        float[] h = Npy.readFloats(p16).data();
        for (int i = 0; i < v.length; i++) {
            assertEquals(Half.toFloat(Half.fromFloat(v[i])), h[i]);
        }
    }

    @Test
    void everyHalfRoundTripsAndRoundingIsNearest() {
        for (int b = 0; b < 65536; b++) {
            short h = (short) b;
            float f = Half.toFloat(h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
            } else {
                assertEquals(h, Half.fromFloat(f), "half bits " + Integer.toHexString(b));
            }
        }
        Random r = new Random(4);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) (Math.exp(r.nextDouble() * 30 - 20) * (r.nextBoolean() ? 1 : -1));
            short h = Half.fromFloat(x);
            float y = Half.toFloat(h);
            // no other half lies strictly closer: compare with both neighbours
            float up = Half.toFloat((short) (h + 1));
            float down = Half.toFloat((short) (h - 1));
            if (Float.isFinite(y) && Float.isFinite(up) && Float.isFinite(down) && (h & 0x7fff) != 0) {
                assertTrue(Math.abs(y - x) <= Math.abs(up - x) && Math.abs(y - x) <= Math.abs(down - x),
                        x + " -> " + y + " but " + up + " or " + down + " is closer");
            }
        }
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(70000f)));
        assertEquals(65504f, Half.toFloat(Half.fromFloat(65519f)));
    }

    @Test
    void truncatedAndForeignFilesAreClearErrors() throws Exception {
        Path p = dir.resolve("t.npy");
        Npy.write(p, Npy.Type.FLOAT16, new int[] {3, 4}, new float[12]);
        byte[] all = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(all, all.length - 5));
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.readFloats(p));
        assertTrue(e.getMessage().contains("t.npy") && e.getMessage().contains("truncated"), e.getMessage());
        Files.writeString(p, "hello, not numpy");
        e = assertThrows(IllegalArgumentException.class, () -> Npy.readFloats(p));
        assertTrue(e.getMessage().contains("not a .npy file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Npy.toBytes("w", Npy.Type.FLOAT16, new int[] {2, 2}, new float[3]));
        assertTrue(e.getMessage().contains("does not hold 3 values"), e.getMessage());
    }
}
