"""The reproduction report: checks the claims of a notebook run and renders target/reproduction/.

Used by notebooks.py (`run`, `report`). What it writes:
  claims.json          every claim with its notebook, the summary (by kind, data and paper), the problems found
  index.html           per-paper table of claims by kind and data, every deviation with its kind and why, the
                       paper items no claim covers (from docs/items.json), the problems, the notebooks
  pages/<nb>.html      per notebook: title, paper items, verdict prose and printed findings, claims, captioned
                       figures, links to the executed notebook
  executed/<nb>.ipynb  the executed notebook, and executed/<nb>.html rendered by nbconvert when it is installed
  figures/<nb>-NN.png  every figure a notebook displayed

A run fails (exit status 1) on a notebook that did not run cleanly or recorded no claim, a failed claim (pass
false and no kind), a claim without data, a claim whose kind does not match its outcome, or a claim id used twice.
"""
import base64
import datetime
import html
import json
import os
import platform
import re
import shutil
import subprocess
from collections import Counter, OrderedDict
from pathlib import Path

import nbformat

KINDS = ["reproduced", "not reproduced", "extension", "inconclusive"]
DATA = ["real", "synthetic"]
SCHEMA = "attnlab-claims/2"
e = html.escape


# ------------------------------------------------------------------------------------ claims
def load_items(root):
    """The declared paper items (docs/items.json), or an empty list when the file is missing."""
    f = Path(root) / "docs" / "items.json"
    return json.loads(f.read_text())["papers"] if f.exists() else []


def _matches(claim_id, prefix):
    if not claim_id.startswith(prefix):
        return False
    if "[" not in prefix:
        rest = claim_id[len(prefix):]
        return rest == "" or rest.startswith("[")
    return True


def item_of(claim_id, papers):
    """The id of the declared item a claim id belongs to, or None."""
    for p in papers:
        for it in p["items"]:
            if any(_matches(claim_id, m) for m in it["match"]):
                return it["id"]
    return None


def paper_of(claim_id):
    m = re.match(r"\s*([A-Z])", claim_id)
    return m.group(1) if m else "?"


def outcome(c):
    """One word for the report: reproduced, not reproduced, extension (held or not), inconclusive, or failed."""
    kind = c.get("kind")
    if kind is None:
        return "failed"
    if kind == "extension" and not c["pass"]:
        return "extension, did not hold"
    return kind


def problems(claims):
    """Everything that fails the run, apart from notebook errors: failures, missing data, duplicates."""
    out = []
    seen = {}
    for c in claims:
        seen.setdefault(c["id"], []).append(c["notebook"])
    for cid, nbs in seen.items():
        if len(nbs) > 1:
            out.append(f"claim id {cid} is used {len(nbs)} times ({', '.join(nbs)}): every id must be unique")
    for c in claims:
        where = f"{c['id']} ({c['notebook']})"
        if c.get("data") not in DATA:
            out.append(f"claim {where} has no data (real or synthetic)")
        kind = c.get("kind")
        if kind is None:
            out.append(f"claim {where} failed: {c['statement']}")
        elif kind not in KINDS:
            out.append(f"claim {where} has an unknown kind {kind!r}")
        elif c["pass"] and kind not in ("reproduced", "extension"):
            out.append(f"claim {where} passes but is recorded as {kind}")
        elif not c["pass"] and kind == "reproduced":
            out.append(f"claim {where} does not pass but is recorded as reproduced")
        elif not c["pass"] and not c.get("why"):
            out.append(f"claim {where} is recorded as {kind} without a reason")
    return out


