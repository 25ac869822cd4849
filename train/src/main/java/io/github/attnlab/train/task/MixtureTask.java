package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.measure.EmpiricalMeasure;
import io.github.attnlab.measure.MixtureContext;
import io.github.attnlab.measure.ShrinkageReference;
import io.github.attnlab.train.Example;
import java.util.List;
import java.util.Random;

/**
 * Paper F.1's recall-and-predict task ({@link MixtureContext}, Kawata and Suzuki 2026) as regression examples for ERM:
 * the size $N$ is the number of context tokens per component $n$, a sequence is the $I n$ context tokens followed by
 * the query, and only the query's position is scored.
 *
 * <p>Each token $(e_i, \cos z, \sin z)$ is fed as $(e_i, \cos z, \sin z, \dots, \cos Kz, \sin Kz, f)$ with $K$
 * {@code harmonics} and $f = 1$ for the query, 0 for the context: the first $K$ Fourier features of the angle (the
 * embedding under which a linear value map can carry the projection estimator's moments, {@code FourierFeatures}).
 * The target is the query component's density at the query angle, centred and scaled,
 * $t = 2\pi\,p_{i^*}(z_q) - 1 = 2\sum_k (C_k\cos kz_q + S_k\sin kz_q)$, so that $0$ is the uniform density's prediction.
 */
public final class MixtureTask implements Task {

    private final MixtureContext mixture;
    private final int harmonics;
    private final double s;
    private final double amplitude;
    private final int terms;

    private MixtureTask(MixtureContext mixture, int harmonics, double s, double amplitude, int terms) {
        this.mixture = mixture;
        this.harmonics = harmonics;
        this.s = s;
        this.amplitude = amplitude;
        this.terms = terms;
    }

    /**
     * The task on one fixed {@code mixture} with {@code harmonics} Fourier features per token. Every episode draws from
     * the same densities, so the target is a function of the query alone and the context carries no information a
     * model needs: a control, not associative memory (use {@link #random}).
     */
    public static MixtureTask of(MixtureContext mixture, int harmonics) {
        Check.notNull("mixture", mixture);
        return new MixtureTask(mixture, Check.range("harmonics", harmonics, 1, 1024), 0, 0, 0);
    }

    /**
     * Associative memory: every episode draws its own $I$ densities ({@link MixtureContext#random} with decay $s$,
     * amplitude $A$, $M$ terms, seeded from the caller's generator), so the target can only be predicted by reading
     * the query's component from the context.
     *
     * @throws IllegalArgumentException when the class is invalid ({@link MixtureContext#random})
     */
    public static MixtureTask random(int components, double s, double amplitude, int terms, int harmonics) {
        MixtureContext probe = MixtureContext.random(components, s, amplitude, terms, 0); // validates the class
        return new MixtureTask(probe, Check.range("harmonics", harmonics, 1, 1024), s, amplitude, terms);
    }

    /** Whether every episode draws fresh densities ({@link #random}). */
    public boolean fresh() {
        return terms > 0;
    }

    /**
     * The Bayes-optimal linear shrinkage reference for this class ({@link ShrinkageReference}, every harmonic): the
     * predictor that knows which tokens are the query's component, on the target scale of {@link #example}.
     *
     * @throws IllegalStateException for a task on one fixed mixture ({@link #of}), whose densities are not random
     */
    public ShrinkageReference reference() {
        Check.state(fresh(), "reference() needs fresh densities per episode (MixtureTask.random)");
        return ShrinkageReference.of(s, amplitude, terms);
    }

    /** The fixed mixture ({@link #of}), or for {@link #random} one draw of the class (seed 0). */
    public MixtureContext mixture() {
        return mixture;
    }

    /** An episode with {@code size} tokens per component, drawn with {@code random} (densities too, if fresh). */
    public MixtureContext.Episode episode(Random random, int size) {
        Check.notNull("random", random);
        Check.positive("size", size);
        MixtureContext m = fresh() ? MixtureContext.random(mixture.components(), s, amplitude, terms, random.nextLong())
                : mixture;
        return m.episode(size, random);
    }

    /** $K$. */
    public int harmonics() {
        return harmonics;
    }

