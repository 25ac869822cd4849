package io.github.attnlab.model.io;

import io.github.attnlab.core.Check;
import java.util.Arrays;

/**
 * A named dense float tensor in row-major order, as read from a weight file.
 *
 * <p>Immutable: {@link #of} copies the arrays it is given, and {@link #shape()} and {@link #data()} return copies
 * (read the data once, not element by element through {@code data()}). The readers of this package build tensors
 * from arrays they own, without copying.
 */
public final class Tensor {

    private final String name;
    private final int[] shape;
    private final float[] data;

    /** A tensor over arrays the caller hands over (not copied); validates that the data length matches the shape. */
    Tensor(String name, int[] shape, float[] data) {
        Check.notNull("name", name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank: a tensor needs a name");
        }
        Check.notNull("shape", shape);
        Check.notNull("data", data);
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of tensor " + name
                        + " has a negative dimension");
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, but shape "
                    + Arrays.toString(shape) + " of tensor " + name + " needs " + n);
        }
        this.name = name;
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor named {@code name} with the given dimensions (outermost first) and row-major values (both copied).
     *
     * @param name canonical model names after reading, e.g. {@code encoder.layer.0.attention.self.query.weight}
     */
    public static Tensor of(String name, int[] shape, float[] data) {
        return new Tensor(name, Check.notNull("shape", shape).clone(), Check.notNull("data", data).clone());
    }

    /** The tensor's name. */
    public String name() {
        return name;
    }

    /** The dimensions, outermost first (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The values, row-major (a copy); its length is the product of the dimensions. */
    public float[] data() {
        return data.clone();
    }

    /** The number of values. */
    public int size() {
        return data.length;
    }

    /** The same values under another name (shared, not copied: both are immutable). */
    public Tensor renamed(String newName) {
        Check.notNull("newName", newName);
        if (newName.isBlank()) {
            throw new IllegalArgumentException("newName is blank: a tensor needs a name");
        }
        return new Tensor(newName, shape, data);
    }

    /** Whether the shape equals the given dimensions. */
    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }

    /** Same name, shape and values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor && ((Tensor) o).name.equals(name) && Arrays.equals(((Tensor) o).shape, shape)
                && Arrays.equals(((Tensor) o).data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    /** One line: name and shape. */
    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
