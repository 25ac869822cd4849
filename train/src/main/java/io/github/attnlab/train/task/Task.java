package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A distribution of training examples with a size parameter $N$ (the number of items to copy, the context of a
 * language model, ...), sampled from a caller's seeded {@link Random}: the same seed gives the same examples.
 */
public interface Task {

    /** A short name, e.g. {@code copy}. */
    String name();

    /** The number of input tokens (0 for vector inputs). */
    int vocabulary();

    /** The number of output classes (or regression dimensions). */
    int outputs();

    /** The sequence length of an example of size $N$. */
    int length(int size);

    /** One example of size $N$. */
    Example sample(Random random, int size);

    /** {@code count} examples of size $N$. */
    default List<Example> sample(Random random, int size, int count) {
        Check.notNull("random", random);
        Check.range("count", count, 0, Integer.MAX_VALUE);
        List<Example> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(sample(random, size));
        }
        return out;
    }
}
