package io.github.attnlab.bench.lapack;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which implementation of {@code dev.ludovic.netlib:lapack} to call. The native one is a JNI shim inside the jar
 * that loads the operating system's {@code liblapack.so.3} (on Debian, OpenBLAS's when {@code libopenblas0-pthread}
 * is installed, else the reference LAPACK of {@code liblapack3}); the Java one is reference LAPACK translated to
 * Java by F2J; {@link #DEFAULT} is what {@link LAPACK#getInstance()} picks: native when it loads, else Java.
 */
public enum LapackBackend {
    NATIVE,
    JAVA,
    DEFAULT;

    private static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"));

    /** The implementation; throws {@link IllegalStateException} when {@link #NATIVE} cannot be loaded. */
    public LAPACK instance() {
        return switch (this) {
            case NATIVE -> {
                try {
                    yield NativeLAPACK.getInstance();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("the native LAPACK did not load (" + e.getMessage() + "): its JNI"
                            + " shim needs the OS's liblapack.so.3, e.g. apt-get install libopenblas0-pthread", e);
                }
            }
            case JAVA -> JavaLAPACK.getInstance();
            case DEFAULT -> LAPACK.getInstance();
        };
    }

    /** Why this backend cannot run here, or empty when it can. */
    public Optional<String> unavailable() {
        try {
            instance();
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The implementing class's simple name ({@code JNILAPACK}, {@code F2jLAPACK}), or why there is none. */
    public String implementation() {
        return unavailable().map(why -> "none: " + why).orElseGet(() -> instance().getClass().getSimpleName());
    }

    /**
     * The file the OS's {@code liblapack.so.3} resolves to (through Debian's alternatives), e.g.
     * {@code /usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3}, or empty when none is found in the usual
     * directories. Informative only: the JNI shim asks the dynamic loader, which may look elsewhere.
     */
    public static Optional<Path> osLibrary() {
        for (Path dir : LIBRARY_DIRS) {
            Path p = dir.resolve("liblapack.so.3");
            if (Files.exists(p)) {
                try {
                    return Optional.of(p.toRealPath());
                } catch (IOException e) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
