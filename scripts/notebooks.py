#!/usr/bin/env python3
"""Executes AttnLab's notebooks in a real Java kernel and writes the reproduction report.

Subcommands
  kernelspec  write a kernelspec for the rapaio Java kernel with AttnLab's JVM and compiler options
  run         execute notebooks headlessly (fresh kernelspec under target/, start-up retries),
              keep the executed copies under target/notebooks/, gather claims, write the report
  report      rewrite target/reproduction/{claims.json,index.html} from the last run

Exit status of `run` and `report`: 0 when every notebook ran without a cell error and recorded at least
one claim, and every claim is sound (scripts/report.py): it has its data (real or synthetic), it either
passed or was recorded with its kind (not reproduced, extension, inconclusive) and why, and its id is
unique across the run; 1 otherwise.
"""
import argparse
import json
import os
import re
import shutil
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

import report

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "target"
REPRO = TARGET / "reproduction"
EXECUTED = TARGET / "notebooks"
KERNEL_NAME = "attnlab-java-build"
INCUBATOR = "jdk.incubator.vector"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def log(msg):
    print(f"notebooks: {msg}", flush=True)


# ---------------------------------------------------------------------------------- kernelspec
def java_executable():
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        sys.exit("notebooks: no java on PATH and no JAVA_HOME; install a JDK 17 or later")
    return os.path.realpath(found)


# The library's imports at kernel start (scripts/attnlab.jsh, kernel-agnostic); with attnlab-jupyter (rich display,
# an extra) its jar joins the classpath and its rapaio start-up script (the same imports, then rapaio's display()
# once more) replaces it.
LIBRARY_STARTUP = Path(__file__).resolve().parent / "attnlab.jsh"
DISPLAY_JAR = ROOT / "jupyter" / "target" / "attnlab-jupyter.jar"
DISPLAY_STARTUP = ROOT / "jupyter" / "rapaio-startup.jsh"


def write_kernelspec(dest, kernel_jar, library_jars, display_name, mima_cache, display=True):
    """A kernelspec for rapaio-jupyter-kernel: the vector module in both the JVM and JShell's
    compiler options, headless AWT, the AttnLab jars (the library, and the training module when
    built) on the classpath and the start-up imports; with display, also the attnlab-jupyter jar
    (rich display; a missing jar is skipped by the kernel). RJK_CLASSPATH entries are separated by ';'."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    jar = dest / Path(kernel_jar).name
    if Path(kernel_jar).resolve() != jar.resolve():
        shutil.copyfile(kernel_jar, jar)
    spec = {
        "argv": [java_executable(), "--add-modules", INCUBATOR, "-Djava.awt.headless=true",
                 "-Dfile.encoding=UTF-8", "-jar", str(jar), "{connection_file}"],
        "display_name": display_name,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # rapaio splits RJK_CLASSPATH on ';' (not the platform's path separator)
            "RJK_CLASSPATH": ";".join([str(j) for j in library_jars] + ([str(DISPLAY_JAR)] if display else [])),
            "RJK_COMPILER_OPTIONS": f"--add-modules {INCUBATOR}",
            "RJK_INIT_SCRIPT": str(DISPLAY_STARTUP if display else LIBRARY_STARTUP),
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": str(mima_cache),
        },
    }
    (dest / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    return dest


def cmd_kernelspec(args):
    cache = Path(args.mima_cache or Path.home() / ".cache" / "attnlab" / "mima_cache")
    write_kernelspec(args.dest, args.kernel_jar, args.library_jar, args.display_name, cache)


def library_jars():
    """The jars a notebook kernel loads: the self-contained library jar and, when built, the training module's
    and the Spark module's jars (their classes only; the library comes from the first jar)."""
    jars = [ROOT / "lib" / "target" / "attnlab-all.jar"]
    train = ROOT / "train" / "target" / "attnlab-train.jar"
    if train.exists():
        jars.append(train)
    # the corpus job of issue 18: its own classes only. The kernel never loads Spark: CorpusJob runs Spark in a child
    # JVM whose classpath is this jar and spark/target/spark-deps/ beside it (Launch.CHILD_JVM).
    spark = ROOT / "spark" / "target" / "attnlab-spark.jar"
    if spark.exists():
        jars.append(spark)
    return jars


