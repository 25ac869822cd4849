#!/usr/bin/env python3
"""Rich display in the real kernel: executes one notebook in rapaio-jupyter-kernel twice, with the attnlab-jupyter
module on the kernel's classpath (and its start-up imports) and without it, and checks each output's MIME types and
contents. Without the module the same cells must run, with the kernel's plain display.

Needs lib/target/attnlab-all.jar and jupyter/target/attnlab-jupyter.jar (./mvnw -DskipTests package) and the kernel
jar (scripts/install.sh). Exit status 0 when every check holds.
"""
import base64
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import notebooks as nbm  # noqa: E402  (the executor's kernelspec writer and start-up watchdog)
import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

WORK = nbm.TARGET / "display-test"
MAX_STARTS = 8

CELLS = [
    "import io.github.attnlab.topk.*;\nimport io.github.attnlab.plot.*;\nimport io.github.attnlab.model.*;\n"
    "import java.util.*;",
    "TopK.of(1.0, 2.0, 3.0, 0.5).certify(0.1)",
    'XYChart.of("display test", "x", "y").line("a", new double[] {0, 1, 2}, new double[] {1, 0, 1})',
    "TopK.of(1.0, 2.0, 3.0, 0.5, -1.0).curve()",
    "float[] p = new float[16];\nArrays.fill(p, 0.25f);\n"
    'AttentionTensor.of("display-test", List.of("[CLS]", "whale", "sea", "[SEP]"), 1, 1, new float[16], p)'
    ".view().topk(0.2)",
    '"plain"',
]
# with the module only: the start-up imports make compact's classes visible without an import, and rapaio's
# display() survives a cell's "import java.util.*;" (which drops it in a plain rapaio 3.0.1 kernel)
IMPORT_CELL = "Normalizer.entmax(1.5).apply(1.0, 3.0).supportSize()"
DISPLAY_CELL = "import java.util.*;\n{ display(XYChart.of(\"t\", \"x\", \"y\").png()); }"


def execute(kernel_name, cells):
    """Executes the cells in a fresh kernel (rapaio's start-up defect: bounded retries); returns the notebook."""
    for attempt in range(1, MAX_STARTS + 1):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
        client = NotebookClient(nb, kernel_name=kernel_name, timeout=120, startup_timeout=25, allow_errors=False)
        log = WORK / f"{kernel_name}.attempt{attempt}.log"
        ready = threading.Event()
        nbm.start_watchdog(client, log, ready)
        started = False
        try:
            with open(log, "wb") as out, client.setup_kernel(stdout=out, stderr=out):
                started = True
                ready.set()
                for i, cell in enumerate(nb.cells):
                    client.execute_cell(cell, i)
            return nb
        except Exception as e:  # noqa: BLE001
            ready.set()
            if started or attempt == MAX_STARTS:
                raise
            print(f"display-test: {kernel_name}: kernel did not start ({type(e).__name__}); retrying", flush=True)
    raise RuntimeError("unreachable")


def result(nb, index):
    outs = [o for o in nb.cells[index].outputs if o.output_type in ("execute_result", "display_data")]
    return outs[-1]["data"] if outs else {}


def png_ok(data):
    return "image/png" in data and base64.b64decode(data["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"


def main():
    for jar in (nbm.ROOT / "lib" / "target" / "attnlab-all.jar", nbm.DISPLAY_JAR):
        if not jar.exists():
            sys.exit(f"display-test: {jar} is missing; build with ./mvnw -DskipTests package")
    WORK.mkdir(parents=True, exist_ok=True)
    kernel_jar = nbm.find_kernel_jar()
    for name, display in (("attnlab-display-with", True), ("attnlab-display-without", False)):
        nbm.write_kernelspec(WORK / "kernels" / name, kernel_jar, [nbm.ROOT / "lib" / "target" / "attnlab-all.jar"],
                             name, WORK / "mima_cache", display=display)
    os.environ["JUPYTER_PATH"] = str(WORK)

    failures = []

    def check(what, ok):
        print(f"display-test: {'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            failures.append(what)

    nb = execute("attnlab-display-with", CELLS + [IMPORT_CELL, DISPLAY_CELL])
    rec, fig, curve, view, plain, imp, shown = (result(nb, i) for i in range(1, 8))
    check("record -> text/html table (Certificate) + text/plain",
          "<table" in rec.get("text/html", "") and "Certificate" in rec["text/html"]
          and rec.get("text/plain", "").startswith("Certificate["))
    check("figure -> image/png + image/svg+xml, no text/html",
          png_ok(fig) and "<svg" in fig.get("image/svg+xml", "") and "text/html" not in fig)
    check("figure record -> text/html table with the picture + image/png + image/svg+xml",
          "<table" in curve.get("text/html", "") and "data:image/png;base64," in curve["text/html"]
          and png_ok(curve) and "<svg" in curve.get("image/svg+xml", ""))
    check("attention view -> text/html (view, tokens, script) + image/png",
          'class="attnlab-view"' in view.get("text/html", "") and "whale" in view["text/html"]
          and "<script>" in view["text/html"] and png_ok(view))
    check("other values keep the kernel's display", plain == {"text/html": "plain"})
    # 1.5-entmax of (1, 3) is [(z/2 - 1/2)_+]^2 = (0, 1): a support of one key
    check("start-up imports (Normalizer without an import)", imp == {"text/html": "1"})
    check("display() after a cell's import java.util.*", png_ok(shown))

    nb = execute("attnlab-display-without", CELLS)
    rec, fig, curve, view, plain = (result(nb, i) for i in range(1, 6))
    check("without the module the same cells run, plainly",
          "<table" not in str(rec) and not png_ok(fig) and "attnlab-view" not in str(view)
          and plain == {"text/html": "plain"})
    print(f"display-test: {8 - len(failures)} passed, {len(failures)} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
