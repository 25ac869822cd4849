package io.github.attnlab.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The suite's command line. Given by hand: {@code --quick}, {@code --out DIR} (default {@code target/bench}),
 * {@code --python EXE} (default {@code python3}), {@code --peers SCRIPT} (default {@code bench/peers/peers.py}),
 * {@code --readme FILE}, {@code --ops OP,OP...}, {@code --timeout MINUTES} (the most one operation's JVM may take,
 * default 30). Given by the suite to the JVM it forks for one operation: {@code --fork OP --result FILE}.
 *
 * @param mode    how much to measure
 * @param out     where the table and the peers' inputs go
 * @param python  the Python executable of the peers
 * @param peers   the peers' script
 * @param readme  the README whose section to rewrite, or null
 * @param ops     the operations to measure
 * @param timeout the most one operation's JVM may take
 * @param fork    in a forked JVM, its one operation; null in the suite's own JVM
 * @param result  in a forked JVM, the file to write its {@link ForkResult} to; null otherwise
 */
public record SuiteArgs(Mode mode, Path out, String python, Path peers, Path readme, Set<Op> ops, Duration timeout,
                        Op fork, Path result) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public SuiteArgs {
        if (mode == null || out == null || python == null || peers == null || ops == null || timeout == null) {
            throw new IllegalArgumentException("mode, out, python, peers, ops and timeout must not be null");
        }
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("ops is empty");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout = " + timeout + " must be > 0");
        }
        if ((fork == null) != (result == null)) {
            throw new IllegalArgumentException("args: --fork and --result go together");
        }
        if (readme != null && !ops.equals(EnumSet.allOf(Op.class))) {
            throw new IllegalArgumentException("args: --readme needs every operation; drop --ops");
        }
        if (readme != null && fork != null) {
            throw new IllegalArgumentException("args: a forked JVM (--fork) writes no README");
        }
        ops = Set.copyOf(ops);
    }

    /** Parses the command line; an {@link IllegalArgumentException} starting {@code args:} says what is wrong. */
    public static SuiteArgs parse(String... args) {
        Mode mode = Mode.FULL;
        Path out = Path.of("target/bench");
        String python = "python3";
        Path script = Path.of("bench/peers/peers.py");
        Path readme = null;
        Set<Op> ops = EnumSet.allOf(Op.class);
        Duration timeout = DEFAULT_TIMEOUT;
        Op fork = null;
        Path result = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = Mode.QUICK;
                case "--out" -> out = Path.of(value(args, ++i));
                case "--python" -> python = value(args, ++i);
                case "--peers" -> script = Path.of(value(args, ++i));
                case "--readme" -> readme = Path.of(value(args, ++i));
                case "--ops" -> ops = parseOps(value(args, ++i));
                case "--timeout" -> timeout = minutes(value(args, ++i));
                case "--fork" -> fork = one(parseOps(value(args, ++i)));
                case "--result" -> result = Path.of(value(args, ++i));
                default -> throw new IllegalArgumentException("args: unknown argument " + args[i] + " (known: --quick,"
                        + " --out DIR, --python EXE, --peers SCRIPT, --readme FILE, --ops OP,OP..., --timeout MINUTES)");
            }
        }
        return new SuiteArgs(mode, out, python, script, readme, ops, timeout, fork, result);
    }

    /** The arguments of the JVM forked to measure {@code op} alone and write its result to {@code result}. */
    public List<String> forkArgs(Op op, Path result) {
        if (op == null || result == null) {
            throw new IllegalArgumentException("op and result must not be null");
        }
        List<String> a = new ArrayList<>();
        if (mode == Mode.QUICK) {
            a.add("--quick");
        }
        a.addAll(List.of("--out", out.toString(), "--python", python, "--peers", peers.toString(),
                "--fork", op.name(), "--result", result.toString()));
        return a;
    }

    /** The operations this run measures, in the table's order ({@link Op}'s); bert-base only in a full run. */
    public List<Op> planned() {
        List<Op> planned = new ArrayList<>();
        for (Op op : EnumSet.copyOf(ops)) {
            if (op != Op.BERT_FORWARD || mode.bertBase) {
                planned.add(op);
            }
        }
        return planned;
    }

    /** {@code SOFTMAX_F32,LANCZOS}: a comma-separated set of {@link Op} names. */
    static Set<Op> parseOps(String list) {
        Set<Op> s = EnumSet.noneOf(Op.class);
        for (String name : list.split(",")) {
            try {
                s.add(Op.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ops: '" + name + "' is no operation; known: "
                        + Arrays.toString(Op.values()), e);
            }
        }
        return s;
    }

    private static Op one(Set<Op> ops) {
        if (ops.size() != 1) {
            throw new IllegalArgumentException("args: --fork takes one operation, not " + ops);
        }
        return ops.iterator().next();
    }

    private static Duration minutes(String s) {
        try {
            return Duration.ofMinutes(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("args: --timeout '" + s + "' is no whole number of minutes", e);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("args: " + args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
