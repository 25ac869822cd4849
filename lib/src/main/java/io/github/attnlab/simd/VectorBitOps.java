package io.github.attnlab.simd;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} loops on bit rows ({@code long[]} words) behind {@link VectorSimdOps}; like
 * it, reached only when the vector path was loaded. OR is exact, so these give the scalar path's bits.
 */
final class VectorBitOps {

    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    private VectorBitOps() {
    }

    /** See {@link SimdOps#orRows}. Rows shorter than two vectors go to the scalar loop. */
    static void orRows(long[] rows, int words, int[] idx, int off, int len, long[] out, int outOff) {
        int step = L.length();
        if (words < 2 * step) {
            ScalarSimdOps.INSTANCE.orRows(rows, words, idx, off, len, out, outOff);
            return;
        }
        int end = off + len;
        int c = 0;
        // four vectors of words per pass over the keys: the union stays in registers, one store per chunk
        for (int bound = words - 4 * step; c <= bound; c += 4 * step) {
            LongVector a0 = LongVector.zero(L);
            LongVector a1 = a0;
            LongVector a2 = a0;
            LongVector a3 = a0;
            for (int i = off; i < end; i++) {
                int base = idx[i] * words + c;
                a0 = a0.or(LongVector.fromArray(L, rows, base));
                a1 = a1.or(LongVector.fromArray(L, rows, base + step));
                a2 = a2.or(LongVector.fromArray(L, rows, base + 2 * step));
                a3 = a3.or(LongVector.fromArray(L, rows, base + 3 * step));
            }
            a0.intoArray(out, outOff + c);
            a1.intoArray(out, outOff + c + step);
            a2.intoArray(out, outOff + c + 2 * step);
            a3.intoArray(out, outOff + c + 3 * step);
        }
        for (int bound = words - step; c <= bound; c += step) {
            LongVector a = LongVector.zero(L);
            for (int i = off; i < end; i++) {
                a = a.or(LongVector.fromArray(L, rows, idx[i] * words + c));
            }
            a.intoArray(out, outOff + c);
        }
        for (; c < words; c++) {
            long a = 0;
            for (int i = off; i < end; i++) {
                a |= rows[idx[i] * words + c];
            }
            out[outOff + c] = a;
        }
    }
}