    /** The input dimension $I + 2K + 1$. */
    public int inputDim() {
        return mixture.components() + 2 * harmonics + 1;
    }

    @Override
    public String name() {
        return "mixture";
    }

    @Override
    public int vocabulary() {
        return 0;
    }

    @Override
    public int outputs() {
        return 1;
    }

    /** $I n + 1$. */
    @Override
    public int length(int size) {
        Check.positive("size", size);
        return mixture.components() * size + 1;
    }

    /** The example of {@link #episode}{@code (random, size)}. */
    @Override
    public Example sample(Random random, int size) {
        return example(episode(random, size));
    }

    /** The example of an episode (see the class comment). */
    public Example example(MixtureContext.Episode episode) {
        Check.notNull("episode", episode);
        EmpiricalMeasure ctx = episode.context();
        int n = (int) ctx.size();
        int count = mixture.components();
        double[][] in = new double[n + 1][];
        double[][] target = new double[n + 1][];
        for (int j = 0; j < n; j++) {
            double[] y = ctx.point(j);
            int c = -1;
            for (int i = 0; i < count; i++) {
                if (y[i] == 1) {
                    c = i;
                }
            }
            in[j] = row(c, Math.atan2(y[count + 1], y[count]), false);
        }
        in[n] = row(episode.component(), episode.angle(), true);
        target[n] = new double[] {2 * Math.PI * episode.target() - 1};
        return Example.vectors(in, target);
    }

    /**
     * The recall error of attention probabilities {@code p[i][j]} (query $i$, key $j$) on {@link #example}{@code
     * (episode)}: the mass the query (the last row) puts on context tokens of other components than its own.
     */
    public double recallError(MixtureContext.Episode episode, double[][] p) {
        Check.notNull("episode", episode);
        Check.notNull("p", p);
        EmpiricalMeasure ctx = episode.context();
        int q = (int) ctx.size();
        if (p.length != q + 1 || p[q] == null || p[q].length != q + 1) {
            throw new IllegalArgumentException("p must be " + (q + 1) + " x " + (q + 1) + " for this episode");
        }
        double off = 0;
        for (int j = 0; j < q; j++) {
            if (ctx.point(j)[episode.component()] != 1) {
                off += p[q][j];
            }
        }
        return off;
    }

    /**
     * ERM on a fixed training set: a task whose every draw is a uniformly chosen example of {@code set} (all of one
     * length), so that training sees only these $|set|$ samples however long it runs.
     */
    public Task fixed(List<Example> set) {
        Check.notNull("set", set);
        if (set.isEmpty()) {
            throw new IllegalArgumentException("set is empty");
        }
        List<Example> copy = List.copyOf(set);
        int len = copy.get(0).length();
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).length() != len) {
                throw new IllegalArgumentException("set[" + i + "] has length " + copy.get(i).length() + ", set[0] has "
                        + len);
            }
        }
        return new Task() {
            @Override
            public String name() {
                return "mixture-erm[" + copy.size() + "]";
            }

            @Override
            public int vocabulary() {
                return 0;
            }

            @Override
            public int outputs() {
                return 1;
            }

            @Override
            public int length(int size) {
                return len;
            }

            @Override
            public Example sample(Random random, int size) {
                return copy.get(Check.notNull("random", random).nextInt(copy.size()));
            }
        };
    }

    private double[] row(int component, double z, boolean query) {
        int count = mixture.components();
        double[] r = new double[inputDim()];
        r[component] = 1;
        for (int k = 1; k <= harmonics; k++) {
            r[count + 2 * k - 2] = Math.cos(k * z);
            r[count + 2 * k - 1] = Math.sin(k * z);
        }
        r[r.length - 1] = query ? 1 : 0;
        return r;
    }

    @Override
    public String toString() {
        return fresh() ? String.format(java.util.Locale.ROOT,
                "MixtureTask[fresh densities per episode: %d components, s = %s, A = %s, %d terms; %d harmonics]",
                mixture.components(), s, amplitude, terms, harmonics)
                : "MixtureTask[" + mixture + ", " + harmonics + " harmonics]";
    }
}
