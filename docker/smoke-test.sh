#!/usr/bin/env bash
# Runs the built jar the way the image does — same entrypoint, CMD arguments, JAVA_OPTS and environment —
# with the image's /config and /data mapped to a temp dir (there is no Docker engine on CI machines).
# Usage: docker/smoke-test.sh [seconds]   (needs bot/target/ballast.jar; run from the repository root)
set -euo pipefail
secs=${1:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/bot/target/ballast.jar"
[ -f "$jar" ] || { echo "smoke: $jar missing; build first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config" "$tmp/data"
cp "$root/config.yaml" "$tmp/config/config.yaml"

dockerfile="$root/docker/Dockerfile"
# CMD ["run", "--config", "/config/config.yaml"]  ->  run --config /config/config.yaml
cmd=$(sed -n 's/^CMD \[\(.*\)\]$/\1/p' "$dockerfile" | tr -d '",')
java_opts=$(sed -n 's/^ *JAVA_OPTS="\([^"]*\)".*/\1/p' "$dockerfile")
data_dir=$(sed -n 's/^ENV BALLAST_DATA_DIR=\([^ ]*\).*/\1/p' "$dockerfile")
[ -n "$cmd" ] && [ -n "$java_opts" ] && [ "$data_dir" = /data ] || { echo "smoke: cannot read CMD/ENV from $dockerfile" >&2; exit 1; }
args=${cmd//\/config\//$tmp/config/}

echo "smoke: java $java_opts -jar ballast.jar $args --duration ${secs}s  (BALLAST_DATA_DIR=$tmp/data)"
cd "$tmp"
set +e
# shellcheck disable=SC2086
BALLAST_DATA_DIR="$tmp/data" java $java_opts -jar "$jar" $args --duration "${secs}s" > "$tmp/out.log" 2>&1
rc=$?
set -e
tail -n 40 "$tmp/out.log"
[ $rc -eq 0 ] || { echo "smoke: exit code $rc" >&2; exit 1; }
grep -q "FINAL" "$tmp/out.log" || { echo "smoke: no final report printed" >&2; exit 1; }
grep -q "FILL" "$tmp/out.log" || { echo "smoke: no fill in ${secs}s of paper trading" >&2; exit 1; }
echo "smoke: ok"
