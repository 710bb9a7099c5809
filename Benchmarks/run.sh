#!/usr/bin/env bash
# Benchmarks/run.sh — Strata beside GraphQLSwift 4.3.0, in one run, on this machine.
#
# Builds both benchmark packages in release mode, runs baseline-bench and strata-bench, loads
# baseline-server and `strata serve` (memory and SQLite backends) with wrk, and prints one comparison table
# (`strata-bench compare`). Everything it measured stays in $BENCH_OUT (default /tmp/strata-bench-<time>/):
# raw outputs, JSON lines, wrk outputs, uptime before and after.
#
# Usage: Benchmarks/run.sh [--no-build] [--quick] [--passes N] [--only LIST] [--postgres]
#   --no-build   use the binaries already built
#   --quick      fewer rounds/runs and one pass (a smoke test, not numbers to quote)
#   --passes N   parse, validate and execute are measured in N passes (default 3), baseline-bench and
#                strata-bench alternating; the table quotes the median over the passes
#   --only LIST  comma-separated subset of: bench,http   (default: both)
#   --postgres   also run the PostgreSQL section, in a throwaway cluster (scripts/with-postgres.sh) unless
#                STRATA_TEST_POSTGRES_URL is already set
# Environment: BENCH_OUT, WRK_DURATION (default 10s), WRK_THREADS (2), WRK_CONNECTIONS (32),
#   BASELINE_PORT (8081), STRATA_MEMORY_PORT (8090), STRATA_SQLITE_PORT (8091).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build=1 quick=0 only="bench,http" postgres=0 passes=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    --only) only="$2"; shift ;;
    --passes) passes="$2"; shift ;;
    --postgres) postgres=1 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

OUT="${BENCH_OUT:-/tmp/strata-bench-$(date -u +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"
WRK_DURATION="${WRK_DURATION:-10s}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-32}"
BASELINE_PORT="${BASELINE_PORT:-8081}"
STRATA_MEMORY_PORT="${STRATA_MEMORY_PORT:-8090}"
STRATA_SQLITE_PORT="${STRATA_SQLITE_PORT:-8091}"
BASELINE_BIN="$ROOT/Benchmarks/Baseline/.build/release"
STRATA_BIN="$ROOT/Benchmarks/Strata/.build/release"
LUA="$ROOT/Benchmarks/wrk/post-graphql.lua"
BODY="$ROOT/Benchmarks/wrk/users100.json"

log() { echo "run.sh: $*" >&2; }

# Checked before anything is built or measured: the HTTP section comes last.
if [[ ",$only," == *",http,"* ]] && ! command -v wrk >/dev/null; then
  log "wrk is missing (the HTTP section needs it): apt-get install -y wrk, or pass --only bench"
  exit 1
fi
# A server left on one of the ports would answer in place of the one under test, or keep it from binding.
if [[ ",$only," == *",http,"* ]]; then
  for port in "$BASELINE_PORT" "$STRATA_MEMORY_PORT" "$STRATA_SQLITE_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      log "port $port is already in use on 127.0.0.1: stop what listens there, or choose other ports (see the header)"
      exit 1
    fi
  done
fi

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') × $(nproc) cores"
  echo "swift: $(swift --version 2>/dev/null | head -1)"
  echo "uptime before: $(uptime)"
} | tee "$OUT/machine.txt"

if [[ $build -eq 1 ]]; then
  log "building (release)"
  swift build -c release --package-path Benchmarks/Baseline >&2
  # The strata executable comes from the root package through this package's dependency: one release build.
  swift build -c release --package-path Benchmarks/Strata >&2
  swift build -c release --package-path Benchmarks/Strata --product strata >&2
fi

# ---------------------------------------------------------------------------------------------- benchmarks
if [[ ",$only," == *",bench,"* ]]; then
  base_args=() strata_args=()
  if [[ $quick -eq 1 ]]; then
    base_args=(--rounds 2 --round-seconds 0.3 --validate-runs 3 --runs 5 --warmup 2)
    strata_args=(--rounds 2 --round-seconds 0.3 --validate-runs 5 --runs 5 --sql-runs 3 --warmup 2)
    passes=1
  fi
  # The two implementations take turns, pass after pass: this machine has slow spells lasting minutes, and one
  # pass of each in sequence could put one side in a spell and the other outside it.
  : >"$OUT/baseline.txt"
  : >"$OUT/strata.txt"
  for pass in $(seq "$passes"); do
    log "pass $pass of $passes: baseline-bench"
    "$BASELINE_BIN/baseline-bench" "${base_args[@]}" --json "$OUT/baseline-$pass.jsonl" | tee -a "$OUT/baseline.txt"
    log "pass $pass of $passes: strata-bench (parse, validate, execute)"
    "$STRATA_BIN/strata-bench" "${strata_args[@]}" --only parse,validate,execute --json "$OUT/strata-$pass.jsonl" \
      | tee -a "$OUT/strata.txt"
  done
  # The SQL sections compare Strata with its floor inside one process (in turns): one pass.
  log "strata-bench (SQL)"
  if [[ $postgres -eq 1 ]]; then
    bash "$ROOT/scripts/with-postgres.sh" "$STRATA_BIN/strata-bench" "${strata_args[@]}" --only sqlite,postgres \
      --json "$OUT/strata-sql.jsonl" | tee -a "$OUT/strata.txt"
  else
    "$STRATA_BIN/strata-bench" "${strata_args[@]}" --only sqlite --json "$OUT/strata-sql.jsonl" | tee -a "$OUT/strata.txt"
  fi
