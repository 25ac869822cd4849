package io.github.attnlab.bench.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers' child process: {@code python3 bench/peers/peers.py <input dir>} with one thread
 * ({@code OMP_NUM_THREADS=1}, {@code torch.set_num_threads(1)}), driven line by line (see
 * {@link PeerReply}) so that its runs interleave with AttnLab's.
 */
public final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader in;
    private final PrintWriter out;
    private String versions;

    private PeerProcess(Process process) {
        this.process = process;
        this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.out = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts the process; throws {@link PeerUnavailable} saying what is missing when it cannot run. */
    public static PeerProcess start(String python, Path script, Path inputs) {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), inputs.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")) {
            pb.environment().put(v, "1");
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new PeerUnavailable("cannot start " + python + ": " + e.getMessage());
        }
        PeerProcess pp = new PeerProcess(p);
        PeerReply r = pp.read();
        if (r.kind() != PeerReply.Kind.READY) {
            pp.close();
            throw new PeerUnavailable(r.text());
        }
        pp.versions = r.text();
        return pp;
    }

    /** The peers' library versions, as the process reported them. */
    public String versions() {
        return versions;
    }

    /** Prepares an operation's inputs; returns the peer's check of its own result (may be empty). */
    public String load(Op op, int size) {
        PeerReply r = ask("load " + op.name() + " " + size);
        if (r.kind() != PeerReply.Kind.LOADED) {
            throw new PeerUnavailable(r.text());
        }
        return r.text();
    }

    /** Runs the operation once; returns its wall time in seconds. */
    public double run(Op op, int size) {
        PeerReply r = ask("run " + op.name() + " " + size);
        if (r.kind() != PeerReply.Kind.TIME) {
            throw new PeerUnavailable(r.text());
        }
        return r.seconds();
    }

    private PeerReply ask(String command) {
        out.println(command);
        if (out.checkError()) {
            throw new PeerUnavailable("the peer process has exited (" + command + ")");
        }
        return read();
    }

    private PeerReply read() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new PeerUnavailable("the peer process has exited");
            }
            return PeerReply.parse(line);
        } catch (IOException e) {
            throw new PeerUnavailable("cannot read from the peer process: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        out.println("quit");
        out.close();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }

    /** The peer cannot run (not installed, crashed, or refused the operation); the message says why. */
    public static final class PeerUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PeerUnavailable(String message) {
            super(message);
        }
    }
}
