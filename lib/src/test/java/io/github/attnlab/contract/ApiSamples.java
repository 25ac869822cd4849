package io.github.attnlab.contract;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Valid arguments and receivers for {@link BadInputTest}: a value for a parameter from its name and type, whole
 * argument lists for entry points whose arguments must agree, a sample instance of each class with instance
 * methods, and the entry points the walk leaves out, each with its reason.
 */
final class ApiSamples {

    /** Rows and matrices have this many entries per side. */
    static final int N = 4;

    private static final Map<Class<?>, Supplier<Object>> RECEIVERS = new HashMap<>();
    private static final Map<String, Supplier<Object>> RECEIVER_FOR = new HashMap<>();
    private static final Map<String, Supplier<Object[]>> ARGUMENTS = new HashMap<>();
    private static final Map<String, String> EXEMPT_CLASSES = new HashMap<>();
    private static final Map<String, String> EXEMPT_ENTRIES = new HashMap<>();
    private static final Set<String> NULLABLE = Set.of();
    private static final Set<String> NAN_ALLOWED = Set.of("Spectrum.tolerance");
    /** Entry points that copy or carry a value, so NaN in is NaN out by design. */
    private static final Set<String> NAN_CARRIERS = Set.of("core.Copy.of(double[][])", "core.Copy.of(double[][][])");

    static {
        EXEMPT_CLASSES.put("io.github.attnlab.simd.DoubleOps", "the innermost loops: arguments are checked by the "
                + "validated entry points that call them (documented in DoubleOps)");
        EXEMPT_CLASSES.put("io.github.attnlab.simd.FloatOps", "the innermost loops (documented in FloatOps)");
        EXEMPT_CLASSES.put("io.github.attnlab.core.AxisBisection$Builder", "a callback the caller implements");
        EXEMPT_CLASSES.put("io.github.attnlab.wasserstein.BrwpSampler$Gradient", "a callback the caller implements");
        EXEMPT_CLASSES.put("io.github.attnlab.measure.Measure$Sink", "a callback the caller implements");
        EXEMPT_CLASSES.put("io.github.attnlab.simd.Workers$Task", "a callback the caller implements");
        String claims = "records into the JVM-wide list of claims the report reads (a bad call would add a claim); "
                + "refusals covered by ClaimsTest";
        EXEMPT_CLASSES.put("io.github.attnlab.repro.Claims", claims);
        EXEMPT_CLASSES.put("io.github.attnlab.repro.Claims$Origin", claims);
        EXEMPT_CLASSES.put("io.github.attnlab.repro.Claims$Check", claims);
        EXEMPT_CLASSES.put("io.github.attnlab.repro.Claim", "the record of the report (a claim may measure NaN, which "
                + "the report shows); owned by the claims audit, refusals covered by ClaimsTest");
        EXEMPT_CLASSES.put("io.github.attnlab.model.data.DatasetGenerator", "regenerates datasets/ with the real "
                + "models (minutes, 1 GB of weights); its inputs are the repository's own files (./attnlab datasets)");
        EXEMPT_ENTRIES.put("model.bert.Bert.load(PretrainedModel)", "loads hundreds of MB of weights; the tiny model "
                + "covers load(PretrainedModel, Path)");
        Register.all();
        RegisterMeasures.all();
        RegisterModel.all();
    }

    /** Registers a receiver. */
    static void receiver(Class<?> c, Supplier<Object> s) {
        RECEIVERS.put(c, s);
    }

    /** Registers the receiver of one entry point (when the class's sample does not fit it). */
    static void receiverFor(String key, Supplier<Object> s) {
        RECEIVER_FOR.put(key, s);
    }

    /** The receiver for an entry point: its own, else the class's. */
    static Object receiverFor(String key, Class<?> c) {
        Supplier<Object> s = RECEIVER_FOR.get(key);
        return s != null ? s.get() : receiver(c);
    }

    /** Registers valid arguments for an entry point named by {@link #key}. */
    static void arguments(String key, Supplier<Object[]> s) {
        ARGUMENTS.put(key, s);
    }

    private ApiSamples() {
    }

    /** "Class.method(Type, Type)": the name of an entry point. */
    static String key(Executable e) {
        String cls = e.getDeclaringClass().getName().replace("io.github.attnlab.", "");
        String name = e instanceof Method ? e.getName() : "<init>";
        StringBuilder sb = new StringBuilder(cls).append('.').append(name).append('(');
        Class<?>[] ts = e.getParameterTypes();
        for (int i = 0; i < ts.length; i++) {
            sb.append(i > 0 ? "," : "").append(ts[i].getSimpleName());
        }
        return sb.append(')').toString();
    }

    static String exemptClass(Class<?> c) {
        return EXEMPT_CLASSES.get(c.getName());
    }

    static String exemptEntry(String key) {
        return EXEMPT_ENTRIES.get(key);
    }

    static boolean mayReturnNull(String key) {
        return NULLABLE.contains(key);
    }

    static boolean carriesNaN(String key) {
        return NAN_CARRIERS.contains(key);
    }

    static boolean nanAllowed(Class<?> record, String component) {
        return NAN_ALLOWED.contains(record.getSimpleName() + "." + component);
    }

    /** A fresh sample instance of {@code c}: registered, else built by a public static factory or constructor. */
    static Object receiver(Class<?> c) {
        Supplier<Object> s = RECEIVERS.get(c);
        if (s != null) {
            return s.get();
        }
        Object registered = Samples.registered(c);
        if (registered != null) {
            return registered;
        }
        if (!BUILDING.add(c)) {
            return null; // a factory of c that needs a c
        }
        try {
            return build(c);
        } finally {
            BUILDING.remove(c);
        }
    }

