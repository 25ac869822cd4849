package io.github.attnlab.contract;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.compact.nw.SmoothingKernel;
import io.github.attnlab.compact.train.RecallTask;
import io.github.attnlab.compact.train.Task;
import io.github.attnlab.compact.train.Trainer;
import io.github.attnlab.diffusion.Bandwidth;
import io.github.attnlab.diffusion.DiffusionMap;
import io.github.attnlab.diffusion.DiffusionMaps;
import io.github.attnlab.compact.train.Episode;
import io.github.attnlab.model.bert.MaskedLm;
import io.github.attnlab.model.bert.MaskedPassage;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.model.text.Vocabulary;
import io.github.attnlab.spectral.eigen.Operator;
import io.github.attnlab.spectral.graph.StandardGraphs;
import io.github.attnlab.spectral.graph.WeightedGraph;
import io.github.attnlab.spectral.partition.Bisector;
import io.github.attnlab.spectral.partition.MultilevelPartitioner;
import io.github.attnlab.topk.TailBound;
import io.github.attnlab.tree.PartitionTree;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Sample values for reflection-driven tests: a small valid value of a type (arrays of length 2, matrices 2 × 2,
 * an instance of each library type the tests need), and the public classes of the library.
 */
final class Samples {

    private static final Map<Class<?>, Supplier<Object>> INSTANCES = new HashMap<>();
    /** Records whose components must agree with each other, with arguments that do. */
    private static final Map<Class<?>, Supplier<Object[]>> RECORD_ARGUMENTS = new HashMap<>();

