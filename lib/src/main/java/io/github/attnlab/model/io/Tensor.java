package io.github.attnlab.model.io;

import java.util.Arrays;

/**
 * A named dense float tensor in row-major order, as read from a weight file.
 *
 * @param name  the tensor's name (canonical model names after reading, e.g.
 *              {@code encoder.layer.0.attention.self.query.weight})
 * @param shape the dimensions, outermost first
 * @param data  the values, row-major; its length is the product of the dimensions
 */
public record Tensor(String name, int[] shape, float[] data) {

    /** Validates that the data length matches the shape. */
    public Tensor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tensor needs a name");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor " + name + ": negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, not " + data.length);
        }
    }

    /** The same values under another name. */
    public Tensor renamed(String newName) {
        return new Tensor(newName, shape, data);
    }

    /** Whether the shape equals the given dimensions. */
    public boolean hasShape(int... dims) {
        return Arrays.equals(shape, dims);
    }

    /** One line: name and shape. */
    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
