package io.github.attnlab.bench.suite;

import io.github.attnlab.bench.KnnLaplacianState;
import io.github.attnlab.bench.lapack.LapackBackend;
import io.github.attnlab.core.SymmetricEigen;
import io.github.attnlab.model.bert.Bert;
import io.github.attnlab.model.bert.BertConfig;
import io.github.attnlab.model.bert.EncoderExport;
import io.github.attnlab.model.bert.PretrainedModel;
import io.github.attnlab.model.text.Encoding;
import io.github.attnlab.simd.SimdOps;
import io.github.attnlab.spectral.eigen.LaplacianSpectra;
import io.github.attnlab.spectral.eigen.SolverOptions;
import io.github.attnlab.spectral.eigen.Spectrum;
import io.github.attnlab.spectral.graph.Laplacian;
import io.github.attnlab.spectral.graph.SparseMatrix;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The performance suite of issue 16 ({@code ./attnlab perf [--quick]}): measures this machine's limits,
 * then every operation of the table on AttnLab and on its peers (PyTorch, NumPy and SciPy in a child
 * Python process, ONNX Runtime and netlib LAPACK in this JVM), interleaved round by round on the same inputs, one
 * thread each; writes {@code suite.md} and {@code suite.json}, and optionally the README's section.
 *
 * <p>Arguments: {@code --quick}, {@code --out DIR} (default {@code target/bench}), {@code --python EXE},
 * {@code --peers SCRIPT} (default {@code bench/peers/peers.py}), {@code --readme FILE}.
 */
public final class Suite {

    static final String TEXT = "Call me Ishmael. Some years ago—never mind how long precisely—having little or no"
            + " money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little"
            + " and see the watery part of the world. It is a way I have of driving off the spleen and regulating the"
            + " circulation. Whenever I find myself growing grim about the mouth; whenever it is a damp, drizzly November"
            + " in my soul; whenever I find myself involuntarily pausing before coffin warehouses, and bringing up the"
            + " rear of every funeral I meet; and especially whenever my hypos get such an upper hand of me, that it"
            + " requires a strong moral principle to prevent me from deliberately stepping into the street, and"
            + " methodically knocking people's hats off—then, I account it high time to get to sea as soon as I can.";

    /** The threads of AttnLab's second encoder pass (its times go to the notes, not to the peers). */
    static final int ENCODER_THREADS = 2;

    private final Mode mode;
    private final Set<Op> ops;
    private final Path out;
    private final Path inputs;
    private final List<Measured> rows = new ArrayList<>();
    private PeerProcess peer;
    private String peerMissing;
    private String peerVersions;
    private MachineLimits limits;
    private Path readme;
    private String date;
    private double loadBefore;
    private long start;
    private int planned;

