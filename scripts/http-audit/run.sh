#!/usr/bin/env bash
# run.sh — the GraphQL-over-HTTP checks against a live `strata serve`.
#
# Builds the `strata` executable (debug, the package's default build folder, which the test command has
# already filled on CI), then:
# 1. on the memory backend: every check of audit.py, Strata's own checks of strata_checks.py (the browser
#    explorer, repeated JSON keys), then the robustness pass of fuzz.py, then the lost-update
#    check of concurrency.py (16 clients racing optimistic updates of one task);
# 2. on a fresh SQLite file (migrated and seeded at start, as the README's serve command does): fuzz.py again,
#    so damaged filters, cursors and mutations reach SQL too, and concurrency.py;
# 3. on PostgreSQL when STRATA_TEST_POSTGRES_URL names a throwaway database (`scripts/with-postgres.sh bash
#    scripts/http-audit/run.sh`, as .ci/run does): `strata seed` into it, then fuzz.py and concurrency.py,
#    then outage.py: PostgreSQL stopped under the running server (SERVICE_UNAVAILABLE fast, /health 503) and
#    started again (the same process recovers).
#    Under CI a missing PostgreSQL is a failure, not a skip.
# Each server listens on a free loopback port and is stopped at the end. HTTP_FUZZ_SEED picks other damaged
# requests. Exits non-zero when a check fails, a server does not start, or a server dies.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

swift build --product strata >&2
BIN="$(swift build --show-bin-path)/strata"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# start NAME ARGS... — starts `strata serve ARGS` and sets URL, PORT and SERVER (its process id).
start() {
    local name="$1"
    shift
    "$BIN" serve --host 127.0.0.1 --port 0 "$@" >"$WORK/$name.log" 2>&1 &
    SERVER=$!
    PIDS+=("$SERVER")
    URL=""
    for _ in $(seq 1 600); do
        URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/graphql' "$WORK/$name.log" | head -n 1 || true)"
        [ -n "$URL" ] && break
        kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/$name.log" >&2; echo "http-audit: $name server exited" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$URL" ] || { cat "$WORK/$name.log" >&2; echo "http-audit: $name server did not start" >&2; exit 1; }
    PORT="${URL#http://127.0.0.1:}"
    PORT="${PORT%%/*}"
}

# still_up NAME — fails when the last started server has died.
still_up() {
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/$1.log" >&2; echo "http-audit: $1 server died" >&2; exit 1; }
}

start memory --backend memory
python3 "$ROOT/scripts/http-audit/audit.py" "$URL"
python3 "$ROOT/scripts/http-audit/strata_checks.py" "$URL"
python3 "$ROOT/scripts/http-audit/fuzz.py" "$PORT" 2000 "${HTTP_FUZZ_SEED:-1}"
python3 "$ROOT/scripts/http-audit/concurrency.py" "$PORT"
still_up memory

start sqlite --backend sqlite --database-url "$WORK/strata.sqlite"
python3 "$ROOT/scripts/http-audit/fuzz.py" "$PORT" 2000 "${HTTP_FUZZ_SEED:-1}"
python3 "$ROOT/scripts/http-audit/concurrency.py" "$PORT"
still_up sqlite

if [ -n "${STRATA_TEST_POSTGRES_URL:-}" ]; then
    "$BIN" seed --backend postgres --database-url "$STRATA_TEST_POSTGRES_URL" >"$WORK/seed.log" 2>&1 \
        || { cat "$WORK/seed.log" >&2; echo "http-audit: seeding PostgreSQL failed" >&2; exit 1; }
    start postgres --backend postgres --database-url "$STRATA_TEST_POSTGRES_URL"
    python3 "$ROOT/scripts/http-audit/fuzz.py" "$PORT" 2000 "${HTTP_FUZZ_SEED:-1}"
    python3 "$ROOT/scripts/http-audit/concurrency.py" "$PORT"
    if [ -n "${STRATA_TEST_PG_BIN_DIR:-}" ] && [ -n "${STRATA_TEST_PG_DATA_DIR:-}" ]; then
        # with-postgres.sh runs the cluster as the postgres user when we are root (see its header).
        AS_PG=""
        [ "$(id -u)" = "0" ] && AS_PG="runuser -u postgres --"
        PG_CTL="$AS_PG $STRATA_TEST_PG_BIN_DIR/pg_ctl -D $STRATA_TEST_PG_DATA_DIR"
        python3 "$ROOT/scripts/http-audit/outage.py" "$PORT" \
            "$PG_CTL -m fast -w stop" "$PG_CTL -l $STRATA_TEST_PG_DATA_DIR/../pg-restart.log -w start"
    fi
    still_up postgres
elif [ "${CI:-}" = "true" ]; then
    echo "http-audit: STRATA_TEST_POSTGRES_URL is not set under CI (run through scripts/with-postgres.sh)" >&2
    exit 1
else
    echo "http-audit: no STRATA_TEST_POSTGRES_URL; PostgreSQL pass skipped" >&2
fi
