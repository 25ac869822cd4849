package io.github.attnlab.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the public API of the library by reflection and feeds every parameter of every public method and
 * constructor bad values for its type (null; NaN and ±∞; an empty array, a NaN or infinite entry, a ragged
 * matrix; -1 and out-of-range integers; an empty string), the other arguments valid. Each call must end in one of
 * three ways: an {@link IllegalArgumentException} whose message names the parameter (or an
 * {@link IllegalStateException} for state); or a normal return without NaN or null in the result (the value was
 * legal, e.g. $-\infty$ masking a key). Anything else (a NullPointerException, an index exception, NaN, null, a
 * hang) is a failure.
 *
 * <p>Valid arguments come from {@link ApiSamples}: by parameter name and type, with whole argument lists for the
 * entry points whose arguments must agree. An entry point with no valid baseline, or whose class has no sample
 * instance, fails the test until {@link ApiSamples} knows it, or is exempted there with a reason; so every public
 * entry point is covered.
 */
class BadInputTest {

    private static final long TIMEOUT_SECONDS = 10;
    /** The large size probed for every int parameter, as {@link #describe} writes it. */
    private static final String LARGE_SIZE = String.valueOf(1 << 20);
    /** The thread bad calls run on; replaced when a call hangs, so one hang cannot time out every later call. */
    private static ExecutorService runner = newRunner();

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    /** One bad call and what it did. */
    record Outcome(String entry, String parameter, String value, Kind kind, String detail) {
    }

    enum Kind {
        REFUSED(true), STATE(true), ACCEPTED(true), UNNAMED(false), NAN_RESULT(false), NULL_RESULT(false),
        CRASH(false), TIMEOUT(false);

        final boolean good;

        Kind(boolean good) {
            this.good = good;
        }
    }

