#!/usr/bin/env bash
# Builds the CPython 3.11 docs with docbuild and with Sphinx 5.3 in one run
# and prints both wall times, both peak memories (max RSS) and the ratios;
# for html and dirhtml it then checks every local link of docbuild's site
# against Sphinx's (internal/linkcheck/cmd/sitecheck).
#
#   scripts/bench-cpython.sh [BUILDER]        (default builder: html)
#
# Needs ../shared beside the repository, GNU time, and Debian's
# python3-sphinx (installed when missing). Set SKIP_SPHINX=1 to time
# docbuild alone.
set -euo pipefail
builder=${1:-html}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/docbuild-bench}
corpus=$work/cpython-docs
mkdir -p "$work"
if [ ! -f "$corpus/conf.py" ]; then
  bash "$root/../shared/corpora/cpython-docs.sh" "$corpus" >/dev/null
fi
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
(cd "$root" && go build -o "$work/docbuild" ./cmd/docbuild)

measure() { # label, command... -> prints "label seconds maxrss_kb"
  local label=$1; shift
  local log=$work/$label.time
  /usr/bin/time -f '%e %M' -o "$log" "$@" >"$work/$label.out" 2>"$work/$label.err" || true
  read -r secs kb <"$log"
  echo "$label $secs $kb"
}

rm -rf "$work/out-docbuild"
d=$(measure docbuild "$work/docbuild" "$builder" -q "$corpus" "$work/out-docbuild")
read -r _ dsecs dkb <<<"$d"
pages=$(find "$work/out-docbuild" -name '*.html' -o -name '*.fjson' -o -name '*.pseudoxml' | wc -l)
printf 'docbuild %-10s %7.2f s  %7.0f MB peak  (%d files written, %s warnings)\n' "$builder" "$dsecs" "$((dkb/1024))" "$pages" "$(grep -c WARNING "$work/docbuild.err" || true)"

if [ "${SKIP_SPHINX:-}" = 1 ]; then exit 0; fi
python3 -c 'import sphinx' 2>/dev/null || { apt-get update -qq && apt-get install -y -qq python3-sphinx >/dev/null; }
rm -rf "$work/out-sphinx"
s=$(measure sphinx sphinx-build -q -b "$builder" "$corpus" "$work/out-sphinx")
read -r _ ssecs skb <<<"$s"
printf 'sphinx   %-10s %7.2f s  %7.0f MB peak\n' "$builder" "$ssecs" "$((skb/1024))"
awk -v d="$dsecs" -v s="$ssecs" -v dm="$dkb" -v sm="$skb" 'BEGIN {
  printf "ratio: docbuild is %.1fx faster, peak memory %.2fx of Sphinx'"'"'s\n", s/(d>0?d:0.01), dm/sm }'

# The link-integrity check over docbuild's site: every broken local link
# must be broken in Sphinx's site too (sources at fault, not the tool).
if [ "$builder" = html ] || [ "$builder" = dirhtml ]; then
  (cd "$root" && go run ./internal/linkcheck/cmd/sitecheck "$work/out-docbuild" "$work/out-sphinx") | tail -25
fi