def summarise(claims, papers):
    by_kind = Counter(c.get("kind") or "failed" for c in claims)
    by_data = Counter(c.get("data") or "none" for c in claims)
    per_paper = OrderedDict()
    declared = [p["id"] for p in papers]
    for pid in declared + sorted({paper_of(c["id"]) for c in claims} - set(declared)):
        per_paper[pid] = {k: {d: 0 for d in DATA} for k in KINDS + ["failed"]}
    for c in claims:
        d = c.get("data") if c.get("data") in DATA else "synthetic"
        k = c.get("kind") if c.get("kind") in KINDS else "failed"
        per_paper[paper_of(c["id"])][k][d] += 1
    return {"claims": len(claims),
            "byKind": {k: by_kind.get(k, 0) for k in KINDS + ["failed"]},
            "byData": {d: by_data.get(d, 0) for d in DATA},
            "extensionsNotHeld": sum(1 for c in claims if c.get("kind") == "extension" and not c["pass"]),
            "perPaper": per_paper}


def coverage(claims, papers):
    """Per declared item: the claims covering it. Also the claims on items not declared."""
    covered = {it["id"]: [] for p in papers for it in p["items"]}
    undeclared = []
    for c in claims:
        it = item_of(c["id"], papers)
        if it is None:
            undeclared.append(c)
        else:
            covered[it].append(c)
    return covered, undeclared


# ---------------------------------------------------------------------------------- notebooks
def _text(cell):
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def _stdout(cell):
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream" and o.get("name") == "stdout":
            out.append(o.get("text", ""))
        elif o.get("output_type") in ("execute_result", "display_data"):
            t = o.get("data", {}).get("text/plain")
            if t and "image/png" not in o.get("data", {}):
                out.append(t if t.endswith("\n") else t + "\n")
    return "".join(out)


_CALL = re.compile(r"(?:XYChart|MatrixFigure|Heatmap|ErrorBarChart)\s*\.\s*(?:of|reordered)\s*\(|\.title\s*\(")


def _first_argument(src, start):
    """The text of the first argument of the call whose '(' ends at start, string literals kept, code as '...'."""
    parts, depth, i, code = [], 0, start, ""
    while i < len(src):
        ch = src[i]
        if ch == '"':
            j, lit = i + 1, ""
            while j < len(src) and src[j] != '"':
                if src[j] == "\\" and j + 1 < len(src):
                    lit += src[j + 1]
                    j += 2
                    continue
                lit += src[j]
                j += 1
            if code.strip(" +\n"):
                parts.append("…")
            code = ""
            parts.append(lit)
            i = j + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif ch == "," and depth == 0:
            break
        code += ch
        i += 1
    if code.strip(" +\n"):
        parts.append("…")
    return "".join(parts).strip()


def auto_caption(source):
    """The chart title written in the cell, with the values computed at run time shown as '…'."""
    titles = [_first_argument(source, m.end()) for m in _CALL.finditer(source)]
    titles = [t for t in titles if t and t != "…"]
    return titles[-1] if titles else None


def notebook_info(nb):
    """Title, verdict prose, the verdict cells' printed output, and the figures (cell index, png, caption)."""
    title, verdict, findings, figures = None, None, [], []
    in_verdict = False
    for ci, cell in enumerate(nb.cells):
        src = _text(cell)
        if cell.cell_type == "markdown":
            if title is None:
                m = re.search(r"^#\s+(.+)$", src, re.M)
                if m:
                    title = m.group(1).strip()
            m = re.search(r"^##\s+Verdict\s*$", src, re.M)
            if m:
                in_verdict = True
                verdict = src[m.end():].strip()
            elif in_verdict and re.search(r"^#{1,2}\s", src, re.M):
                in_verdict = False
            elif in_verdict:
                verdict = (verdict + "\n\n" + src).strip()
            continue
        for o in cell.get("outputs", []):
            png = o.get("data", {}).get("image/png")
            if png:
                meta = cell.get("metadata", {})
                caption = (meta.get("attnlab", {}) or {}).get("caption") or meta.get("caption")
                figures.append({"cell": ci, "png": png, "caption": caption, "title": auto_caption(src)})
        if in_verdict:
            text = _stdout(cell)
            if text.strip():
                findings.append(text)
    return {"title": title, "verdict": verdict, "findings": "".join(findings), "figures": figures}


