#!/usr/bin/env bash
# Checks that publishing to Maven Central is one step (./mvnw -P release deploy), without publishing: on a copy of
# the checkout with the version set to a release (the -SNAPSHOT dropped), runs the release profile with Maven
# Central's POM rules (pomchecker check-maven-central, release mode) and the Central Portal plugin's own bundling
# (skipPublishing: the bundle is written, not uploaded; no GPG key here, so no signatures: maven-gpg-plugin adds
# them when a maintainer publishes), then lists the bundle and checks that each published artifact has its POM, jar,
# sources and javadoc jars and checksums, and that the benchmarks are left out.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
snapshot=$(sed -n '0,/<version>\(.*\)<\/version>/s//\1/p' "$here/pom.xml" | head -1 | tr -d ' ')
release=${1:-${snapshot%-SNAPSHOT}}
work=$(mktemp -d /tmp/attnlab-release.XXXXXX)
trap '[ "${ATTNLAB_RELEASE_KEEP:-0}" = 1 ] || rm -rf "$work"' EXIT
(cd "$here" && git ls-files -z --cached --others --exclude-standard \
  | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$work"
find "$work" -name pom.xml -exec sed -i "s|<version>$snapshot</version>|<version>$release</version>|" {} +
echo "release-check: $snapshot -> $release in $work"
# a "central" server entry as a maintainer has (no real token: nothing is uploaded); never install into ~/.m2
cat > "$work/settings.xml" <<'XML'
<settings><servers><server><id>central</id><username>release-check</username><password>none</password></server></servers></settings>
XML
(cd "$work" && ./mvnw -B -ntp -q -s settings.xml -P release -DskipTests -Dmaven.install.skip=true -Dgpg.skip \
  -DskipPublishing=true deploy)
bundle=$(find "$work" -name "central-bundle.zip" -not -path "*/node_modules/*" | head -1)
[ -n "$bundle" ] || { echo "release-check: FAIL: no central-bundle.zip"; exit 1; }
listing=$(unzip -Z1 "$bundle")
fail=0
for a in attnlab-parent attnlab attnlab-jupyter; do
  dir="io/github/attnlab/$a/$release"
  need=("$a-$release.pom")
  [ "$a" = attnlab-parent ] || need+=("$a-$release.jar" "$a-$release-sources.jar" "$a-$release-javadoc.jar")
  for f in "${need[@]}"; do
    for ext in "" .md5 .sha1; do
      grep -qx "$dir/$f$ext" <<<"$listing" || { echo "release-check: FAIL: $dir/$f$ext missing"; fail=1; }
    done
  done
done
grep -q "attnlab-bench" <<<"$listing" && { echo "release-check: FAIL: the benchmarks are in the bundle"; fail=1; }
echo "release-check: $(grep -c . <<<"$listing") files in the bundle, $(grep -c '\.jar$' <<<"$listing") jars"
[ "$fail" = 0 ] && echo "release-check: ok (publish: ./mvnw -P release deploy, with a GPG key and a 'central' server)"
exit "$fail"
