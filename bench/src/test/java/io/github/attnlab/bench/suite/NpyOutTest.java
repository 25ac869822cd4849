package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.attnlab.model.io.Npy;
import io.github.attnlab.model.io.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyOutTest {

    @TempDir
    Path dir;

    @Test
    void headerIsPaddedToSixtyFourBytes() {
        for (int[] shape : new int[][] {{7}, {2, 3}, {16777216}, {1, 2, 3, 4}}) {
            byte[] h = NpyOut.header("<f8", shape);
            assertEquals(0, h.length % 64);
            assertEquals('\n', h[h.length - 1]);
            int len = (h[8] & 0xff) | (h[9] & 0xff) << 8;
            assertEquals(h.length - 10, len);
        }
        String s = new String(NpyOut.header("<f4", new int[] {5}), StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", s.substring(10).strip());
    }

    @Test
    void floatsReadBackByTheLibrarysReader() {
        float[] v = {1.5f, -2f, 3.25f, Float.MIN_VALUE, 0f, 7f};
        Path f = dir.resolve("a.npy");
        NpyOut.write(f, new int[] {2, 3}, v);
        Tensor t = Npy.readFloats(f);
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertArrayEquals(v, t.data());
        int[][] shape = new int[1][];
        int[] ints = {3, -1, 7};
        NpyOut.write(dir.resolve("i.npy"), new int[] {3}, ints);
        assertArrayEquals(ints, Npy.readInts(dir.resolve("i.npy"), shape));
    }

    @Test
    void refusesAShapeThatDoesNotMatch() {
        assertThrows(IllegalArgumentException.class, () -> NpyOut.write(dir.resolve("b.npy"), new int[] {4}, new double[3]));
    }
}