# ---------------------------------------------------------------------------------------- run
def find_kernel_jar():
    jars = sorted((TARGET / "jupyter" / "kernel").glob("rapaio-jupyter-kernel-*.jar"))
    if not jars:
        sys.exit("notebooks: no kernel jar under target/jupyter/kernel; run scripts/install.sh first")
    return jars[-1]


SILENT_SHELL_SECONDS = 8


def start_watchdog(client, kernel_log, started):
    """Kills a kernel that shows rapaio 3.0.1's start-up defect, so the start is retried at once.

    The defect (KERNELS.md): the shell thread dies with a NullPointerException in Channels.getHandler,
    or the shell socket, though bound, never handles the kernel_info requests the client repeats every
    second. Positive evidence only: the NPE in the kernel's log, or the shell bound for
    SILENT_SHELL_SECONDS without handling any kernel_info_request. The start-up timeout stays the outer
    limit. Returns a list that receives the reason when the watchdog kills.
    """
    reasons = []

    def watch():
        bound_at = None
        while not started.is_set():
            time.sleep(0.25)
            text = kernel_log.read_text(errors="replace") if kernel_log.exists() else ""
            reason = None
            if "Channels.getHandler" in text:
                reason = "shell thread died (NullPointerException in Channels.getHandler)"
            else:
                if bound_at is None and "[ShellChannel]: Binding" in text:
                    bound_at = time.monotonic()
                if (bound_at is not None and "Handling message: kernel_info_request" not in text
                        and time.monotonic() - bound_at > SILENT_SHELL_SECONDS):
                    reason = f"shell bound but silent for {SILENT_SHELL_SECONDS} s"
            if reason:
                process = getattr(getattr(getattr(client, "km", None), "provisioner", None), "process", None)
                if process is not None and process.poll() is None:
                    reasons.append(reason)
                    process.kill()
                return

    threading.Thread(target=watch, daemon=True).start()
    return reasons


def execute(path, kernel_name, startup_timeout, cell_timeout, max_starts):
    """Executes one notebook; retries only when the kernel never answered at start-up."""
    claims_file = REPRO / "claims" / (path.stem + ".jsonl")
    claims_file.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    record = {"notebook": path.name, "status": "ok", "error": None, "startAttempts": 0}
    for attempt in range(1, max_starts + 1):
        record["startAttempts"] = attempt
        claims_file.write_text("")
        os.environ["ATTNLAB_CLAIMS"] = str(claims_file)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel_name, timeout=cell_timeout,
                                startup_timeout=startup_timeout, allow_errors=False,
                                record_timing=True,
                                resources={"metadata": {"path": str(path.parent)}})
        started = False
        kernel_log = REPRO / "logs" / f"{path.stem}.attempt{attempt}.log"
        kernel_log.parent.mkdir(parents=True, exist_ok=True)
        ready = threading.Event()
        killed_because = start_watchdog(client, kernel_log, ready)
        try:
            with open(kernel_log, "wb") as klog, client.setup_kernel(stdout=klog, stderr=klog):
                started = True
                ready.set()
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index)
        except (CellExecutionError, CellTimeoutError) as e:
            record["status"] = "cell error"
            record["error"] = ANSI.sub("", str(e))[-4000:]
        except Exception as e:  # noqa: BLE001 - any start-up failure is retried, the rest reported
            ready.set()
            if not started and attempt < max_starts:
                why = killed_because[0] if killed_because else f"{type(e).__name__}: {e}"
                record.setdefault("startFailures", []).append(why)
                log(f"{path.name}: kernel did not start ({why}); retrying")
                continue
            record["status"] = "kernel did not start" if not started else "error"
            record["error"] = f"{type(e).__name__}: {e}"
        finally:
            ready.set()
        break
    record["seconds"] = round(time.monotonic() - t0, 1)
    EXECUTED.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, EXECUTED / path.name)
    claims = []
    for line in claims_file.read_text().splitlines():
        if line.strip():
            c = json.loads(line)
            c["notebook"] = path.name
            claims.append(c)
    record["claims"] = len(claims)
    if record["status"] == "ok" and not claims:
        record["status"] = "no claims"
    return record, claims


