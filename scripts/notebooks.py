#!/usr/bin/env python3
"""Executes AttnLab's notebooks in a real Java kernel and writes the reproduction report.

Subcommands
  kernelspec  write a kernelspec for the rapaio Java kernel with AttnLab's JVM and compiler options
  run         execute notebooks headlessly (fresh kernelspec under target/, start-up retries),
              keep the executed copies under target/notebooks/, gather claims, write the report
  report      rewrite target/reproduction/{claims.json,index.html} from the last run

Exit status of `run`: 0 when every notebook ran without a cell error, recorded at least one claim
and every claim passed; 1 otherwise.
"""
import argparse
import base64
import datetime
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

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


# Imports every package of the library at kernel start, so notebook cells need no import lines.
STARTUP_SCRIPT = Path(__file__).resolve().parent / "attnlab.jsh"


def write_kernelspec(dest, kernel_jar, library_jar, display_name, mima_cache):
    """A kernelspec for rapaio-jupyter-kernel: the vector module in both the JVM and JShell's
    compiler options, headless AWT, the AttnLab jar on the classpath, and the start-up script
    scripts/attnlab.jsh that imports every package of the library."""
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
            "RJK_CLASSPATH": str(library_jar),
            "RJK_COMPILER_OPTIONS": f"--add-modules {INCUBATOR}",
            "RJK_INIT_SCRIPT": str(STARTUP_SCRIPT),
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": str(mima_cache),
        },
    }
    (dest / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    return dest


def cmd_kernelspec(args):
    cache = Path(args.mima_cache or Path.home() / ".cache" / "attnlab" / "mima_cache")
    write_kernelspec(args.dest, args.kernel_jar, args.library_jar, args.display_name, cache)


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
    library_jar = ROOT / "lib" / "target" / "attnlab-all.jar"
    if not library_jar.exists():
        sys.exit(f"notebooks: {library_jar} is missing; build it with ./mvnw -DskipTests package")
    # A kernelspec private to this checkout, so the run always uses the jar just built here.
    spec_root = TARGET / "jupyter"
    write_kernelspec(spec_root / "kernels" / KERNEL_NAME, find_kernel_jar(), library_jar,
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
        failed = sum(1 for c in cl if not c["pass"] and not is_deviation(c))
        deviations = sum(1 for c in cl if is_deviation(c))
        log(f"{nb.name}: {rec['status']} in {rec['seconds']} s, {rec['startAttempts']} start(s), "
            f"{len(cl)} claims, {failed} failed" + (f", {deviations} not reproduced" if deviations else ""))
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
def git_commit():
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except Exception:  # noqa: BLE001
        return None


def extract_figures(record):
    """Saves every PNG a notebook displayed; returns their paths relative to the report."""
    nb = nbformat.read(EXECUTED / record["notebook"], as_version=4)
    out = []
    fig_dir = REPRO / "figures"
    fig_dir.mkdir(parents=True, exist_ok=True)
    stem = Path(record["notebook"]).stem
    for ci, cell in enumerate(nb.cells):
        for o in cell.get("outputs", []):
            png = o.get("data", {}).get("image/png")
            if png:
                name = f"{stem}-{len(out) + 1:02d}.png"
                (fig_dir / name).write_bytes(base64.b64decode(png))
                out.append(f"figures/{name}")
    return out


def write_report(records, claims):
    for r in records:
        r["figures"] = extract_figures(r) if (EXECUTED / r["notebook"]).exists() else []
    passed = sum(1 for c in claims if c["pass"])
    deviations = sum(1 for c in claims if is_deviation(c))
    doc = {
        "schema": "attnlab-claims/1",
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "summary": {"notebooks": len(records),
                    "notebooksOk": sum(1 for r in records if r["status"] == "ok"),
                    "claims": len(claims), "passed": passed, "deviations": deviations,
                    "failed": len(claims) - passed - deviations,
                    "startRetries": sum(r["startAttempts"] - 1 for r in records)},
        "notebooks": records,
        "claims": claims,
    }
    REPRO.mkdir(parents=True, exist_ok=True)
    (REPRO / "claims.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    (REPRO / "index.html").write_text(render_html(doc))
    s = doc["summary"]
    log(f"report: {s['notebooksOk']}/{s['notebooks']} notebooks ok, {s['passed']}/{s['claims']} claims "
        f"passed, {s['failed']} failed, {s['deviations']} documented deviations from the papers, "
        f"{s['startRetries']} kernel start-up retries -> {REPRO / 'index.html'}")
    ok = s["notebooksOk"] == s["notebooks"] and s["failed"] == 0 and s["claims"] > 0
    return 0 if ok else 1


def is_deviation(claim):
    """A documented deviation from the paper (Claims.deviation): shown apart, never a pass, not a failure."""
    return claim["comparison"].startswith("deviation")


def fmt(x):
    if isinstance(x, float):
        return f"{x:.6g}"
    return html.escape(str(x))


def render_html(doc):
    e = html.escape
    s = doc["summary"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>AttnLab reproduction report</title>",
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 6px;"
        "font-size:13px;vertical-align:top}th{background:#f3f3f3}.pass{color:#16692b;font-weight:bold}"
        ".fail{color:#b00020;font-weight:bold}.deviation{color:#a15c00;font-weight:bold}img{max-width:100%;border:1px solid #ddd;margin:6px 0}"
        "code{background:#f6f6f6}</style></head><body>",
        "<h1>AttnLab reproduction report</h1>",
        f"<p>Generated {e(doc['generated'])} from commit <code>{e(str(doc['commit']))}</code> on "
        f"{e(doc['machine']['platform'])}, {doc['machine']['cpus']} CPUs.</p>",
        f"<p><b>{s['passed']} of {s['claims']} claims pass</b>, {s['failed']} fail; {s['deviations']} "
        f"documented deviations from the papers (not reproduced here, listed as such); {s['notebooksOk']} of {s['notebooks']} "
        f"notebooks ran cleanly; {s['startRetries']} kernel start-up retries.</p>",
        "<h2>Notebooks</h2><table><tr><th>notebook</th><th>status</th><th>seconds</th>"
        "<th>kernel starts</th><th>claims</th></tr>",
    ]
    for r in doc["notebooks"]:
        cls = "pass" if r["status"] == "ok" else "fail"
        parts.append(f"<tr><td><a href='#{e(r['notebook'])}'>{e(r['notebook'])}</a></td>"
                     f"<td class='{cls}'>{e(r['status'])}</td><td>{r['seconds']}</td>"
                     f"<td>{r['startAttempts']}</td><td>{r['claims']}</td></tr>")
    parts.append("</table>")
    for r in doc["notebooks"]:
        parts.append(f"<h2 id='{e(r['notebook'])}'>{e(r['notebook'])}</h2>")
        if r.get("error"):
            parts.append(f"<pre class='fail'>{e(r['error'])}</pre>")
        parts.append("<table><tr><th>id</th><th>statement</th><th>expected</th><th>measured</th>"
                     "<th>tolerance</th><th>rule</th><th>verdict</th></tr>")
        for c in doc["claims"]:
            if c["notebook"] != r["notebook"]:
                continue
            v = "pass" if c["pass"] else "deviation" if is_deviation(c) else "fail"
            parts.append(f"<tr><td>{e(c['id'])}</td><td>{e(c['statement'])}</td><td>{fmt(c['expected'])}</td>"
                         f"<td>{fmt(c['measured'])}</td><td>{fmt(c['tolerance'])}</td>"
                         f"<td>{e(c['comparison'])}</td><td class='{v}'>{'NOT REPRODUCED' if v == 'deviation' else v.upper()}</td></tr>")
        parts.append("</table>")
        for f in r.get("figures", []):
            parts.append(f"<img src='{e(f)}' alt='{e(f)}'>")
    parts.append("</body></html>")
    return "\n".join(parts)


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
    k.add_argument("--library-jar", required=True)
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