def markdown(text):
    if not text:
        return ""
    try:
        from nbconvert.filters.markdown import markdown2html
        return markdown2html(text)
    except Exception:  # noqa: BLE001 - without nbconvert, plain paragraphs
        return "".join(f"<p>{e(p)}</p>" for p in text.split("\n\n"))


def render_executed(src, dest_html):
    """The executed notebook as HTML (nbconvert), or False when nbconvert is not available."""
    try:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter(template_name="classic").from_filename(str(src))
        Path(dest_html).write_text(body)
        return True
    except Exception:  # noqa: BLE001 - the .ipynb link is always there
        return False


# ------------------------------------------------------------------------------------- render
STYLE = """<style>
body{font-family:sans-serif;max-width:1150px;margin:2em auto;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 6px;font-size:13px;
vertical-align:top}th{background:#f3f3f3}td.n{text-align:right}.reproduced,.pass{color:#16692b;font-weight:bold}
.failed,.fail{color:#b00020;font-weight:bold}.notreproduced{color:#a15c00;font-weight:bold}
.extension{color:#1f4e9c;font-weight:bold}.inconclusive{color:#6b4fa0;font-weight:bold}
figure{margin:1.2em 0;border-top:1px solid #eee;padding-top:.6em}figure img{max-width:100%;border:1px solid #ddd}
figcaption{font-size:14px;color:#333;margin-top:.3em}pre{background:#f6f6f6;padding:8px;overflow-x:auto;
font-size:12px;white-space:pre-wrap}code{background:#f6f6f6}.small{font-size:13px;color:#555}
</style>"""
LOAD_CHECK = """<script>window.addEventListener('load',function(){var im=document.images,ok=0;
for(var i=0;i<im.length;i++){if(im[i].complete&&im[i].naturalWidth>0)ok++;}
document.body.setAttribute('data-images',im.length);document.body.setAttribute('data-images-loaded',ok);});</script>"""


def _css(word):
    return re.sub(r"[^a-z]", "", word.split(",")[0])


def _page(title, body):
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title>{STYLE}</head>"
            f"<body>{body}{LOAD_CHECK}</body></html>\n")


def _fmt(x):
    return f"{x:.6g}" if isinstance(x, float) else e(str(x))


