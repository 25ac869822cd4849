package io.github.attnlab.bench.suite;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start another JVM like this one, as JMH forks its benchmarks: the same {@code java} executable, the same
 * class path, and the options that shape what is measured (modules such as {@code jdk.incubator.vector}, heap and
 * compiler settings, system properties, assertions).
 *
 * @param java       the {@code java} executable
 * @param classPath  the class path, as {@code java.class.path} gives it
 * @param jvmOptions the options, in order (see {@link #kept})
 */
public record JavaCommand(Path java, String classPath, List<String> jvmOptions) {

    /** Option prefixes passed on: modules and access, {@code -X} and {@code -XX} settings, properties, assertions. */
    private static final List<String> KEPT = List.of("--add-modules", "--add-opens", "--add-exports", "--add-reads",
            "--enable-preview", "--enable-native-access", "--limit-modules", "-X", "-D", "-ea", "-da", "-esa", "-dsa",
            "-enableassertions", "-disableassertions", "-enablesystemassertions", "-disablesystemassertions");
    /**
     * Dropped although they match {@link #KEPT}: debuggers and agents, which a second JVM would fail to attach (the
     * port is taken) or would slow down.
     */
    private static final List<String> DROPPED = List.of("-Xdebug", "-Xrun", "-agentlib", "-agentpath", "-javaagent");

    public JavaCommand {
        if (java == null || classPath == null || jvmOptions == null) {
            throw new IllegalArgumentException("java, classPath and jvmOptions must not be null");
        }
        if (classPath.isEmpty()) {
            throw new IllegalArgumentException("classPath is empty");
        }
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** This JVM: {@code java.home}'s {@code bin/java}, {@code java.class.path}, and its kept input arguments. */
    public static JavaCommand ofThisJvm() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new JavaCommand(java, System.getProperty("java.class.path"),
                kept(ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    /**
     * The options of {@code inputArguments} that a fork needs, in order: those with a {@link #KEPT} prefix,
     * but no debugger or agent. (The input arguments include {@code JAVA_TOOL_OPTIONS} and
     * {@code JDK_JAVA_OPTIONS}, which {@link Fork} therefore removes from the fork's environment.)
     */
    public static List<String> kept(List<String> inputArguments) {
        if (inputArguments == null) {
            throw new IllegalArgumentException("inputArguments is null");
        }
        List<String> kept = new ArrayList<>();
        for (String a : inputArguments) {
            if (KEPT.stream().anyMatch(a::startsWith) && DROPPED.stream().noneMatch(a::startsWith)) {
                kept.add(a);
            }
        }
        return kept;
    }

    /** The command line running {@code main} with {@code args} in a new JVM. */
    public List<String> command(Class<?> main, List<String> args) {
        if (main == null || args == null) {
            throw new IllegalArgumentException("main and args must not be null");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }
}
