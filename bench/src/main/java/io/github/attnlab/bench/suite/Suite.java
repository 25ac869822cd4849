package io.github.attnlab.bench.suite;

import io.github.attnlab.simd.SimdOps;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The performance suite of issue 16 ({@code ./attnlab perf [--quick]}): measures this machine's limits, then every
 * operation of the table on AttnLab and on its peers, each operation in a JVM of its own forked from this
 * one ({@link Fork}, {@link OpRun}), as JMH forks: the JIT compiler's state is JVM-wide, and code compiled for one
 * operation once slowed another sixteenfold. Writes {@code suite.md} and {@code suite.json} after every operation,
 * and optionally the README's section.
 *
 * <p>Arguments: see {@link SuiteArgs}. An operation whose JVM fails (non-zero exit, timeout, no readable result) gets
 * a line saying so in the table, the other operations still run, and the suite then exits with status 1 naming it.
 */
public final class Suite {

    private final SuiteArgs args;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> peerVersions = new ArrayList<>();
    private MachineLimits limits;
    private String date;
    private double loadBefore;
    private long start;
    private int done;

    private Suite(SuiteArgs args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        SuiteArgs args = SuiteArgs.parse(argv);
        if (args.fork() != null) {
            fork(args);
            System.exit(0); // the result is written: no lingering non-daemon thread may keep the suite waiting
        }
        List<Failed> failed = new Suite(args).run();
        if (!failed.isEmpty()) {
            for (Failed f : failed) {
                log("FAILED: " + f.op() + ": " + f.reason());
            }
            System.exit(1);
        }
    }

    /** In a forked JVM: measures the one operation and writes its result (to a temporary file, then moved). */
    private static void fork(SuiteArgs args) throws IOException {
        ForkResult r = OpRun.measure(args.fork(), args.mode(), args.out(), args.python(), args.peers());
        Path tmp = args.result().resolveSibling(args.result().getFileName() + ".tmp");
        Files.writeString(tmp, ForkResultCodec.encode(r));
        Files.move(tmp, args.result(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Failed> run() throws IOException {
        start = System.nanoTime();
        loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Path forks = args.out().resolve("suite-forks");
        Files.createDirectories(forks);
        log("measuring the machine's limits");
        limits = new LimitProbe(args.mode() == Mode.QUICK).measure();
        log(limits.toString());
        System.gc(); // the probe's arrays: this JVM waits, idle, while the forks measure
        JavaCommand java = JavaCommand.ofThisJvm();
        List<Failed> failed = new ArrayList<>();
        for (Op op : args.planned()) {
            Path result = forks.resolve(op.name() + ".txt");
            List<String> command = java.command(Suite.class, args.forkArgs(op, result));
            log(op + ": forking " + String.join(" ", command));
            try {
                ForkResult r = Fork.run(command, result, args.timeout());
                lines.addAll(r.lines());
                peerVersions.add(r.peers());
            } catch (Fork.Failure e) {
                Failed f = new Failed(op, e.getMessage());
                lines.add(f);
                failed.add(f);
                log(op + " failed: " + e.getMessage());
            }
            done++;
            write();
        }
        Report report = write();
        System.out.println(report.markdown());
        log("wrote " + args.out().resolve("suite.md") + " and suite.json"
                + (args.readme() != null ? " and " + args.readme() : ""));
        return failed;
    }

    /** The warm-up of {@code mode} in words, for the table's header. */
    static String warmUp(Mode mode) {
        if (mode.warmSeconds > 0) {
            return String.format(Locale.ROOT, "untimed rounds for at least %.0f s (at least %d)", mode.warmSeconds,
                    mode.warmups);
        }
        return mode.warmups == 1 ? "1 untimed round" : mode.warmups + " untimed rounds";
    }

    /**
     * Writes the table so far (after every operation, so that a run stopped early still leaves what it measured,
     * marked as partial).
     */
    private Report write() throws IOException {
        double loadNow = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double minutes = (System.nanoTime() - start) / 60e9;
        int planned = args.planned().size();
        String partial = done < planned ? String.format(Locale.ROOT, " **Partial: %d of %d operations so far.**",
                done, planned) : "";
        Mode mode = args.mode();
        String header = String.format(Locale.ROOT, "Measured %s by `./attnlab perf%s` on %s (%d cores), JDK %s, AttnLab"
                        + " on the %s path; peers: %s. Each operation runs in a JVM of its own, forked (as JMH forks)"
                        + " from the one that measured the machine's limits, so that none runs on code the compiler"
                        + " shaped for another. One thread each; %s, then %d timed runs, interleaved round by round"
                        + " with the peers on the same inputs (the encoders' notes add AttnLab on "
                        + OpRun.ENCODER_THREADS + " threads, timed in the same rounds); times are median [min–max]."
                        + " Rows: %d Gaussian logits (σ = 2) as distinct rows of n. Load average %.1f before and %.1f"
                        + " after %.1f minutes%s.%s",
                date, mode == Mode.QUICK ? " --quick" : "", cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), SimdOps.get().name(), peers(peerVersions), warmUp(mode),
                mode.repetitions, mode.elements, loadBefore, loadNow, minutes,
                Math.max(loadBefore, loadNow) > 1.5 ? ": measured while other jobs ran on this machine" : "", partial);
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(Line::op).thenComparing(m -> m.size().length())
                .thenComparing(Line::size)); // by operation, then by n
        Report report = new Report(header, limits, sorted);
        Files.writeString(args.out().resolve("suite.md"), report.markdown());
        Files.writeString(args.out().resolve("suite.json"), report.json());
        if (args.readme() != null) {
            Files.writeString(args.readme(), ReadmeSection.replace(Files.readString(args.readme()), report.markdown()));
        }
        return report;
    }

    /**
     * The peers' versions for the header, from the forks' reports: the first that ran, else the first reason they
     * did not; {@code none reported yet} before any fork has finished.
     */
    static String peers(List<String> reported) {
        return reported.stream().filter(s -> !s.startsWith("not run:")).findFirst()
                .orElse(reported.isEmpty() ? "none reported yet" : reported.get(0));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static void log(String s) {
        System.err.println("[perf] " + s);
    }
}