    private static final Set<Class<?>> BUILDING = new java.util.HashSet<>();

    private static Object build(Class<?> c) {
        // getMethods() has no specified order: sort, so the same factory is chosen in every JVM
        Method[] methods = c.getMethods();
        Arrays.sort(methods, java.util.Comparator.comparing(ApiSamples::key));
        for (Method m : methods) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c && m.getDeclaringClass() == c) {
                Object o = tryCall(m, arguments(m));
                if (o != null) {
                    return o;
                }
            }
        }
        var constructors = c.getConstructors();
        Arrays.sort(constructors, java.util.Comparator.comparing(ApiSamples::key));
        for (var k : constructors) {
            try {
                return k.newInstance(arguments(k));
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                // try the next
            }
        }
        return null;
    }

    private static Object tryCall(Method m, Object[] args) {
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Valid arguments for an entry point: registered, else one value per parameter by name and type. */
    static Object[] arguments(Executable e) {
        Supplier<Object[]> s = ARGUMENTS.get(key(e));
        if (s != null) {
            return s.get();
        }
        Parameter[] ps = e.getParameters();
        Object[] args = new Object[ps.length];
        for (int i = 0; i < ps.length; i++) {
            args[i] = value(ps[i].getName(), ps[i].getParameterizedType());
        }
        return args;
    }

    /** A valid value for a parameter named {@code name} of type {@code type}. */
    static Object value(String name, Type type) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (type instanceof java.lang.reflect.TypeVariable) {
            return value(name, ((java.lang.reflect.TypeVariable<?>) type).getBounds()[0]);
        }
        if (type instanceof java.lang.reflect.WildcardType) {
            return value(name, ((java.lang.reflect.WildcardType) type).getUpperBounds()[0]);
        }
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                List<Object> l = new ArrayList<>();
                l.add(value(name, p.getActualTypeArguments()[0]));
                l.add(value(name, p.getActualTypeArguments()[0]));
                return l;
            }
            if (raw == java.util.function.Supplier.class) {
                Object v = value(name, p.getActualTypeArguments()[0]);
                return (java.util.function.Supplier<Object>) () -> v;
            }
            return value(name, raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == double.class || c == Double.class) {
            return realNamed(n);
        }
        if (c == float.class) {
            return (float) realNamed(n);
        }
        if (c == int.class || c == Integer.class) {
            return integerNamed(n);
        }
        if (c == long.class) {
            return 1L;
        }
        if (c == boolean.class) {
            return false;
        }
        if (c == String.class) {
            return n.contains("text") || n.contains("passage") ? "hello world" : "x";
        }
        if (c == double[].class) {
            return new double[] {0.5, 0.25, 1.0, 0.1};
        }
        if (c == float[].class) {
            return new float[] {0.5f, 0.25f, 1.0f, 0.1f};
        }
        if (c == int[].class) {
            return n.contains("label") ? new int[] {0, 1, 0, 1} : new int[] {0, 1, 2, 3};
        }
        if (c == boolean[].class) {
            return new boolean[] {true, false, true, false};
        }
        if (c == double[][].class) {
            return matrix();
        }
        if (c == float[][].class) {
            float[][] f = new float[N][N];
            double[][] m = matrix();
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    f[i][j] = (float) m[i][j];
                }
            }
            return f;
        }
        if (c == double[][][].class) {
            return new double[][][] {matrix(), matrix()};
        }
        if (c == boolean[][].class) {
            boolean[][] b = new boolean[N][N];
            for (boolean[] r : b) {
                Arrays.fill(r, true);
            }
            return b;
        }
        if (c == Path.class) {
            return Path.of("..", "datasets");
        }
        if (c.isEnum()) {
            return c.getEnumConstants()[0];
        }
        Object r = receiver(c);
        return r != null ? r : Samples.of(c);
    }

    /** A symmetric, row-stochastic 4 × 4 matrix with positive entries and distinct rows. */
    static double[][] matrix() {
        double[][] m = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                m[i][j] = i == j ? 0.4 : 0.2;
            }
        }
        return m;
    }

    private static double realNamed(String n) {
        if (n.contains("eps") || n.equals("p") || n.contains("fraction") || n.contains("density")) {
            return 0.1;
        }
        if (n.equals("alpha")) {
            return 1.0;
        }
        if (n.equals("t") || n.contains("time") || n.contains("sigma") || n.equals("h") || n.contains("scale")
                || n.contains("width") || n.contains("bandwidth") || n.equals("b") || n.contains("factor")
                || n.contains("order")) {
            return 1.0;
        }
        if (n.contains("tolerance")) {
            return 1e-6;
        }
        return 0.25;
    }

    private static int integerNamed(String n) {
        if (n.equals("n") || n.contains("size") || n.contains("length")) {
            return N;
        }
        if (n.equals("width") || n.equals("height")) {
            return 200;
        }
        if (n.equals("a") || n.equals("b") || n.contains("component") || n.equals("k") || n.contains("count")
                || n.contains("block") || n.contains("part") || n.contains("tile") || n.contains("iteration")
                || n.contains("step") || n.contains("trial") || n.contains("sample") || n.contains("projection")
                || n.contains("probe") || n.contains("rows") || n.contains("cols") || n.contains("leaf")) {
            return 2;
        }
        return 1;
    }
}
