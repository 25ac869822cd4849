#!/usr/bin/env bash
# Installs what executing the notebooks needs and is missing, idempotently:
#   1. Jupyter's execution tools (nbclient, nbconvert) from the OS packages;
#   2. fontconfig and a DejaVu font, so JFreeChart can draw text headless; Chromium, for the attention
#      view's browser test;
#   3. the rapaio Java kernel (an IJava-family, JShell-based kernel) from Maven Central;
#   4. a kernelspec "attnlab-java" whose JVM and compiler options add jdk.incubator.vector and
#      whose classpath holds this checkout's lib/target/attnlab-all.jar and train/target/attnlab-train.jar.
# Options:
#   --user     install the kernelspec for this user (default when not root)
#   --no-apt   never call apt-get; report what is missing instead
# When it cannot install something it says exactly what to install, and exits 1.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

user_install=0
use_apt=1
for a in "$@"; do
  case "$a" in
    --user) user_install=1 ;;
    --no-apt) use_apt=0 ;;
    *) echo "install.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || user_install=1

say() { printf 'install: %s\n' "$*"; }

# --- 1 and 2: OS packages --------------------------------------------------------------------
py=$(bash scripts/find-python.sh 2>/dev/null || true)
missing=()
[ -n "$py" ] || missing+=(jupyter-nbconvert python3-nbclient)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu; }; then
  missing+=(fonts-dejavu-core)
fi
# Headless Chromium: the attention view's browser test (AttentionViewBrowserTest) renders the view in it.
if [ -z "${ATTNLAB_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 \
    && ! command -v chromium-browser >/dev/null 2>&1 && ! command -v google-chrome >/dev/null 2>&1; then
  if [ "$use_apt" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    missing+=(chromium)
  else
    # Only the unit tests need it (not the notebooks, not Binder): a note, not a failure.
    say "note: no Chromium; the attention view's browser test needs it (apt-get install chromium)"
  fi
fi
# A native LAPACK (OpenBLAS's) for the bench module's test of the JNI LAPACK contender of the dense eigenproblem.
if ! ldconfig -p 2>/dev/null | grep -q 'liblapack\.so\.3 '; then
  if [ "$use_apt" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    missing+=(libopenblas0-pthread)
  else
    # Only that unit test needs it (not the notebooks, not Binder): a note, not a failure.
    say "note: no native LAPACK; the bench module's JNI LAPACK test needs one (apt-get install libopenblas0-pthread)"
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$use_apt" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing from the OS packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install: missing: ${missing[*]}" >&2
    echo "install: as root on Debian/Ubuntu run: apt-get install -y --no-install-recommends ${missing[*]}" >&2
    echo "install: (elsewhere: Python's nbclient and nbconvert, fontconfig, the DejaVu fonts and Chromium)" >&2
    exit 1
  fi
  py=$(bash scripts/find-python.sh)
fi
say "Python with nbclient: $py ($("$py" -c 'import nbclient; print("nbclient", nbclient.__version__)'))"

# --- 3: the Java kernel from Maven Central ----------------------------------------------------
kver=$(sed -n 's:.*<rapaio-kernel.version>\(.*\)</rapaio-kernel.version>.*:\1:p' pom.xml)
kjar_dir="$here/target/jupyter/kernel"
kjar="$kjar_dir/rapaio-jupyter-kernel-$kver.jar"
if [ ! -s "$kjar" ]; then
  say "fetching io.github.padreati:rapaio-jupyter-kernel:$kver from Maven Central"
  ./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="io.github.padreati:rapaio-jupyter-kernel:$kver" -DoutputDirectory="$kjar_dir" \
    -Dmdep.overWriteIfNewer=true
fi
say "kernel jar: $kjar"

# --- 4: the kernelspec ------------------------------------------------------------------------
if [ "$user_install" = 1 ]; then
  dest="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/attnlab-java"
else
  dest=/usr/local/share/jupyter/kernels/attnlab-java
fi
"$py" scripts/notebooks.py kernelspec --dest "$dest" --kernel-jar "$kjar" \
  --library-jar "$here/lib/target/attnlab-all.jar" --library-jar "$here/train/target/attnlab-train.jar" \
  --display-name "Java (AttnLab)"
say "kernelspec attnlab-java: $dest"
[ -s lib/target/attnlab-all.jar ] || say "note: lib/target/attnlab-all.jar is not built yet (./mvnw -DskipTests package)"
[ -s train/target/attnlab-train.jar ] || say "note: train/target/attnlab-train.jar is not built yet (./mvnw -DskipTests package)"