    @Test
    void everyPublicEntryPointRefusesBadInputByName() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        int entries = 0;
        for (Class<?> c : Samples.publicClasses()) {
            if (ApiSamples.exemptClass(c) != null) {
                continue;
            }
            for (Executable e : entryPoints(c)) {
                String name = ApiSamples.key(e);
                if (ApiSamples.exemptEntry(name) != null) {
                    continue;
                }
                entries++;
                Object receiver = null;
                if (e instanceof Method && !Modifier.isStatic(e.getModifiers())) {
                    receiver = ApiSamples.receiverFor(name, c);
                    if (receiver == null) {
                        uncovered.add(name + ": no sample instance of " + c.getName());
                        continue;
                    }
                }
                Object[] base = ApiSamples.arguments(e);
                String baseline = call(e, receiver, base).baselineProblem();
                if (baseline != null) {
                    uncovered.add(name + ": the valid baseline fails: " + baseline);
                    continue;
                }
                Parameter[] ps = e.getParameters();
                for (int p = 0; p < ps.length; p++) {
                    for (Object bad : badValues(ps[p].getType(), ApiSamples.arguments(e)[p], ps[p].getName())) {
                        Object[] args = ApiSamples.arguments(e);
                        args[p] = bad;
                        Result r = call(e, receiver == null ? null : ApiSamples.receiverFor(name, c), args);
                        outcomes.add(r.classify(name, ps[p].getName(), describe(bad), mayReturnNull(e),
                                names(e, args, p), carries(e, ps[p]) || ApiSamples.carriesNaN(name)));
                    }
                }
            }
        }
        Map<Kind, Integer> counts = new TreeMap<>();
        outcomes.forEach(o -> counts.merge(o.kind(), 1, Integer::sum));
        List<String> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.kind().good) {
                failures.add(o.kind() + " " + o.entry() + " [" + o.parameter() + " = " + o.value() + "]: " + o.detail());
            }
        }
        String summary = String.format(Locale.ROOT, "%d entry points, %d bad calls: %s; %d entry points uncovered",
                entries, outcomes.size(), counts, uncovered.size());
        System.out.println("BadInputTest: " + summary);
        StringBuilder report = new StringBuilder(summary);
        failures.forEach(f -> report.append('\n').append(f));
        uncovered.forEach(u -> report.append("\nUNCOVERED ").append(u));
        assertTrue(failures.isEmpty() && uncovered.isEmpty(), report.toString());
        assertTrue(entries > 300, "only " + entries + " entry points walked");
    }

    /**
     * The names a refusal of parameter {@code p} may use: the parameter's own; for the argument checks of
     * {@code core} (a {@code String name} parameter), the name they were told; for raw bytes, the name of their
     * source (a String or Path argument: the file the bytes came from).
     */
    private static List<String> names(Executable e, Object[] args, int p) {
        List<String> out = new ArrayList<>();
        Parameter[] ps = e.getParameters();
        out.add(ps[p].getName());
        for (int i = 0; i < ps.length; i++) {
            boolean told = ps[i].getType() == String.class && ps[i].getName().equals("name")
                    && e.getDeclaringClass().getPackageName().endsWith(".core");
            boolean source = ps[p].getType() == byte[].class
                    && (ps[i].getType() == String.class || ps[i].getType() == java.nio.file.Path.class);
            if ((told || source) && args[i] != null && !args[i].toString().isEmpty()) {
                out.add(args[i].toString());
            }
        }
        return out;
    }

    /**
     * Whether a bad value is merely carried: the canonical constructor of a record stores what it is given, so NaN
     * in a component of the result is that argument, not a computation.
     */
    private static boolean carries(Executable e, Parameter p) {
        Class<?> c = e.getDeclaringClass();
        if (!c.isRecord() || !(e instanceof java.lang.reflect.Constructor)) {
            return false;
        }
        Class<?>[] canonical = java.util.Arrays.stream(c.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
        return java.util.Arrays.equals(canonical, e.getParameterTypes());
    }

    private static boolean mayReturnNull(Executable e) {
        return e instanceof Method && (((Method) e).getReturnType() == void.class
                || ApiSamples.mayReturnNull(ApiSamples.key(e)));
    }

    /** The public methods and constructors of a class that take arguments (accessors have none). */
    private static List<Executable> entryPoints(Class<?> c) {
        List<Executable> out = new ArrayList<>();
        if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isEnum()) {
            for (var k : c.getConstructors()) {
                if (k.getParameterCount() > 0) {
                    out.add(k);
                }
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge() || m.getParameterCount() == 0) {
                continue;
            }
            String n = m.getName();
            if (n.equals("equals") || (c.isEnum() && n.equals("valueOf")) || n.equals("main")) {
                continue;
            }
            out.add(m);
        }
        out.sort(java.util.Comparator.comparing(ApiSamples::key));
        return out;
    }

    /** Bad values for a parameter of this type, derived from its valid value. */
    private static List<Object> badValues(Class<?> t, Object valid, String name) {
        List<Object> bad = new ArrayList<>();
        if (t == double.class || t == Double.class) {
            bad.add(Double.NaN);
            bad.add(Double.POSITIVE_INFINITY);
            bad.add(Double.NEGATIVE_INFINITY);
        } else if (t == float.class) {
            bad.add(Float.NaN);
            bad.add(Float.POSITIVE_INFINITY);
        } else if (t == int.class || t == Integer.class) {
            bad.add(-1);
            bad.add(Integer.valueOf(LARGE_SIZE));
        } else if (t == long.class) {
            bad.add(-1L);
        } else if (!t.isPrimitive()) {
            bad.add(null);
            if (t == String.class) {
                bad.add("");
            } else if (t.isArray() && valid != null) {
                bad.add(Array.newInstance(t.getComponentType(), 0));
                Class<?> e = t.getComponentType();
                if (e == double.class || e == float.class) {
                    bad.add(withEntry(valid, Double.NaN));
                    bad.add(withEntry(valid, Double.POSITIVE_INFINITY));
                } else if (e == int.class) {
                    bad.add(withEntry(valid, -1));
                } else if (e.isArray() && Array.getLength(valid) > 1) {
                    Object ragged = copy(valid);
                    Object row = Array.get(ragged, 1);
                    Array.set(ragged, 1, Array.newInstance(row.getClass().getComponentType(), Array.getLength(row) + 1));
                    bad.add(ragged);
                    if (e.getComponentType() == double.class) {
                        Object nan = copy(valid);
                        Array.setDouble(Array.get(nan, 0), 0, Double.NaN);
                        bad.add(nan);
                    }
                }
            } else if (java.util.Set.class.isAssignableFrom(t) && valid != null) {
                bad.add(java.util.Set.of());
            } else if (Collection.class.isAssignableFrom(t) && valid != null) {
                bad.add(List.of());
            }
        }
        return bad;
    }

    private static Object withEntry(Object array, double v) {
        Object c = copy(array);
        if (Array.getLength(c) == 0) {
            return c;
        }
        Class<?> e = c.getClass().getComponentType();
        if (e == double.class) {
            Array.setDouble(c, 0, v);
        } else if (e == float.class) {
            Array.setFloat(c, 0, (float) v);
        } else {
            Array.setInt(c, 0, (int) v);
        }
        return c;
    }

    private static Object copy(Object array) {
        int n = Array.getLength(array);
        Object c = Array.newInstance(array.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Object x = Array.get(array, i);
            Array.set(c, i, x != null && x.getClass().isArray() ? copy(x) : x);
        }
        return c;
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            if (n == 0) {
                return "empty";
            }
            Object first = Array.get(v, 0);
            if (first != null && first.getClass().isArray()) {
                int r0 = Array.getLength(first);
                int r1 = n > 1 ? Array.getLength(Array.get(v, 1)) : r0;
                return r0 != r1 ? "ragged" : "matrix with " + Array.get(first, 0);
            }
            return "array with " + first;
        }
        if (v instanceof String && ((String) v).isEmpty()) {
            return "\"\"";
        }
        if (v instanceof Collection && ((Collection<?>) v).isEmpty()) {
            return "empty list";
        }
        return String.valueOf(v);
    }

    /** A finished call: its value, or what it threw. */
    private record Result(Object value, Throwable thrown, boolean timedOut) {

        /** A baseline may fail only with a state error (e.g. a model without the head a method needs). */
        String baselineProblem() {
            if (timedOut) {
                return "timed out";
            }
            return thrown == null || thrown instanceof IllegalStateException ? null : thrown.toString();
        }

        Outcome classify(String entry, String parameter, String value, boolean mayBeNull, List<String> names,
                         boolean carried) {
            if (timedOut) {
                // a size of 2^20 that a method accepts may take long to compute (more so on a loaded machine): that
                // is work, not a hang; any other bad value must be answered within the time
                return LARGE_SIZE.equals(value)
                        ? new Outcome(entry, parameter, value, Kind.ACCEPTED, "still computing after "
                                + TIMEOUT_SECONDS + " s")
                        : new Outcome(entry, parameter, value, Kind.TIMEOUT, "no answer in " + TIMEOUT_SECONDS + " s");
            }
            if (thrown == null) {
                String nan = carried ? null : NanScan.find(this.value);
                if (this.value == null && !mayBeNull) {
                    return new Outcome(entry, parameter, value, Kind.NULL_RESULT, "returned null");
                }
                return nan == null ? new Outcome(entry, parameter, value, Kind.ACCEPTED, "")
                        : new Outcome(entry, parameter, value, Kind.NAN_RESULT, "returned " + nan);
            }
            String m = thrown.getMessage() == null ? "" : thrown.getMessage();
            if (thrown instanceof IllegalStateException) {
                return new Outcome(entry, parameter, value, Kind.STATE, m);
            }
            if (thrown instanceof IllegalArgumentException) {
                return names.stream().anyMatch(n -> names(m, n)) ? new Outcome(entry, parameter, value, Kind.REFUSED, m)
                        : new Outcome(entry, parameter, value, Kind.UNNAMED, m);
            }
            StackTraceElement at = thrown.getStackTrace().length > 0 ? thrown.getStackTrace()[0] : null;
            return new Outcome(entry, parameter, value, Kind.CRASH, thrown + (at == null ? "" : " at " + at));
        }

        /** Whether the message names the parameter as a word (so "k" does not match inside "keys"). */
        private static boolean names(String message, String parameter) {
            return java.util.regex.Pattern.compile("(^|[^A-Za-z0-9_])" + java.util.regex.Pattern.quote(parameter)
                    + "([^A-Za-z0-9_]|$)").matcher(message).find();
        }
    }

    private static Result call(Executable e, Object receiver, Object[] args) {
        Future<Object> f = runner.submit(() -> {
            if (e instanceof Method) {
                return ((Method) e).invoke(receiver, args);
            }
            return ((java.lang.reflect.Constructor<?>) e).newInstance(args);
        });
        try {
            return new Result(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), null, false);
        } catch (TimeoutException t) {
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            return new Result(null, null, true);
        } catch (java.util.concurrent.ExecutionException x) {
            Throwable cause = x.getCause();
            if (cause instanceof InvocationTargetException) {
                cause = cause.getCause();
            }
            return new Result(null, cause, false);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(x);
        }
    }

    /** Finds NaN in a returned value: a double, an array, or a record's components, one level deep. */
    static final class NanScan {
        private NanScan() {
        }

        static String find(Object v) {
            return find(v, 0);
        }

        private static String find(Object v, int depth) {
            if (v == null || depth > 2) {
                return null;
            }
            if (v instanceof Double && ((Double) v).isNaN() || v instanceof Float && ((Float) v).isNaN()) {
                return "NaN";
            }
            if (v.getClass().isArray()) {
                for (int i = 0; i < Math.min(Array.getLength(v), 10_000); i++) {
                    String s = find(Array.get(v, i), depth + 1);
                    if (s != null) {
                        return "NaN at [" + i + "]";
                    }
                }
                return null;
            }
            if (v instanceof Record) {
                for (var rc : v.getClass().getRecordComponents()) {
                    try {
                        String s = find(rc.getAccessor().invoke(v), depth + 1);
                        if (s != null && !ApiSamples.nanAllowed(v.getClass(), rc.getName())) {
                            return "NaN in " + rc.getName();
                        }
                    } catch (ReflectiveOperationException ex) {
                        return null;
                    }
                }
            }
            return null;
        }
    }
}
