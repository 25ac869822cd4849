#!/usr/bin/env python3
"""The peers of AttnLab's performance suite (./attnlab perf), on the inputs the Java side wrote.

Started by io.github.attnlab.bench.suite.PeerProcess as `python3 peers.py <input dir>`, one thread
(OMP_NUM_THREADS=1, torch.set_num_threads(1)). Reads commands on stdin, one per line:
    load <OP> <size>    read the operation's inputs; reply `loaded <OP> <size> <check>`
    run <OP> <size>     run it once; reply `time <OP> <size> <seconds>`
    quit
Errors reply `error <OP> <size> <message>`. Only numpy, scipy and torch (Debian packages) are used (numpy's
eigh calls the OS's LAPACK: OpenBLAS's when libopenblas0-pthread is installed, as scripts/perf.sh does);
every algorithm below that is not a torch/scipy call (sparsemax, the entmax bisection, the encoder)
is our own few lines, written after the papers, not copied.
"""
import math
import os
import sys
import time


def reply(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


try:
    import numpy as np
    import scipy
    import scipy.sparse
    import scipy.sparse.linalg
    import torch
    import torch.nn.functional as F
except ImportError as e:  # the Java side reports this line as the reason the peers did not run
    reply("missing %s (install: apt-get install -y python3-torch python3-scipy python3-numpy)" % e)
    sys.exit(0)

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

DIR = sys.argv[1]
state = {}
# CSR products per timed run, as the suite's OpRun.CSR_PRODUCTS
CSR_PRODUCTS = 20


def rows(n, dtype):
    key = ("rows", dtype)
    if key not in state:
        x = np.load(os.path.join(DIR, "rows.npy"))
        state[key] = torch.from_numpy(x.astype(np.float64) if dtype == torch.float64 else x)
    x = state[key]
    return x.view(-1, n)


def softmax(x, out):
    try:
        torch.softmax(x, 1, out=out)
    except TypeError:  # older torch: no out= overload
        out.copy_(torch.softmax(x, 1))


def sparsemax(x):
    """Sparsemax by sorting (Martins & Astudillo 2016): tau from the largest k with 1 + k z_(k) > sum_{j<=k} z_(j)."""
    z, _ = torch.sort(x, dim=1, descending=True)
    cs = z.cumsum(1)
    k = torch.arange(1, x.shape[1] + 1, dtype=x.dtype)
    support = (1 + k * z) > cs
    ks = support.sum(1, keepdim=True)
    tau = (cs.gather(1, ks - 1) - 1) / ks.to(x.dtype)
    return torch.clamp(x - tau, min=0)


def entmax15_bisect(x, iterations=50):
    """1.5-entmax by bisection on tau: p = [(x/2 - tau)_+]^2 sums to 1 (Peters et al. 2019), in place where it can."""
    n = x.shape[1]
    z = x * 0.5
    mx = z.max(1, keepdim=True).values
    lo = mx - 1.0
    hi = mx - (1.0 / n) ** 0.5
    p = torch.empty_like(z)
    for _ in range(iterations):
        tau = (lo + hi) * 0.5
        torch.sub(z, tau, out=p)
        p.clamp_(min=0).square_()
        f = p.sum(1, keepdim=True) - 1
        above = f >= 0
        lo = torch.where(above, tau, lo)
        hi = torch.where(above, hi, tau)
    return p / p.sum(1, keepdim=True)


def encoder_load(name):
    d = os.path.join(DIR, name)
    cfg = open(os.path.join(d, "config.txt")).read().split()
    layers, heads, hidden, eps = int(cfg[0]), int(cfg[1]), int(cfg[2]), float(cfg[3])
    t = lambda f: torch.from_numpy(np.load(os.path.join(d, f + ".npy")))
    lin = lambda f: t(f).t().contiguous()  # stored [in, out]; F.linear wants [out, in], as torch models hold them
    w = {"emb": t("emb"), "g": t("emb_ln_g"), "b": t("emb_ln_b"), "layers": []}
    for l in range(layers):
        p = "l%d_" % l
        w["layers"].append([lin(p + "qkv_w"), t(p + "qkv_b"), lin(p + "ao_w"), t(p + "ao_b"), t(p + "ln1_g"),
                            t(p + "ln1_b"), lin(p + "i_w"), t(p + "i_b"), lin(p + "o_w"), t(p + "o_b"),
                            t(p + "ln2_g"), t(p + "ln2_b")])
    state[name] = (w, heads, hidden, eps)
    out = encoder_forward(name)
    ref = np.load(os.path.join(d, "hidden.npy")).reshape(out.shape)
    return "max |torch - AttnLab| = %.2e over the last hidden state" % float(np.abs(out.numpy() - ref).max())


def encoder_forward(name):
    w, heads, hidden, eps = state[name]
    with torch.inference_mode():
        x = F.layer_norm(w["emb"], (hidden,), w["g"], w["b"], eps)
        n = x.shape[0]
        d = hidden // heads
        for qkv_w, qkv_b, ao_w, ao_b, g1, b1, i_w, i_b, o_w, o_b, g2, b2 in w["layers"]:
            qkv = F.linear(x, qkv_w, qkv_b).view(n, 3, heads, d).permute(1, 2, 0, 3)
            s = torch.matmul(qkv[0], qkv[1].transpose(1, 2)) * (1.0 / math.sqrt(d))
            c = torch.matmul(torch.softmax(s, -1), qkv[2]).transpose(0, 1).reshape(n, hidden)
            x = F.layer_norm(x + F.linear(c, ao_w, ao_b), (hidden,), g1, b1, eps)
            h = F.gelu(F.linear(x, i_w, i_b))
            x = F.layer_norm(x + F.linear(h, o_w, o_b), (hidden,), g2, b2, eps)
        return x


def load_laplacian(size):
    d = os.path.join(DIR, "laplacian")
    ip, ix, v = (np.load(os.path.join(d, f + ".npy")) for f in ("indptr", "indices", "data"))
    state["L"] = scipy.sparse.csr_matrix((v, ix, ip), shape=(size, size))


def lanczos_load(size):
    load_laplacian(size)
    return lanczos_check()


def csr_product_load(size):
    load_laplacian(size)
    state["x"] = np.load(os.path.join(DIR, "csr-x.npy"))
    return "scipy: |y| = %.12e" % float(np.linalg.norm(state["L"] @ state["x"]))


def csr_product_run():
    for _ in range(CSR_PRODUCTS):
        y = state["L"] @ state["x"]
    return y


def lanczos_run():
    # the 8 smallest eigenpairs, ARPACK's implicitly restarted Lanczos (its default basis of 2k + 1 = 17 vectors)
    return scipy.sparse.linalg.eigsh(state["L"], k=8, which="SA", tol=1e-8, v0=np.ones(state["L"].shape[0]))


def lanczos_check():
    vals, vecs = lanczos_run()
    L = state["L"]
    r = max(np.linalg.norm(L @ vecs[:, i] - vals[i] * vecs[:, i]) for i in range(len(vals)))
    return "eigsh: eigenvalues %s, max residual %.1e" % (" ".join("%.5f" % v for v in sorted(vals)), r)


def dense_eigen_load(n):
    state["dense"] = np.load(os.path.join(DIR, "dense-eigen-%d.npy" % n))
    a = state["dense"]
    w, v = np.linalg.eigh(a)
    r = np.linalg.norm(a @ v - v * w, axis=0).max()
    return "numpy eigh: max residual %.1e, largest eigenvalue %.6f" % (r, w[-1])


def lapack_library():
    """The BLAS numpy loaded, as threadpoolctl sees it when installed; else the file Debian's liblapack.so.3 is."""
    try:
        from threadpoolctl import threadpool_info
        libs = [i.get("filepath", "") for i in threadpool_info() if i.get("user_api") == "blas"]
        if libs:
            return ", ".join(libs)
    except ImportError:
        pass
    return os.path.realpath("/usr/lib/x86_64-linux-gnu/liblapack.so.3")


LOADERS = {}
RUNNERS = {}


def setup_ops():
    def row_op(op, dtype, fn):
        def load(n):
            for k in [k for k in state if isinstance(k, tuple) and k[0] != "rows"]:
                del state[k]  # one row operation's buffers at a time
            x = rows(n, dtype)
            state[(op, n)] = (x, torch.empty_like(x))
            fn(*state[(op, n)])
            return "%d rows of %d (%s)" % (x.shape[0], n, str(dtype).replace("torch.", ""))
        LOADERS[op] = load
        RUNNERS[op] = lambda n: fn(*state[(op, n)])

    row_op("SOFTMAX_F32", torch.float32, softmax)
    row_op("SOFTMAX_F64", torch.float64, softmax)
    for suffix, dtype in (("_F32", torch.float32), ("", torch.float64)):
        row_op("CERTIFIED_K" + suffix, dtype,
               lambda x, out: (torch.topk(x, x.shape[1] // 8, dim=1), torch.logsumexp(x, 1)))
        row_op("SPARSEMAX" + suffix, dtype, lambda x, out: out.copy_(sparsemax(x)))
        row_op("ENTMAX15" + suffix, dtype, lambda x, out: out.copy_(entmax15_bisect(x)))
    # the export directories of the suite's EncoderLine, one per encoder operation
    for op, name in (("MINILM_FORWARD", "minilm"), ("MINILM_FORWARD_512", "minilm512"), ("BGE_FORWARD", "bge"),
                     ("BGE_FORWARD_512", "bge512"), ("BERT_FORWARD", "bert")):
        LOADERS[op] = (lambda nm: lambda size: encoder_load(nm))(name)
        RUNNERS[op] = (lambda nm: lambda size: encoder_forward(nm))(name)
    LOADERS["CSR_PRODUCT"] = csr_product_load
    RUNNERS["CSR_PRODUCT"] = lambda size: csr_product_run()
    LOADERS["LANCZOS"] = lanczos_load
    RUNNERS["LANCZOS"] = lambda size: lanczos_run()
    LOADERS["DENSE_EIGEN"] = lambda n: dense_eigen_load(n) + " (LAPACK: %s)" % lapack_library()
    RUNNERS["DENSE_EIGEN"] = lambda n: np.linalg.eigh(state["dense"])


def main():
    setup_ops()
    reply("ready torch %s, numpy %s, scipy %s, %d thread" % (torch.__version__, np.__version__, scipy.__version__,
                                                             torch.get_num_threads()))
    for line in sys.stdin:
        f = line.split()
        if not f or f[0] == "quit":
            break
        cmd, op, size = f[0], f[1], int(f[2])
        try:
            if cmd == "load":
                reply("loaded %s %d %s" % (op, size, LOADERS[op](size)))
            elif cmd == "run":
                t0 = time.perf_counter()
                RUNNERS[op](size)
                reply("time %s %d %.9f" % (op, size, time.perf_counter() - t0))
            else:
                reply("error %s %d unknown command %s" % (op, size, cmd))
        except Exception as e:  # reported, so the suite says why a peer has no time
            reply("error %s %d %s: %s" % (op, size, type(e).__name__, str(e).replace("\n", " ")))


main()