    private Suite(Mode mode, Set<Op> ops, Path out) {
        this.mode = mode;
        this.ops = ops;
        this.out = out;
        this.inputs = out.resolve("suite-inputs");
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.FULL;
        Path out = Path.of("target/bench");
        String python = "python3";
        Path script = Path.of("bench/peers/peers.py");
        Path readme = null;
        Set<Op> ops = EnumSet.allOf(Op.class);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = Mode.QUICK;
                case "--out" -> out = Path.of(value(args, ++i));
                case "--python" -> python = value(args, ++i);
                case "--peers" -> script = Path.of(value(args, ++i));
                case "--readme" -> readme = Path.of(value(args, ++i));
                case "--ops" -> ops = parseOps(value(args, ++i));
                default -> throw new IllegalArgumentException("args: unknown argument " + args[i]
                        + " (known: --quick, --out DIR, --python EXE, --peers SCRIPT, --readme FILE, --ops OP,OP...)");
            }
        }
        if (readme != null && !ops.equals(EnumSet.allOf(Op.class))) {
            throw new IllegalArgumentException("args: --readme needs every operation; drop --ops");
        }
        new Suite(mode, ops, out).run(python, script, readme);
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

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("args: " + args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private void run(String python, Path script, Path readme) throws Exception {
        this.readme = readme;
        start = System.nanoTime();
        loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        for (Op op : ops) {
            planned += op.isRowOp() ? mode.rowLengths.size() : op == Op.DENSE_EIGEN ? mode.denseSizes.size()
                    : op == Op.BERT_FORWARD && !mode.bertBase ? 0 : 1;
        }
        Files.createDirectories(inputs);
        log("measuring the machine's limits");
        limits = new LimitProbe(mode == Mode.QUICK).measure();
        log(limits.toString());
        RowWorkloads data = new RowWorkloads(mode.elements, 16);
        NpyOut.write(inputs.resolve("rows.npy"), new int[] {mode.elements}, data.x32);
        try {
            peer = PeerProcess.start(python, script, inputs);
            peerVersions = peer.versions();
        } catch (PeerProcess.PeerUnavailable e) {
            peerMissing = e.getMessage();
            peerVersions = "not run: " + peerMissing;
        }
        log("peers: " + peerVersions);
        try {
            // the encoders first, in a JVM whose compiler has seen no other Vector API code: run after the row
            // operations, the same pass measured 16x slower (530 ms against 32 ms for MiniLM on 2026-12-02), the
            // compiled products having fallen back to the Vector API's Java templates. Then the middle row length,
            // the solvers, and the other lengths: a run stopped early has one line of every operation
            for (Op op : ops) {
                if (EncoderLine.isEncoder(op) && (mode.bertBase || op != Op.BERT_FORWARD)) {
                    encoder(op, EncoderLine.of(op));
                }
            }
            List<Integer> lengths = new ArrayList<>(mode.rowLengths);
            Integer first = lengths.remove(lengths.size() / 2);
            rowOps(data, List.of(first));
            if (ops.contains(Op.LANCZOS)) {
                lanczos();
            }
            if (ops.contains(Op.DENSE_EIGEN)) {
                for (int n : mode.denseSizes) {
                    denseEigen(n);
                }
            }
            rowOps(data, lengths);
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
        Report report = write();
        System.out.println(report.markdown());
        log("wrote " + out.resolve("suite.md") + " and suite.json" + (readme != null ? " and " + readme : ""));
    }

    /**
     * Writes the table so far (after every line, so that a run stopped early still leaves what it measured,
     * marked as partial).
     */
    private Report write() throws IOException {
        double loadNow = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double minutes = (System.nanoTime() - start) / 60e9;
        String partial = rows.size() < planned ? String.format(Locale.ROOT, " **Partial: %d of %d lines so far.**",
                rows.size(), planned) : "";
        String header = String.format(Locale.ROOT, "Measured %s by `./attnlab perf%s` on %s (%d cores), JDK %s, AttnLab"
                        + " on the %s path; peers: %s. One thread each; %d warm-up and %d timed runs, interleaved round by"
                        + " round with the peers on the same inputs (the encoders' notes add AttnLab on " + ENCODER_THREADS
                        + " threads, timed in the same rounds); times are median [min–max]. Rows: %d Gaussian logits"
                        + " (σ = 2) as distinct rows of n. Load average %.1f before and %.1f after %.1f minutes%s.%s",
                date, mode == Mode.QUICK ? " --quick" : "", cpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), SimdOps.get().name(), peerVersions, mode.warmups, mode.repetitions,
                mode.elements, loadBefore, loadNow, minutes,
                Math.max(loadBefore, loadNow) > 1.5 ? ": measured while other jobs ran on this machine" : "", partial);
        List<Measured> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(Measured::op).thenComparing(m -> m.size().length())
                .thenComparing(Measured::size)); // by operation, then by n
        Report report = new Report(header, limits, sorted);
        Files.writeString(out.resolve("suite.md"), report.markdown());
        Files.writeString(out.resolve("suite.json"), report.json());
        if (readme != null) {
            Files.writeString(readme, ReadmeSection.replace(Files.readString(readme), report.markdown()));
        }
        return report;
    }

    private void rowOps(RowWorkloads data, List<Integer> lengths) {
        for (int n : lengths) {
            for (Op op : ops) {
                if (op.isRowOp()) {
                    rowOp(data, op, n);
                }
            }
        }
    }

    private void rowOp(RowWorkloads data, Op op, int n) {
        log(op + " n = " + n);
        Workload ours = data.of(op, n);
        String note = ours.check();
        List<Contender> cs = new ArrayList<>();
        cs.add(Contender.java("AttnLab", ours));
        cs.add(pythonPeer("torch", op, n));
        // the scalar twin of the same operation, timed in the same rounds: issue 16 keeps it within 5x
        Contender scalar = Contender.java("AttnLab scalar path", () -> SimdOps.with(SimdOps.scalar(), ours::run));
        measure(op, "n = " + n, op.rowBytes(data.elements), note, cs, scalar, Suite::scalarNote);
    }

    /**
     * The passage text: the opening of Moby-Dick ({@link #TEXT}), repeated as often as a passage of
     * {@code tokens} WordPiece tokens needs: at least {@code tokens} words, since every word is at least one token
     * (the time of a pass does not depend on the words).
     */
    static String passageText(int tokens) {
        int copies = Math.max(1, (int) Math.ceil((double) tokens / TEXT.split("\\s+").length));
        return String.join(" ", java.util.Collections.nCopies(copies, TEXT));
    }

    private void encoder(Op op, EncoderLine line) {
        log(op.toString());
        PretrainedModel model = line.model();
        String dirName = line.dir();
        boolean withOrt = line.ort();
        Bert bert = Bert.load(model);
        Encoding passage = bert.passages(passageText(line.tokens()), line.tokens()).get(0);
        int[] ids = passage.ids();
        if (ids.length != line.tokens()) {
            throw new IllegalStateException(op + ": the passage has " + ids.length + " tokens, not " + line.tokens());
        }
        float[] hidden = bert.lastHiddenState(passage);
        BertConfig c = bert.config();
        double flops = Op.encoderFlops(c.layers(), c.hidden(), c.intermediate(), ids.length);
        List<Contender> cs = new ArrayList<>();
        cs.add(Contender.java("AttnLab", () -> bert.lastHiddenState(passage)[0]));
        Bert threaded = bert.withThreads(ENCODER_THREADS);
        boolean sameBits = Arrays.equals(hidden, threaded.lastHiddenState(passage));
        Contender many = Contender.java("AttnLab, " + ENCODER_THREADS + " threads",
                () -> threaded.lastHiddenState(passage)[0]);
        String note = String.format(Locale.ROOT, "%.2f GFLOP per pass", flops / 1e9);
        OrtEncoder ort = null;
        if (withOrt) {
            try {
                ort = new OrtEncoder(model, ids, hidden);
                note += "; " + ort.check();
                cs.add(Contender.java("ONNX Runtime " + OrtEncoder.version(), ort));
            } catch (LinkageError | Exception e) {
                cs.add(Contender.missing("ONNX Runtime", "not on the class path or failed: " + e));
            }
        }
        if (peer != null) {
            try {
                EncoderExport.write(model, ids, hidden, inputs.resolve(dirName));
            } catch (RuntimeException e) {
                log("cannot export the weights: " + e.getMessage());
            }
        }
        cs.add(pythonPeer("torch", op, ids.length));
        measure(op, ids.length + " tokens", flops, note, cs, many, (one, r) -> threadsNote(one, r, sameBits));
        if (ort != null) {
            try {
                ort.close();
            } catch (Exception e) {
                log("closing ONNX Runtime: " + e.getMessage());
            }
        }
    }

    private void lanczos() {
        int n = mode.graphNodes;
        log("LANCZOS, " + n + " nodes: building the graph");
        Laplacian l = KnnLaplacianState.build(n, 10, 1);
        SparseMatrix m = l.matrix();
        if (peer != null) {
            writeCsr(m, inputs.resolve("laplacian"));
        }
        Spectrum[] last = new Spectrum[1];
        Workload ours = () -> {
            last[0] = LaplacianSpectra.smallest(l, 8, LaplacianSpectra.Method.LANCZOS, SolverOptions.DEFAULT);
            if (!last[0].converged() || last[0].count() != 8) {
                throw new IllegalStateException("Lanczos did not converge: " + last[0]);
            }
            return last[0].value(7);
        };
        List<Contender> cs = new ArrayList<>();
        cs.add(Contender.java("AttnLab", ours));
        cs.add(pythonPeer("scipy", Op.LANCZOS, n));
        ours.run();
        String note = String.format(Locale.ROOT, "AttnLab: eigenvalues %s, max residual %.1e, %d stored entries",
                Arrays.stream(last[0].values()).mapToObj(v -> String.format(Locale.ROOT, "%.5f", v))
                        .reduce((a, b) -> a + " " + b).orElse(""), last[0].maxResidual(), m.nonZeros());
        measure(Op.LANCZOS, n + " nodes", 0, note, cs);
    }

    private void denseEigen(int n) {
        log("DENSE_EIGEN n = " + n + " (the native LAPACK's backend: " + LapackBackend.NATIVE.implementation()
                + "; LAPACK.getInstance() picks " + LapackBackend.DEFAULT.implementation() + ")");
        double[][] a = DenseEigenInputs.laplacian(n);
        if (peer != null) {
            NpyOut.write(inputs.resolve("dense-eigen-" + n + ".npy"), new int[] {n, n}, DenseEigenInputs.flat(a));
        }
        SymmetricEigen reference = SymmetricEigen.of(a);
        List<Contender> cs = new ArrayList<>();
        cs.add(Contender.java("AttnLab", () -> SymmetricEigen.of(a).value(n - 1)));
        cs.add(DenseEigenInputs.lapack(LapackBackend.NATIVE, a, reference));
        cs.add(DenseEigenInputs.lapack(LapackBackend.JAVA, a, reference));
        cs.add(pythonPeer("numpy", Op.DENSE_EIGEN, n));
        String note = String.format(Locale.ROOT, "%.2f GFLOP per run (9n³); 10-NN Laplacian; EJML: max residual %.1e",
                Op.symmetricEigenFlops(n) / 1e9, reference.maxResidual());
        measure(Op.DENSE_EIGEN, "n = " + n, Op.symmetricEigenFlops(n), note, cs);
    }

    /** A peer in the child process: loads its inputs (its check goes to the notes) and times single runs. */
    private Contender pythonPeer(String name, Op op, int size) {
        if (peer == null) {
            return Contender.missing(name, peerMissing);
        }
        try {
            String check = peer.load(op, size);
            log("  " + name + ": " + check);
            Contender c = new Contender(name, () -> peer.run(op, size));
            c.note = check;
            return c;
        } catch (PeerProcess.PeerUnavailable e) {
            return Contender.missing(name, e.getMessage());
        }
    }

    private void measure(Op op, String size, double work, String note, List<Contender> cs) {
        measure(op, size, work, note, cs, null, null);
    }

    /**
     * Times {@code cs} interleaved (ours first, then the peers) and, when not null, {@code extra}, ours in another
     * setting (the scalar path, or more threads), in the same rounds; {@code extra} goes to the notes, as
     * {@code extraNote} says given ours' times and its own result, rather than among the peers, so the ratio stays
     * ours (vector path, one thread) against the peers.
     */
    private void measure(Op op, String size, double work, String note, List<Contender> cs, Contender extra,
                         BiFunction<Samples, PeerResult, String> extraNote) {
        List<Contender> all = new ArrayList<>(cs);
        if (extra != null) {
            all.add(extra);
        }
        Contender.interleave(all, mode.warmups, mode.repetitions);
        Contender ours = cs.get(0);
        StringBuilder notes = new StringBuilder(note);
        if (extra != null) {
            notes.append(notes.length() > 0 ? "; " : "").append(extraNote.apply(ours.samples(), extra.asPeer()));
        }
        List<PeerResult> peers = new ArrayList<>();
        for (Contender c : cs.subList(1, cs.size())) {
            peers.add(c.asPeer());
            if (c.note != null && !c.note.isEmpty() && op.limit() != Limit.TRIAD) {
                notes.append(notes.length() > 0 ? "; " : "").append(c.note);
            }
        }
        Measured m = new Measured(op, size, ours.samples(), peers, work, notes.toString());
        rows.add(m);
        try {
            write();
        } catch (IOException e) {
            log("cannot write the table so far: " + e.getMessage());
        }
        log(String.format(Locale.ROOT, "  %s %s: AttnLab %s, ratio %s", op, size, Report.times(m.ours()),
                Report.ratio(m.ratio())));
    }

    private static String scalarNote(Samples ours, PeerResult r) {
        if (!r.ran()) {
            return "scalar path failed: " + r.missing();
        }
        double t = r.samples().median();
        return String.format(Locale.ROOT, "scalar path %s (%.2fx the vector path)", Report.time(t), t / ours.median());
    }

    private static String threadsNote(Samples ours, PeerResult r, boolean sameBits) {
        return r.ran() ? ThreadsNote.of(ENCODER_THREADS, ours, r.samples(), sameBits)
                : "AttnLab on " + ENCODER_THREADS + " threads did not run: " + r.missing();
    }

    private static void writeCsr(SparseMatrix m, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int n = m.rows();
        int[] indptr = new int[n + 1];
        int[] indices = new int[m.nonZeros()];
        double[] data = new double[m.nonZeros()];
        for (int i = 0; i <= n; i++) {
            indptr[i] = i < n ? m.rowStart(i) : m.nonZeros();
        }
        for (int p = 0; p < indices.length; p++) {
            indices[p] = m.column(p);
            data[p] = m.value(p);
        }
        NpyOut.write(dir.resolve("indptr.npy"), new int[] {n + 1}, indptr);
        NpyOut.write(dir.resolve("indices.npy"), new int[] {indices.length}, indices);
        NpyOut.write(dir.resolve("data.npy"), new int[] {data.length}, data);
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