fi

# ---------------------------------------------------------------------------------------------------- HTTP
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

# wait_ready PORT: until POST /graphql answers the users100 body with 100 users (or 120 s pass).
wait_ready() {
  local port="$1" response
  for _ in $(seq 600); do
    response="$(curl -s -X POST -H 'content-type: application/json' --data @"$BODY" "http://127.0.0.1:$port/graphql" || true)"
    if [[ "$(grep -o '"email"' <<<"$response" | wc -l)" -eq 100 ]]; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { log "server on port $port exited"; return 1; }
    sleep 0.2
  done
  log "server on port $port did not answer correctly: ${response:0:300}"
  return 1
}

# load IMPL SERVER PORT: a 3 s warm-up, then the measured wrk run; appends a JSON line to http.jsonl.
load() {
  local impl="$1" server="$2" port="$3" file="$OUT/wrk-${2// /_}.txt"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d3s -s "$LUA" "http://127.0.0.1:$port/graphql" -- "$BODY" >/dev/null
  echo "uptime: $(uptime)" >"$file"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -s "$LUA" \
    "http://127.0.0.1:$port/graphql" -- "$BODY" | tee -a "$file"
  local rps latency non2xx requests
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$file")"
  latency="$(awk '$1 == "Latency" {print $2; exit}' "$file")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' "$file")"
  requests="$(awk '/requests in/ {print $1}' "$file")"
  printf '{"bench":"http","impl":"%s","server":"%s","body":"users100","rps":%s,"latency_avg":"%s","non2xx":%s,"requests":%s}\n' \
    "$impl" "$server" "${rps:-0}" "${latency:-?}" "${non2xx:-0}" "${requests:-0}" >>"$OUT/http.jsonl"
}

if [[ ",$only," == *",http,"* ]]; then
  : >"$OUT/http.jsonl"

  log "baseline-server (GraphQLSwift 4.3.0 + Hummingbird)"
  "$BASELINE_BIN/baseline-server" "$BASELINE_PORT" >"$OUT/baseline-server.log" 2>&1 &
  server_pid=$!
  wait_ready "$BASELINE_PORT"
  load "GraphQLSwift 4.3.0" "baseline-server" "$BASELINE_PORT"
  stop_server

  log "strata serve, memory backend"
  STRATA_BACKEND=memory STRATA_PORT="$STRATA_MEMORY_PORT" STRATA_DEMO_SCALE=benchmark STRATA_SCHEMA="$ROOT/schema.graphql" \
    LOG_LEVEL=warning "$STRATA_BIN/strata" serve >"$OUT/strata-memory.log" 2>&1 &
  server_pid=$!
  wait_ready "$STRATA_MEMORY_PORT"
  load "Strata" "strata serve (memory)" "$STRATA_MEMORY_PORT"
  stop_server

  log "strata serve, SQLite backend"
  db="$OUT/strata-http.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  STRATA_BACKEND=sqlite STRATA_DATABASE_URL="$db" STRATA_PORT="$STRATA_SQLITE_PORT" STRATA_DEMO_SCALE=benchmark \
    STRATA_SCHEMA="$ROOT/schema.graphql" LOG_LEVEL=warning "$STRATA_BIN/strata" serve >"$OUT/strata-sqlite.log" 2>&1 &
  server_pid=$!
  wait_ready "$STRATA_SQLITE_PORT"
  load "Strata" "strata serve (sqlite)" "$STRATA_SQLITE_PORT"
  stop_server
fi

echo "uptime after: $(uptime)" | tee -a "$OUT/machine.txt"
echo
files=()
for f in "$OUT"/baseline-*.jsonl "$OUT"/strata-*.jsonl "$OUT/http.jsonl"; do [[ -f "$f" ]] && files+=("$f"); done
"$STRATA_BIN/strata-bench" compare "${files[@]}" | tee "$OUT/comparison.txt"
echo
echo "outputs: $OUT"
