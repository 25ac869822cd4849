#!/usr/bin/env bash
# ./attnlab perf [--quick] [suite options]: the performance suite of issue 16 (bench/.../suite/Suite.java).
# Peers: PyTorch, NumPy and SciPy from the OS packages, in a child process (bench/peers/peers.py), installed here
# when missing and we are root on Debian/Ubuntu (else the suite runs without them and its table says why);
# ONNX Runtime Java from the local Maven repository (lib's tests fetch it). The dense eigenproblem's LAPACK
# (netlib's JNI shim in the bench jar, and numpy's eigh) is the OS's liblapack.so.3: OpenBLAS's, installed here as
# libopenblas0-pthread when missing and we are root on Debian/Ubuntu (else the native contender is reported missing,
# unless another liblapack.so.3 is there; the pure-Java one runs anyway). Only this command installs it: the tests never need it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

py="${ATTNLAB_PYTHON:-/usr/bin/python3}"
[ -x "$py" ] || py="$(command -v python3 || echo python3)"
if ! "$py" -c 'import torch, scipy, numpy' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[perf] installing the peers: python3-torch python3-scipy python3-numpy" >&2
    apt-get install -y --no-install-recommends python3-torch python3-scipy python3-numpy >&2 \
      || { apt-get update >&2 && apt-get install -y --no-install-recommends python3-torch python3-scipy python3-numpy >&2; } \
      || echo "[perf] could not install them: the table will say the peers are missing" >&2
  else
    echo "[perf] $py cannot import torch, scipy and numpy; as root: apt-get install -y python3-torch python3-scipy" \
      "python3-numpy. The suite runs without those peers." >&2
  fi
fi

case "$(ldconfig -p 2>/dev/null || true)" in
  *libopenblas*) have_openblas=1 ;;
  *) have_openblas=0 ;;
esac
if [ "$have_openblas" = 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[perf] installing OpenBLAS (the OS's liblapack.so.3 for the dense eigenproblem): libopenblas0-pthread" >&2
    apt-get install -y --no-install-recommends libopenblas0-pthread >&2 \
      || { apt-get update >&2 && apt-get install -y --no-install-recommends libopenblas0-pthread >&2; } \
      || echo "[perf] could not install it: netlib's native LAPACK will be reported missing" >&2
  else
    echo "[perf] no OpenBLAS; as root: apt-get install -y libopenblas0-pthread. The native LAPACK runs without it" \
      "only if another liblapack.so.3 is installed." >&2
  fi
fi

./mvnw -B -ntp -q -DskipTests install
ort_version="$(sed -n 's:.*<onnxruntime.version>\(.*\)</onnxruntime.version>.*:\1:p' pom.xml)"
ort="${HOME}/.m2/repository/com/microsoft/onnxruntime/onnxruntime/${ort_version}/onnxruntime-${ort_version}.jar"
[ -f "$ort" ] || echo "[perf] no ONNX Runtime jar at $ort: that peer will be reported missing" >&2

args=("$@")
case " $* " in
  *" --quick "*) ;;
  *) args+=(--readme README.md) ;;   # only a full run writes README's table
esac
mkdir -p target/bench
# one thread for OpenBLAS too, in the JVMs the suite forks (one per operation; they inherit this environment) for
# netlib's JNI, as in the Python peers
exec env OPENBLAS_NUM_THREADS=1 java --add-modules jdk.incubator.vector -Xmx6g -cp "bench/target/benchmarks.jar:${ort}" \
  io.github.attnlab.bench.suite.Suite --python "$py" "${args[@]}"