    static {
        INSTANCES.put(Normalizer.class, Normalizer::softmax);
        INSTANCES.put(SmoothingKernel.class, SmoothingKernel::epanechnikov);
        INSTANCES.put(TailBound.class, () -> TailBound.EXACT);
        INSTANCES.put(WeightedGraph.class, () -> StandardGraphs.path(ApiSamples.N));
        INSTANCES.put(PartitionTree.class, () -> PartitionTree.dyadic(ApiSamples.N));
        INSTANCES.put(Task.class, () -> new RecallTask(2, 1, 1, 0.1));
        INSTANCES.put(RecallTask.class, () -> new RecallTask(2, 1, 1, 0.1));
        INSTANCES.put(Trainer.class, () -> Trainer.on(new RecallTask(2, 1, 1, 0.1)));
        INSTANCES.put(Encoding.class, () -> new Encoding(List.of("a", "b"), new int[] {0, 1}));
        INSTANCES.put(Bandwidth.class, Bandwidth::median);
        INSTANCES.put(DiffusionMap.class, () -> DiffusionMaps.fromPoints(new double[][] {{0}, {1}, {3}, {7}}).compute());
        INSTANCES.put(Bisector.class, () -> MultilevelPartitioner.DEFAULT);
        INSTANCES.put(Operator.class, () -> Operator.of(StandardGraphs.path(ApiSamples.N).adjacency()));
        INSTANCES.put(String.class, () -> "x");
        INSTANCES.put(java.util.function.Predicate.class, () -> (java.util.function.Predicate<Object>) o -> true);
        INSTANCES.put(java.util.function.ToDoubleFunction.class,
                () -> (java.util.function.ToDoubleFunction<Object>) o -> 1.0);
        INSTANCES.put(java.util.function.Function.class, () -> (java.util.function.Function<Object, Object>) o -> "g");
        INSTANCES.put(Object.class, () -> "x");
        INSTANCES.put(Vocabulary.class, () -> Vocabulary.of(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a")));
        INSTANCES.put(java.util.BitSet.class, () -> java.util.BitSet.valueOf(new long[] {5}));
        RECORD_ARGUMENTS.put(io.github.attnlab.model.attention.AttentionRun.class, Samples::attentionRunArguments);
        RECORD_ARGUMENTS.put(io.github.attnlab.spectral.eigen.EigenProblem.class, Register::eigenProblem);
        RECORD_ARGUMENTS.put(Episode.class, () -> new Object[] {new double[4], new double[2], new double[2],
            new double[1], 2});
        RECORD_ARGUMENTS.put(MaskedPassage.class, () -> new Object[] {new Encoding(List.of("a", "a"), new int[] {5, 5}),
            new Encoding(List.of("[MASK]", "a"), new int[] {4, 5}), new int[] {0}});
        RECORD_ARGUMENTS.put(MaskedLm.class, () -> new Object[] {new Encoding(List.of("[MASK]", "a"), new int[] {4, 5}),
            new int[] {0}, new double[][] {{-1.8, -1.8, -1.8, -1.8, -1.8, -1.8}}, of(Vocabulary.class)});
    }

    private Samples() {
    }

    /** One layer, one head, two queries: the smallest consistent {@code AttentionRun}. */
    static Object[] attentionRunArguments() {
        return new Object[] {"m", "top-1", io.github.attnlab.model.attention.Measurement.ERRORS, 1, 1, 2,
            new int[] {2, 2}, new int[] {1, 2}, new double[] {0.1, 0}, new double[] {0.01, 0}, new double[] {0.02, 0},
            new double[] {0.03, 0}, new boolean[] {true}, new long[] {1000}, 2000L};
    }

    /** The registered sample of class {@code c}, or null. */
    static Object registered(Class<?> c) {
        Supplier<Object> s = INSTANCES.get(c);
        return s == null ? null : s.get();
    }

    /** A small valid value of {@code type}, or null when none is known. */
    static Object of(Type type) {
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                List<Object> l = new ArrayList<>();
                l.add(of(args[0]));
                l.add(of(args[0]));
                return l;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<Object, Object> m = new LinkedHashMap<>();
                m.put(of(args[0]), of(args[1]));
                return m;
            }
            return of(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == int.class || c == Integer.class) {
            return 2;
        }
        if (c == long.class || c == Long.class) {
            return 2L;
        }
        if (c == double.class || c == Double.class) {
            return 0.5;
        }
        if (c == float.class) {
            return 0.5f;
        }
        if (c == boolean.class) {
            return false;
        }
        if (c.isArray()) {
            Class<?> e = c.getComponentType();
            Object a = Array.newInstance(e, 2);
            for (int i = 0; i < 2; i++) {
                if (e == int.class) {
                    Array.setInt(a, i, i);
                } else if (e == boolean.class) {
                    Array.setBoolean(a, i, i == 0);
                } else if (e == double.class || e == float.class || !e.isPrimitive()) {
                    Object v = of(e);
                    if (v != null) {
                        Array.set(a, i, v);
                    }
                }
            }
            if (e == double.class) {
                Array.set(a, 0, 0.25);
                Array.set(a, 1, 0.75);
            }
            return a;
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        Supplier<Object> s = INSTANCES.get(c);
        if (s != null) {
            return s.get();
        }
        if (c.isRecord()) {
            try {
                Class<?>[] types = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType)
                        .toArray(Class<?>[]::new);
                return c.getDeclaredConstructor(types).newInstance(recordArguments(c));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Arguments for the canonical constructor of a record: the ones registered for it, or a sample of each. */
    static Object[] recordArguments(Class<?> record) {
        Supplier<Object[]> given = RECORD_ARGUMENTS.get(record);
        if (given != null) {
            return given.get();
        }
        RecordComponent[] rc = record.getRecordComponents();
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            args[i] = of(rc[i].getGenericType());
        }
        return args;
    }

    /** The public top-level and nested classes of the library (loaded, not initialised). */
    static List<Class<?>> publicClasses() {
        List<Class<?>> out = new ArrayList<>();
        try {
            Path root = Path.of(io.github.attnlab.core.Check.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String rel = root.relativize(f).toString();
                    if (!rel.endsWith(".class") || rel.endsWith("package-info.class") || rel.contains("/simd/Vector")) {
                        continue;
                    }
                    String name = rel.substring(0, rel.length() - 6).replace(File.separatorChar, '.');
                    Class<?> c = Class.forName(name, false, Samples.class.getClassLoader());
                    if (isPublic(c) && !c.isAnonymousClass() && !c.isSynthetic()) {
                        out.add(c);
                    }
                }
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        out.sort(java.util.Comparator.comparing(Class::getName));
        return out;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
