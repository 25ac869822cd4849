package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A loss and its gradient with respect to every parameter tensor of a {@link Transformer}, by name.
 *
 * @param loss    the mean loss over scored positions
 * @param tensors the gradient of each tensor, {@code rows × cols} as in {@link Transformer#weights(String)}
 */
public record Gradient(double loss, Map<String, double[][]> tensors) {

    /** Copies the tensors. */
    public Gradient {
        Map<String, double[][]> c = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : tensors.entrySet()) {
            c.put(e.getKey(), deep(e.getValue()));
        }
        tensors = java.util.Collections.unmodifiableMap(c);
    }

    /** A copy of one tensor's gradient. */
    public double[][] of(String name) {
        double[][] g = tensors.get(Check.notNull("name", name));
        if (g == null) {
            throw new IllegalArgumentException("name = " + name + " is not a parameter; one of " + List.copyOf(tensors.keySet()));
        }
        return deep(g);
    }

    /** The Euclidean norm of the whole gradient. */
    public double norm() {
        double s = 0;
        for (double[][] m : tensors.values()) {
            for (double[] r : m) {
                for (double v : r) {
                    s += v * v;
                }
            }
        }
        return Math.sqrt(s);
    }

    private static double[][] deep(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Gradient[loss %.6f, norm %.4g, %d tensors]", loss, norm(), tensors.size());
    }
}
