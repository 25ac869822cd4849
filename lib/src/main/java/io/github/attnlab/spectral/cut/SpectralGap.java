package io.github.attnlab.spectral.cut;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.eigen.LaplacianSpectra.Method;
import io.github.attnlab.spectral.eigen.SolverOptions;
import io.github.attnlab.spectral.eigen.Spectrum;
import io.github.attnlab.spectral.graph.Components;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.LaplacianKind;
import java.util.Locale;

/**
 * The spectral gap $\lambda_2$ of a Laplacian (the Fiedler value, "algebraic connectivity" for
 * $L = D - W$) and its eigenvector, the Fiedler vector (Fiedler 1973; docs/papers/D.md §D item 1).
 *
 * <p>$\lambda_2 > 0$ exactly when the graph is connected. A disconnected graph has
 * $\lambda_2 = 0$; its Fiedler vector is then a null-space vector supported on one component
 * (the second), and {@link #components()} reports them all.
 *
 * @param kind       which Laplacian
 * @param lambda2    $\lambda_2$
 * @param fiedler    its unit eigenvector (sign convention of {@link Spectrum})
 * @param residual   $\|Lv - \lambda_2 v\|_2$
 * @param components the connected components
 */
public record SpectralGap(LaplacianKind kind, double lambda2, double[] fiedler, double residual, Components components) {

    /** Copies. */
    public SpectralGap {
        Check.notNull("fiedler", fiedler);
        fiedler = fiedler.clone();
    }

    /** The gap of a Laplacian, by {@link LaplacianSpectra}'s automatic choice of solver. */
    public static SpectralGap of(Laplacian l) {
        Check.notNull("l", l);
        return of(l, Method.AUTO, SolverOptions.DEFAULT);
    }

    /** The gap of a Laplacian by the given solver. */
    public static SpectralGap of(Laplacian l, Method method, SolverOptions options) {
        Check.notNull("l", l);
        Check.range("number of vertices", l.n(), 2, Integer.MAX_VALUE);
        Spectrum s = LaplacianSpectra.smallest(l, 2, method, options);
        return new SpectralGap(l.kind(), s.value(1), s.vector(1), s.residuals()[1], l.graph().components());
    }

    /** The Fiedler vector (a copy). */
    @Override
    public double[] fiedler() {
        return fiedler.clone();
    }

    /** Whether the graph is connected ($\lambda_2 > 0$). */
    public boolean connected() {
        return components.connected();
    }

    @Override
    public String toString() {
        String kindName = kind.name().toLowerCase(Locale.ROOT);
        return connected()
                ? String.format(Locale.ROOT, "SpectralGap[%s: lambda2 = %.6g (residual %.1e), connected]", kindName, lambda2, residual)
                : String.format(Locale.ROOT, "SpectralGap[%s: lambda2 = 0, disconnected: %s]", kindName, components);
    }
}
