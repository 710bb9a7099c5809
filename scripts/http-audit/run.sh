#!/usr/bin/env bash
# run.sh — the GraphQL-over-HTTP audit (audit.py) against a live `strata serve` on the memory backend.
#
# Builds the `strata` executable (debug, the package's default build folder, which the test command has
# already filled on CI), starts it on a free loopback port, runs every check and stops the server.
# Exits non-zero when a check fails or the server does not start.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

swift build --product strata >&2
BIN="$(swift build --show-bin-path)/strata"

LOG="$(mktemp)"
"$BIN" serve --backend memory --host 127.0.0.1 --port 0 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT

URL=""
for _ in $(seq 1 300); do
    URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/graphql' "$LOG" | head -n 1 || true)"
    [ -n "$URL" ] && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$LOG" >&2; echo "http-audit: strata serve exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$URL" ] || { cat "$LOG" >&2; echo "http-audit: strata serve did not start" >&2; exit 1; }

python3 "$ROOT/scripts/http-audit/audit.py" "$URL"
