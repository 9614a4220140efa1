#!/usr/bin/env bash
# The whole suite, N times over, from a clean clone, while the machine is kept busy: a test that
# fails now and then on a loaded 2-core machine shows here before it blocks a submission.
#
#   test/tools/busy-suite.sh [runs=10] [busy=stress|none]
#
# busy=stress keeps both cores busy with `stress-ng --cpu 2` for the whole loop (apt-get install
# stress-ng); busy=none adds nothing, for a machine already busy with other work. Each run is
# `npm test` in the clone with a throwaway PostgreSQL (as .ci/run does), with Chromium's own
# messages in its log (DEBUG=pw:browser: a page that stops drawing frames may be its browser's
# compositor failing, which only Chromium reports). Prints each run's result
# and the load average, then "N of M runs passed"; exits non-zero if any run failed. Logs are
# kept in the printed folder.
set -uo pipefail
runs=${1:-10}
busy=${2:-stress}
top=$(git rev-parse --show-toplevel)
work=$(mktemp -d /tmp/sbd-busy-XXXXXX)
echo "Clean clone of $(git -C "$top" rev-parse --short HEAD) in $work/clone; logs in $work"
git clone -q "$top" "$work/clone"
cd "$work/clone" || exit 1
npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1 || { echo "npm ci failed: $work/npm-ci.log"; exit 1; }

eval "$(.ci/start-postgres)"
stress_pid=
cleanup() {
  [ -n "$stress_pid" ] && kill "$stress_pid" 2>/dev/null
  su postgres -s /bin/sh -c "$TEST_POSTGRES_BIN/pg_ctl -D $TEST_POSTGRES_DIR/data -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$TEST_POSTGRES_DIR"
}
trap cleanup EXIT
if [ "$busy" = stress ]; then
  command -v stress-ng >/dev/null || { echo "stress-ng is not installed (apt-get install -y stress-ng)"; exit 1; }
  stress-ng --cpu 2 >/dev/null 2>&1 &
  stress_pid=$!
fi

# A port of its own, so a suite started beside this one does not share its preview server.
export E2E_PORT=${E2E_PORT:-$((4400 + RANDOM % 500))}
passed=0
for run in $(seq 1 "$runs"); do
  start=$(date +%s)
  log="$work/run-$run.log"
  if CI=true DEBUG=pw:browser npm test >"$log" 2>&1; then result=passed; passed=$((passed + 1)); else result=FAILED; fi
  clean=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
  unit=$(echo "$clean" | grep -E '^\s+Tests\s+' | tail -1 | sed 's/^ *//')
  e2e=$(echo "$clean" | grep -E '^\s+[0-9]+ (passed|failed|flaky)' | tr -s ' ' | paste -sd';' -)
  echo "run $run: $result in $(($(date +%s) - start)) s; vitest: ${unit:-?}; playwright: ${e2e:-?}; load $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$result" = FAILED ] && echo "$clean" | grep -E '^\s+[0-9]+\) |✘' | head -10
done
echo "$passed of $runs runs passed"
[ "$passed" = "$runs" ]
