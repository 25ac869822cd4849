package io.github.attnlab.simd;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Optional;

/** Chooses the {@link SimdOps} implementation once per JVM and logs the choice once. */
final class SimdSelection {

    /** System property that forces the path: {@code auto} (default), {@code vector} or {@code scalar}. */
    static final String PROPERTY = "attnlab.simd";
    private static final String MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "io.github.attnlab.simd.VectorSimdOps";

    private SimdSelection() {
    }

    private static final class Holder {
        static final SimdOps CHOSEN = choose(System.getProperty(PROPERTY, "auto"));

        static {
            System.getLogger("io.github.attnlab.simd").log(Level.INFO,
                    "attnlab: SIMD path = " + CHOSEN.name() + " (" + PROPERTY + "="
                            + System.getProperty(PROPERTY, "auto") + ")");
        }
    }

    private static final class VectorHolder {
        static final Optional<SimdOps> VECTOR = load();
    }

    static SimdOps chosen() {
        return Holder.CHOSEN;
    }

    /** The implementation a running {@link SimdOps#with} computation passed in on this thread, if any. */
    private static final ThreadLocal<SimdOps> PASSED = new ThreadLocal<>();

    static SimdOps current() {
        SimdOps passed = PASSED.get();
        return passed != null ? passed : Holder.CHOSEN;
    }

    static <T> T with(SimdOps ops, java.util.function.Supplier<T> computation) {
        io.github.attnlab.core.Check.notNull("ops", ops);
        io.github.attnlab.core.Check.notNull("computation", computation);
        SimdOps previous = PASSED.get();
        PASSED.set(ops);
        try {
            return computation.get();
        } finally {
            if (previous == null) {
                PASSED.remove();
            } else {
                PASSED.set(previous);
            }
        }
    }

    static Optional<SimdOps> vectorIfPresent() {
        return VectorHolder.VECTOR;
    }

    static SimdOps choose(String setting) {
        switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "scalar":
                return ScalarSimdOps.INSTANCE;
            case "vector":
                return vectorIfPresent().orElseThrow(() -> new IllegalStateException(
                        PROPERTY + "=vector, but the module " + MODULE + " is not in the boot layer;"
                                + " start the JVM with --add-modules " + MODULE));
            case "auto":
                return vectorIfPresent().orElse(ScalarSimdOps.INSTANCE);
            default:
                throw new IllegalArgumentException(
                        PROPERTY + " must be auto, vector or scalar, not '" + setting + "'");
        }
    }

    private static Optional<SimdOps> load() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return Optional.empty();
        }
        try {
            Class<?> c = Class.forName(VECTOR_CLASS);
            return Optional.of((SimdOps) c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            System.getLogger("io.github.attnlab.simd").log(Level.WARNING,
                    "attnlab: " + MODULE + " is present but the vector path failed to load; using scalar", e);
            return Optional.empty();
        }
    }
}
