package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import java.util.Arrays;

/**
 * Closed-form Laplacian spectra of the {@link StandardGraphs}, sorted increasingly
 * (Brouwer &amp; Haemers, <i>Spectra of Graphs</i>, 2012, §1.4; Chung 1997, §1.5).
 */
public final class KnownSpectra {

    private KnownSpectra() {
    }

    /** $L(P_n)$: $2 - 2\cos(\pi j / n)$, $j = 0..n-1$. */
    public static double[] path(int n) {
        return sorted(n, j -> 2 - 2 * Math.cos(Math.PI * j / n));
    }

    /** $L_{\mathrm{sym}}(P_n)$, $n \ge 2$: $1 - \cos(\pi j / (n-1))$, $j = 0..n-1$. */
    public static double[] pathNormalised(int n) {
        Check.range("n", n, 2, Integer.MAX_VALUE);
        return sorted(n, j -> 1 - Math.cos(Math.PI * j / (n - 1)));
    }

    /** $L(C_n)$: $2 - 2\cos(2\pi j / n)$; $L_{\mathrm{sym}}(C_n)$ is half of it (2-regular). */
    public static double[] cycle(int n) {
        return sorted(n, j -> 2 - 2 * Math.cos(2 * Math.PI * j / n));
    }

    /** $L(K_n)$: $0$ once and $n$ with multiplicity $n - 1$; $L_{\mathrm{sym}}$: $0$ and $n/(n-1)$. */
    public static double[] complete(int n) {
        return sorted(n, j -> j == 0 ? 0 : n);
    }

    /** $L(K_{1,n-1})$: $0$, $1$ with multiplicity $n - 2$, and $n$. */
    public static double[] star(int n) {
        return sorted(n, j -> j == 0 ? 0 : j == n - 1 ? n : 1);
    }

    /** $L(P_r \times P_c)$: all sums $\lambda_i(P_r) + \lambda_j(P_c)$ (Cartesian product). */
    public static double[] grid(int r, int c) {
        Check.positive("r", r);
        Check.positive("c", c);
        double[] a = path(r);
        double[] b = path(c);
        double[] s = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                s[i * c + j] = a[i] + b[j];
            }
        }
        Arrays.sort(s);
        return s;
    }

    private static double[] sorted(int n, java.util.function.IntToDoubleFunction f) {
        Check.range("n", n, 1, Integer.MAX_VALUE);
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = f.applyAsDouble(j);
        }
        Arrays.sort(s);
        return s;
    }
}
