package io.github.attnlab.compact.train;

import java.util.Random;

/** A distribution of in-context episodes: what the heads are trained and evaluated on. */
public interface Task {

    /** A fresh episode with {@code length} context pairs, drawn with {@code random}. */
    Episode sample(Random random, int length);

    /** The input dimension $d$. */
    int inputDim();

    /** The value dimension $d_v$. */
    int valueDim();

    /** A short name for tables. */
    String name();
}
