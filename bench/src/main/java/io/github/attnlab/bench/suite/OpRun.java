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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * One operation of the suite, measured in the JVM forked for it ({@code --fork OP}): AttnLab and its peers
 * (PyTorch, NumPy and SciPy in a child Python process, ONNX Runtime and netlib LAPACK in this JVM), interleaved
 * round by round on the same inputs, one thread each, at every size of the {@link Mode}.
 */
final class OpRun {

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
    private final Path inputs;
    private final List<Measured> lines = new ArrayList<>();
    private PeerProcess peer;
    private String peerMissing;

    private OpRun(Mode mode, Path inputs) {
        this.mode = mode;
        this.inputs = inputs;
    }

    /**
     * Measures {@code op} at every size of {@code mode} (its inputs for the peers under {@code out/suite-inputs}),
     * with the peers of {@code python} running {@code script}.
     */
    static ForkResult measure(Op op, Mode mode, Path out, String python, Path script) throws IOException {
        if (op == null || mode == null || out == null || python == null || script == null) {
            throw new IllegalArgumentException("op, mode, out, python and script must not be null");
        }
        OpRun run = new OpRun(mode, out.resolve("suite-inputs"));
        Files.createDirectories(run.inputs);
        String versions;
        try {
            run.peer = PeerProcess.start(python, script, run.inputs);
            versions = run.peer.versions();
        } catch (PeerProcess.PeerUnavailable e) {
            run.peerMissing = e.getMessage();
            versions = "not run: " + run.peerMissing;
        }
        log("peers: " + versions);
        try {
            run.run(op);
        } finally {
            if (run.peer != null) {
                run.peer.close();
            }
        }
        return new ForkResult(versions, run.lines);
    }