def cmd_run(args):
    notebooks = [Path(p).resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not notebooks:
        sys.exit("notebooks: no notebooks found")
    jars = library_jars()
    if not jars[0].exists():
        sys.exit(f"notebooks: {jars[0]} is missing; build it with ./mvnw -DskipTests package")
    if len(jars) == 1:
        log("train/target/attnlab-train.jar is not built: notebooks that train models will fail "
            "(./mvnw -DskipTests package builds it)")
    # A kernelspec private to this checkout, so the run always uses the jar just built here.
    spec_root = TARGET / "jupyter"
    write_kernelspec(spec_root / "kernels" / KERNEL_NAME, find_kernel_jar(), jars,
                     "Java (AttnLab build)", TARGET / "jupyter" / "mima_cache")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(spec_root)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p])
    full_run = not args.notebooks
    if full_run:
        shutil.rmtree(REPRO, ignore_errors=True)
    records, claims = [], []
    for nb in notebooks:
        log(f"{nb.name}: executing")
        rec, cl = execute(nb, KERNEL_NAME, args.startup_timeout, args.cell_timeout, args.max_starts)
        records.append(rec)
        claims.extend(cl)
        kinds = Counter(c.get("kind") or "failed" for c in cl)
        log(f"{nb.name}: {rec['status']} in {rec['seconds']} s, {rec['startAttempts']} start(s), {len(cl)} claims"
            + "".join(f", {n} {k}" for k, n in sorted(kinds.items())))
        if rec["error"]:
            print(rec["error"], file=sys.stderr)
    REPRO.mkdir(parents=True, exist_ok=True)
    run_file = REPRO / "run.json"
    if not full_run and run_file.exists():
        # A partial run replaces its notebooks' entries and keeps the others from the last run.
        ran = {r["notebook"] for r in records}
        kept = [r for r in json.loads(run_file.read_text()) if r["notebook"] not in ran]
        records = sorted(kept + records, key=lambda r: r["notebook"])
        claims = load_claims(records)
    run_file.write_text(json.dumps(records, indent=2))
    return write_report(records, claims)


# ------------------------------------------------------------------------------------- report
def write_report(records, claims):
    """Writes target/reproduction (scripts/report.py); 0 when the run is clean, else 1."""
    return report.write(ROOT, REPRO, EXECUTED, records, claims, log)


def load_claims(records):
    """The claims recorded by the given notebooks' last executions, in notebook order."""
    claims = []
    for r in records:
        f = REPRO / "claims" / (Path(r["notebook"]).stem + ".jsonl")
        for line in f.read_text().splitlines() if f.exists() else []:
            if line.strip():
                c = json.loads(line)
                c["notebook"] = r["notebook"]
                claims.append(c)
    return claims


def cmd_report(_args):
    records = json.loads((REPRO / "run.json").read_text())
    return write_report(records, load_claims(records))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kernelspec", help="write a kernelspec")
    k.add_argument("--dest", required=True)
    k.add_argument("--kernel-jar", required=True)
    k.add_argument("--library-jar", required=True, action="append",
                   help="a jar for the kernel's classpath (repeat for several: the library, then the training module)")
    k.add_argument("--display-name", default="Java (AttnLab)")
    k.add_argument("--mima-cache")
    r = sub.add_parser("run", help="execute notebooks and write the report")
    r.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/*.ipynb)")
    r.add_argument("--startup-timeout", type=int, default=int(os.environ.get("ATTNLAB_STARTUP_TIMEOUT", 25)))
    r.add_argument("--cell-timeout", type=int, default=int(os.environ.get("ATTNLAB_CELL_TIMEOUT", 1200)))
    r.add_argument("--max-starts", type=int, default=8)
    sub.add_parser("report", help="rewrite the report from the last run")
    args = ap.parse_args()
    if args.cmd == "kernelspec":
        cmd_kernelspec(args)
        return 0
    if args.cmd == "run":
        return cmd_run(args)
    return cmd_report(args)


if __name__ == "__main__":
    sys.exit(main())
