#!/usr/bin/env bash
# Checks that publishing to Maven Central is one step (./mvnw -P release,central deploy), without publishing: on a
# copy of the checkout with the version set to a release (the -SNAPSHOT dropped), runs the release profile (sources
# and javadoc jars; Maven Central's POM rules by pomchecker's check-maven-central in release mode) and deploys to a
# local folder instead of the Central Portal (no GPG key here, so no signatures: maven-gpg-plugin adds them when a
# maintainer publishes; the "central" profile's plugin then bundles and uploads what is deployed here). Checks that
# each published artifact has its POM, jar, sources and javadoc jars and their checksums, and that the benchmarks
# are left out. Nothing is installed into ~/.m2.
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
# the release profile, deployed to a folder instead of the Central Portal (profile "central" is the upload); never
# install into ~/.m2
# ~/.m2 is only read (a tail repository): whatever Maven writes goes to the copy's own local repository
(cd "$work" && ./mvnw -B -ntp -q -P release -DskipTests -Dmaven.install.skip=true -Dgpg.skip \
  -Dmaven.repo.local="$work/m2" -Dmaven.repo.local.tail="$HOME/.m2/repository" \
  -DaltDeploymentRepository="staging::file://$work/staging" deploy)
[ -d "$work/staging" ] || { echo "release-check: FAIL: nothing deployed"; exit 1; }
listing=$(cd "$work/staging" && find . -type f | sed 's|^\./||' | sort)
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
if grep -q "attnlab-bench" <<<"$listing"; then echo "release-check: FAIL: the benchmarks were deployed"; fail=1; fi
echo "release-check: $(grep -c . <<<"$listing") files deployed, $(grep -c '\.jar$' <<<"$listing") jars:"
grep '\.\(jar\|pom\)$' <<<"$listing" | sed 's/^/  /'
[ "$fail" = 0 ] && echo "release-check: ok (publish: ./mvnw -P release,central deploy, with a GPG key and a 'central' server)"
exit "$fail"