    private void run(Op op) {
        switch (op) {
            case MINILM_FORWARD, MINILM_FORWARD_512, BGE_FORWARD, BGE_FORWARD_512, BERT_FORWARD ->
                    encoder(op, EncoderLine.of(op));
            case CSR_PRODUCT -> csrProduct();
            case LANCZOS -> lanczos();
            case DENSE_EIGEN -> mode.denseSizes.forEach(this::denseEigen);
            default -> {
                RowWorkloads data = new RowWorkloads(mode.elements, 16);
                NpyOut.write(inputs.resolve("rows.npy"), new int[] {mode.elements}, data.x32);
                for (int n : mode.rowLengths) {
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
        measure(op, "n = " + n, op.rowBytes(data.elements), note, cs, scalar, OpRun::scalarNote);
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

    /** CSR products per timed run: one product of the 100k-node graph takes a few milliseconds. */
    static final int CSR_PRODUCTS = 20;

    /**
     * The CSR product on the Lanczos graph: {@link #CSR_PRODUCTS} products $y = Ax$ of a seeded Gaussian $x$ per
     * run, against scipy's {@code csr_matrix @ x} on the same matrix and vector, with the scalar path in the notes.
     */
    private void csrProduct() {
        int n = mode.graphNodes;
        log("CSR_PRODUCT, " + n + " nodes: building the graph");
        SparseMatrix m = KnnLaplacianState.build(n, 10, 1).matrix();
        double[] x = new java.util.Random(7).doubles(n).map(v -> v - 0.5).toArray();
        double[] y = new double[n];
        if (peer != null) {
            writeCsr(m, inputs.resolve("laplacian"));
            NpyOut.write(inputs.resolve("csr-x.npy"), new int[] {n}, x);
        }
        Workload ours = () -> {
            for (int r = 0; r < CSR_PRODUCTS; r++) {
                m.multiply(x, y);
            }
            return y[0];
        };
        ours.run();
        double norm = Math.sqrt(Arrays.stream(y).map(v -> v * v).sum()); // (the sum of y is 0: A is a Laplacian)
        List<Contender> cs = new ArrayList<>();
        cs.add(Contender.java("AttnLab", ours));
        cs.add(pythonPeer("scipy", Op.CSR_PRODUCT, n));
        Contender scalar = Contender.java("AttnLab scalar path", () -> SimdOps.with(SimdOps.scalar(), ours::run));
        String note = String.format(Locale.ROOT, "%d stored entries, %.1f per row; AttnLab: |y| = %.12e",
                m.nonZeros(), (double) m.nonZeros() / n, norm);
        measure(Op.CSR_PRODUCT, n + " nodes", CSR_PRODUCTS * Op.csrBytes(n, n, m.nonZeros()), note, cs, scalar,
                OpRun::scalarNote);
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
        // eigsh stops with residuals far below its tolerance: our time at a tolerance that reaches them too, timed in
        // the same rounds as eigsh
        SolverOptions tight = SolverOptions.DEFAULT.withTolerance(1e-11);
        Spectrum[] tightLast = new Spectrum[1];
        Contender atTight = Contender.java("AttnLab at tolerance 1e-11", () -> {
            tightLast[0] = LaplacianSpectra.smallest(l, 8, LaplacianSpectra.Method.LANCZOS, tight);
            if (!tightLast[0].converged() || tightLast[0].count() != 8) {
                throw new IllegalStateException("Lanczos did not converge at tolerance 1e-11: " + tightLast[0]);
            }
            return tightLast[0].value(7);
        });
        String note = String.format(Locale.ROOT, "AttnLab: eigenvalues %s, max residual %.1e, %d stored entries",
                Arrays.stream(last[0].values()).mapToObj(v -> String.format(Locale.ROOT, "%.5f", v))
                        .reduce((a, b) -> a + " " + b).orElse(""), last[0].maxResidual(), m.nonZeros());
        measure(Op.LANCZOS, n + " nodes", 0, note, cs, atTight,
                (oursTimes, r) -> tightNote(r, cs.get(1).asPeer(),
                        tightLast[0] == null ? Double.NaN : tightLast[0].maxResidual()));
    }

    /** The note on the tight-tolerance runs: their times, residual, and ratio to the peer in the same rounds. */
    static String tightNote(PeerResult tight, PeerResult peer, double maxResidual) {
        if (!tight.ran()) {
            return "at tolerance 1e-11: did not run: " + tight.missing();
        }
        Samples t = tight.samples();
        String s = String.format(Locale.ROOT, "at tolerance 1e-11, in the same rounds: %.2f s [%.2f-%.2f s], "
                + "max residual %.1e", t.median(), t.min(), t.max(), maxResidual);
        if (!peer.ran()) {
            return s;
        }
        double ratio = t.median() / peer.samples().median();
        return s + String.format(Locale.ROOT, ", %.2fx %s than %s", ratio >= 1 ? ratio : 1 / ratio,
                ratio >= 1 ? "slower" : "faster", peer.name());
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
        measure(Op.DENSE_EIGEN, "n = " + n, Op.symmetricEigenFlops(n), note, cs, null, null);
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
        int warm = Contender.interleave(all, mode.warmups, mode.warmSeconds, mode.repetitions);
        Contender ours = cs.get(0);
        StringBuilder notes = new StringBuilder(note);
        if (extra != null) {
            notes.append(notes.length() > 0 ? "; " : "").append(extraNote.apply(ours.samples(), extra.asPeer()));
        }
        List<PeerResult> peers = new ArrayList<>();
        for (Contender c : cs.subList(1, cs.size())) {
            peers.add(c.asPeer());
            if (c.note != null && !c.note.isEmpty() && !op.isRowOp()) {
                notes.append(notes.length() > 0 ? "; " : "").append(c.note);
            }
        }
        notes.append(notes.length() > 0 ? "; " : "").append(warm)
                .append(warm == 1 ? " warm-up round" : " warm-up rounds");
        Measured m = new Measured(op, size, ours.samples(), peers, work, notes.toString());
        lines.add(m);
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
            throw new UncheckedIOException(e);
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

    private static void log(String s) {
        System.err.println("[perf] " + s);
    }
}