def _claims_table(claims, link_notebooks):
    rows = ["<table><tr><th>id</th><th>statement</th><th>data</th><th>expected</th><th>measured</th>"
            "<th>tolerance</th><th>rule</th><th>outcome</th><th>why</th>"
            + ("<th>notebook</th>" if link_notebooks else "") + "</tr>"]
    for c in claims:
        o = outcome(c)
        nb = (f"<td><a href='pages/{e(Path(c['notebook']).stem)}.html'>{e(Path(c['notebook']).stem)}</a></td>"
              if link_notebooks else "")
        rows.append(f"<tr><td>{e(c['id'])}</td><td>{e(c['statement'])}</td><td>{e(str(c.get('data')))}</td>"
                    f"<td>{_fmt(c['expected'])}</td><td>{_fmt(c['measured'])}</td><td>{_fmt(c['tolerance'])}</td>"
                    f"<td>{e(c['comparison'])}</td><td class='{_css(o)}'>{e(o)}</td><td>{e(c.get('why') or '')}</td>"
                    f"{nb}</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def render_index(doc, papers, covered, undeclared, infos):
    s = doc["summary"]
    k = s["byKind"]
    parts = [
        "<h1 id='top'>AttnLab reproduction report</h1>",
        f"<p class='small'>Generated {e(doc['generated'])} from commit <code>{e(str(doc['commit']))}</code> on "
        f"{e(doc['machine']['platform'])}, {doc['machine']['cpus']} CPUs; {s['notebooksOk']} of {s['notebooks']} "
        f"notebooks ran cleanly; {s['startRetries']} kernel start-up retries.</p>",
        f"<p><b>{s['claims']} claims</b> ({s['byData']['real']} on real data, {s['byData']['synthetic']} on "
        f"synthetic data): {k['reproduced']} reproduced, {k['not reproduced']} not reproduced, {k['extension']} our "
        f"extensions ({s['extensionsNotHeld']} of them did not hold), {k['inconclusive']} inconclusive, "
        f"<span class='{'failed' if k['failed'] else ''}'>{k['failed']} failed</span>. Kinds: <i>reproduced</i> — "
        "the paper's claim, measured here, holds; <i>not reproduced</i> — it does not hold; <i>extension</i> — a "
        "claim or expectation of ours the paper does not make; <i>inconclusive</i> — the test cannot decide (the "
        "why states its power). <i>Real</i> data is a pretrained model's attention or weights, or real text.</p>",
        "<h2 id='papers'>Claims by paper</h2>",
        "<table><tr><th rowspan='2'>paper</th><th rowspan='2'>claims</th>"
        + "".join(f"<th colspan='2'>{e(x)}</th>" for x in KINDS) + "<th rowspan='2'>failed</th>"
        "<th rowspan='2'>items covered</th></tr><tr>" + "<th>real</th><th>synthetic</th>" * len(KINDS) + "</tr>",
    ]
    titles = {p["id"]: p for p in papers}
    for pid, counts in s["perPaper"].items():
        total = sum(sum(v.values()) for v in counts.values())
        items = [it for it in titles[pid]["items"]] if pid in titles else []
        n_cov = sum(1 for it in items if covered.get(it["id"]))
        name = f"{pid}: {titles[pid]['title']}" if pid in titles else pid
        cells = "".join(f"<td class='n'>{counts[x]['real']}</td><td class='n'>{counts[x]['synthetic']}</td>"
                        for x in KINDS)
        failed = sum(counts["failed"].values())
        parts.append(f"<tr><td>{e(name)}</td><td class='n'>{total}</td>{cells}"
                     f"<td class='n {'failed' if failed else ''}'>{failed}</td>"
                     f"<td class='n'>{n_cov} of {len(items)}</td></tr>")
    parts.append("</table>")

    deviations = [c for c in doc["claims"] if not c["pass"] and c.get("kind") in KINDS]
    parts.append("<h2 id='deviations'>Deviations: not reproduced, extensions that did not hold, inconclusive</h2>")
    if deviations:
        parts.append("<table><tr><th>id</th><th>kind</th><th>data</th><th>expected</th><th>measured</th><th>why</th>"
                     "<th>notebook</th></tr>")
        for c in deviations:
            o = outcome(c)
            stem = Path(c["notebook"]).stem
            parts.append(f"<tr><td>{e(c['id'])}</td><td class='{_css(o)}'>{e(o)}</td><td>{e(str(c.get('data')))}</td>"
                         f"<td>{_fmt(c['expected'])}</td><td>{_fmt(c['measured'])}</td><td>{e(c.get('why') or '')}</td>"
                         f"<td><a href='pages/{e(stem)}.html'>{e(stem)}</a></td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>None.</p>")

    parts.append("<h2 id='not-covered'>Not covered yet</h2>")
    missing = []
    for p in papers:
        items = [it for it in p["items"] if not covered.get(it["id"])]
        if len(items) == len(p["items"]):
            missing.append(f"<li><b>Paper {e(p['id'])}</b> ({e(p['title'])}, {e(p['source'])}): no claim yet.</li>")
        else:
            missing.extend(f"<li>{e(it['id'])} — {e(it['title'])}</li>" for it in items)
    parts.append("<ul>" + "".join(missing) + "</ul>" if missing else "<p>Every declared item has a claim.</p>")
    parts.append("<p class='small'>Items are declared in <code>docs/items.json</code> and matched against claim "
                 "ids.</p>")
    if undeclared:
        parts.append("<p>Claims on items not declared in <code>docs/items.json</code> (declare them there): "
                     + ", ".join(e(c["id"]) for c in undeclared) + "</p>")

    parts.append("<h2 id='problems'>Problems</h2>")
    probs = doc["problems"] + [f"{r['notebook']}: {r['status']}" for r in doc["notebooks"] if r["status"] != "ok"]
    parts.append("<ul>" + "".join(f"<li class='failed'>{e(x)}</li>" for x in probs) + "</ul>" if probs
                 else "<p>None: every notebook ran, every claim id is unique, every claim has its data and no claim "
                      "failed.</p>")

    parts.append("<h2 id='notebooks'>Notebooks</h2><table><tr><th>notebook</th><th>title</th><th>paper items</th>"
                 "<th>status</th><th>seconds</th><th>claims</th>"
                 + "".join(f"<th>{e(x)}</th>" for x in KINDS) + "<th>failed</th></tr>")
    for r in doc["notebooks"]:
        stem = Path(r["notebook"]).stem
        info = infos.get(r["notebook"], {})
        cl = [c for c in doc["claims"] if c["notebook"] == r["notebook"]]
        cnt = Counter(c.get("kind") or "failed" for c in cl)
        cls = "pass" if r["status"] == "ok" else "fail"
        parts.append(f"<tr><td><a href='pages/{e(stem)}.html'>{e(stem)}</a></td><td>{e(info.get('title') or '')}</td>"
                     f"<td>{e(', '.join(info.get('items', [])))}</td><td class='{cls}'>{e(r['status'])}</td>"
                     f"<td class='n'>{r['seconds']}</td><td class='n'>{len(cl)}</td>"
                     + "".join(f"<td class='n'>{cnt.get(x, 0)}</td>" for x in KINDS)
                     + f"<td class='n'>{cnt.get('failed', 0)}</td></tr>")
    parts.append("</table>")
    parts.append("<h2 id='claims'>All claims</h2>" + _claims_table(doc["claims"], True))
    return _page("AttnLab reproduction report", "\n".join(parts))


def render_notebook(r, info, claims, has_html):
    stem = Path(r["notebook"]).stem
    parts = [f"<p class='small'><a href='../index.html'>← reproduction report</a></p>",
             f"<h1 id='title'>{e(info.get('title') or stem)}</h1>",
             f"<p class='small'><code>notebooks/{e(r['notebook'])}</code>: {e(r['status'])} in {r['seconds']} s, "
             f"{r['startAttempts']} kernel start(s).</p>"]
    if r.get("error"):
        parts.append(f"<pre class='fail'>{e(r['error'])}</pre>")
    parts.append("<h2 id='items'>Paper items</h2><p>" + (e(", ".join(info.get("items", []))) or "none") + "</p>")
    parts.append("<h2 id='verdict'>Verdict</h2>")
    parts.append(markdown(info.get("verdict")) or "<p class='fail'>The notebook has no verdict section.</p>")
    if info.get("findings"):
        parts.append("<p class='small'>Printed by the verdict cells (every number computed):</p>"
                     f"<pre id='findings'>{e(info['findings'])}</pre>")
    parts.append("<h2 id='claims'>Claims</h2>" + _claims_table(claims, False))
    parts.append("<h2 id='figures'>Figures</h2>")
    for i, f in enumerate(info.get("figures", []), 1):
        caption = f["caption"] or f["title"] or "(no caption)"
        extra = f" <span class='small'>(chart: {e(f['title'])})</span>" if f["caption"] and f["title"] else ""
        parts.append(f"<figure id='figure-{i}'><img src='../{e(f['path'])}' alt='{e(caption)}'>"
                     f"<figcaption><b>Figure {i}</b> (cell {f['cell']}). {e(caption)}{extra}</figcaption></figure>")
    if not info.get("figures"):
        parts.append("<p>No figures.</p>")
    links = [f"<a href='../executed/{e(r['notebook'])}'>executed notebook (.ipynb)</a>"]
    if has_html:
        links.insert(0, f"<a href='../executed/{e(stem)}.html'>executed notebook (HTML)</a>")
    parts.append("<h2 id='executed'>Executed notebook</h2><p>" + " · ".join(links) + "</p>")
    return _page(info.get("title") or stem, "\n".join(parts))


# -------------------------------------------------------------------------------------- write
def git_commit(root):
    try:
        return subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except Exception:  # noqa: BLE001
        return None


def write(root, repro, executed, records, claims, log):
    """Writes the report; returns the exit status (0 when the run is clean)."""
    root, repro, executed = Path(root), Path(repro), Path(executed)
    papers = load_items(root)
    for d in ("figures", "pages", "executed"):
        shutil.rmtree(repro / d, ignore_errors=True)
        (repro / d).mkdir(parents=True, exist_ok=True)
    infos, html_ok = {}, {}
    for r in records:
        src = executed / r["notebook"]
        if not src.exists():
            infos[r["notebook"]] = {"title": None, "figures": [], "items": []}
            continue
        nb = nbformat.read(src, as_version=4)
        info = notebook_info(nb)
        stem = Path(r["notebook"]).stem
        for i, f in enumerate(info["figures"], 1):
            f["path"] = f"figures/{stem}-{i:02d}.png"
            (repro / f["path"]).write_bytes(base64.b64decode(f.pop("png")))
        shutil.copyfile(src, repro / "executed" / r["notebook"])
        html_ok[r["notebook"]] = render_executed(src, repro / "executed" / f"{stem}.html")
        items = []
        for c in claims:
            if c["notebook"] == r["notebook"]:
                it = item_of(c["id"], papers) or c["id"].split("[")[0]
                if it not in items:
                    items.append(it)
        info["items"] = items
        r["figures"] = [f["path"] for f in info["figures"]]
        r["title"] = info["title"]
        infos[r["notebook"]] = info
    covered, undeclared = coverage(claims, papers)
    probs = problems(claims)
    summary = summarise(claims, papers)
    summary.update({"notebooks": len(records), "notebooksOk": sum(1 for r in records if r["status"] == "ok"),
                    "startRetries": sum(r["startAttempts"] - 1 for r in records),
                    "notCovered": [it for it, cl in covered.items() if not cl],
                    "undeclared": sorted({c["id"] for c in undeclared})})
    doc = {
        "schema": SCHEMA,
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(root),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "summary": summary,
        "problems": probs,
        "notebooks": records,
        "claims": claims,
    }
    (repro / "claims.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    (repro / "index.html").write_text(render_index(doc, papers, covered, undeclared, infos))
    for r in records:
        stem = Path(r["notebook"]).stem
        page = render_notebook(r, infos[r["notebook"]], [c for c in claims if c["notebook"] == r["notebook"]],
                               html_ok.get(r["notebook"], False))
        (repro / "pages" / f"{stem}.html").write_text(page)
    k = summary["byKind"]
    log(f"report: {summary['notebooksOk']}/{summary['notebooks']} notebooks ok; {summary['claims']} claims "
        f"({summary['byData']['real']} real, {summary['byData']['synthetic']} synthetic): {k['reproduced']} "
        f"reproduced, {k['not reproduced']} not reproduced, {k['extension']} extensions "
        f"({summary['extensionsNotHeld']} did not hold), {k['inconclusive']} inconclusive, {k['failed']} failed; "
        f"{len(probs)} problems -> {repro / 'index.html'}")
    for p in probs:
        log(f"problem: {p}")
    ok = (summary["notebooksOk"] == summary["notebooks"] and not probs and summary["claims"] > 0)
    return 0 if ok else 1
