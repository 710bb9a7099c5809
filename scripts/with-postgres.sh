#!/usr/bin/env bash
# with-postgres.sh CMD [ARGS...]
#
# Run CMD with a throwaway PostgreSQL cluster and a throwaway Redis server,
# both listening only on 127.0.0.1, both living in a fresh temporary directory
# that is removed again when CMD finishes (or this script is interrupted).
# CMD's exit status is preserved.
#
# Exported to CMD:
#   STRATA_TEST_POSTGRES_URL  postgresql://postgres@127.0.0.1:PORT/strata_test
#                             (trust auth, superuser "postgres", no password)
#   STRATA_TEST_PG_BIN_DIR    directory holding pg_ctl, psql, ... (newest
#                             /usr/lib/postgresql/*/bin)
#   STRATA_TEST_PG_DATA_DIR   the cluster's data directory
#   STRATA_TEST_REDIS_URL     redis://127.0.0.1:PORT
#
# Stopping / restarting PostgreSQL from a test (e.g. reconnection tests).
# Port, listen address and socket directory live in the cluster's config
# file ($STRATA_TEST_PG_DATA_DIR/strata-test.conf, included from
# postgresql.conf), so a plain restart comes back on the same port; no -o
# option is needed. When running as root (CI) the server belongs to the
# "postgres" system user, so pg_ctl must be run through runuser:
#
#   runuser -u postgres -- "$STRATA_TEST_PG_BIN_DIR/pg_ctl" -D "$STRATA_TEST_PG_DATA_DIR" -w stop
#   runuser -u postgres -- "$STRATA_TEST_PG_BIN_DIR/pg_ctl" -D "$STRATA_TEST_PG_DATA_DIR" \
#       -l "$STRATA_TEST_PG_DATA_DIR/../pg.log" -w start
#
# Always pass -l to start (pg.log is pre-created and writable by postgres).
# Without -l the server inherits pg_ctl's stdout/stderr and keeps them open
# for its whole life, so a caller reading pg_ctl's output through a pipe
# until EOF (e.g. Foundation.Process + Pipe) would hang. When not running as
# root, drop the "runuser -u postgres --" prefix (the cluster then belongs to
# the caller).
#
# Skipping:
#   - If STRATA_TEST_POSTGRES_URL is already set, no PostgreSQL is started.
#   - If STRATA_TEST_REDIS_URL is already set, no Redis is started.
#   - If both are set, CMD is simply exec'd.
#
# Optional knobs:
#   STRATA_TEST_PG_BIN_DIR     use this PostgreSQL bin dir instead of the newest
#   STRATA_TEST_PG_PORT        first port to try for PostgreSQL (default 55432)
#   STRATA_TEST_REDIS_PORT     first port to try for Redis (default 56379)
#   STRATA_TEST_TMPDIR         parent of the temp dir (default /tmp; it must be
#                              traversable by the postgres user)
#   STRATA_TEST_KEEP_TMP=1     keep the temp dir (logs) after exit, for debugging

# The cleanup/signal functions are only reached through traps.
# shellcheck disable=SC2317
set -euo pipefail

log() { echo "with-postgres: $*" >&2; }
die() { log "error: $*"; exit 1; }

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

need_pg=1
need_redis=1
[[ -n "${STRATA_TEST_POSTGRES_URL:-}" ]] && need_pg=0
[[ -n "${STRATA_TEST_REDIS_URL:-}" ]] && need_redis=0

# Everything is provided by the environment: nothing to start or clean up.
if [[ $need_pg -eq 0 && $need_redis -eq 0 ]]; then
  exec "$@"
fi

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

is_root=0
[[ "$(id -u)" -eq 0 ]] && is_root=1

# Run a command as the user owning the cluster. initdb/postgres refuse to run
# as root, so as root we switch to the "postgres" system user.
as_pg() {
  if [[ $is_root -eq 1 ]]; then
    # Run from a directory postgres can enter (our cwd may be /root).
    (
      cd "${TMP_ROOT:-/}"
      if command -v runuser >/dev/null 2>&1; then
        exec runuser -u postgres -- "$@"
      else
        exec su postgres -s /bin/sh -c "$(printf "%q " "$@")"
      fi
    )
  else
    "$@"
  fi
}

# True when something already accepts TCP connections on 127.0.0.1:$1.
# (A dual-stack wildcard listener would also answer here, which is what we
# want: it would block our bind as well.)
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Print the first port >= $1 that nothing is listening on.
free_port_from() {
  local port=$1 limit=$(( $1 + 200 ))
  while (( port < limit )); do
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
    port=$(( port + 1 ))
  done
  return 1
}

# --------------------------------------------------------------------------
# State + cleanup (installed before anything is started so that a failure
# half-way through setup still tears everything down)
# --------------------------------------------------------------------------

TMP_ROOT=""
PG_BIN=""
PG_DATA=""
PG_STARTED=0
REDIS_PIDFILE=""
REDIS_SOCKET=""
REDIS_STARTED=0
CHILD_PID=""
CLEANED_UP=0

stop_postgres() {
  [[ $PG_STARTED -eq 1 && -n "$PG_DATA" && -d "$PG_DATA" ]] || return 0
  # A test may have stopped the server already; pg_ctl stop then just fails.
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 20 stop >/dev/null 2>&1 \
      || as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 \
      || true
  fi
  # Last resort: kill the postmaster (and with it its children) by pid.
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    local pid
    pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      log "postgres did not stop; killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
}

stop_redis() {
  [[ $REDIS_STARTED -eq 1 ]] || return 0
  local pid=""
  [[ -n "$REDIS_PIDFILE" && -f "$REDIS_PIDFILE" ]] && pid=$(cat "$REDIS_PIDFILE" 2>/dev/null || true)
  # Stop it by pid (SIGTERM = clean shutdown; nothing is saved since
  # persistence is off) -- never by port, which might belong to someone else.
  if [[ "$pid" =~ ^[0-9]+$ ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for (( i = 0; i < 50; i++ )); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.1
    done
    log "redis did not stop; killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

cleanup() {
  local rc=$?
  [[ $CLEANED_UP -eq 1 ]] && exit "$rc"
  CLEANED_UP=1
  trap - INT TERM HUP
  set +e
  stop_postgres
  stop_redis
  if [[ -n "$TMP_ROOT" && -d "$TMP_ROOT" ]]; then
    if [[ "${STRATA_TEST_KEEP_TMP:-0}" == 1 ]]; then
      log "keeping $TMP_ROOT"
    else
      rm -rf -- "$TMP_ROOT"
    fi
  fi
  exit "$rc"
}

# Signals: forward to CMD while it runs (we then exit with its status once it
# has finished); during setup just exit, which runs cleanup via the EXIT trap.
on_signal() {
  local sig=$1 num=$2
  if [[ -n "$CHILD_PID" ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
    # Asynchronous children of a non-interactive shell ignore SIGINT, so
    # SIGINT is forwarded as SIGTERM (which cannot have been ignored).
    [[ "$sig" == INT ]] && sig=TERM
    kill -s "$sig" "$CHILD_PID" 2>/dev/null || true
  else
    exit $(( 128 + num ))
  fi
}

trap cleanup EXIT
trap 'on_signal INT 2' INT
trap 'on_signal TERM 15' TERM
trap 'on_signal HUP 1' HUP

# --------------------------------------------------------------------------
# Temp dir
# --------------------------------------------------------------------------

TMP_PARENT="${STRATA_TEST_TMPDIR:-/tmp}"
TMP_ROOT=$(mktemp -d "$TMP_PARENT/strata-test.XXXXXX")
chmod 0755 "$TMP_ROOT"
if [[ $is_root -eq 1 ]]; then
  id postgres >/dev/null 2>&1 || die "system user 'postgres' does not exist (run scripts/install-deps.sh)"
  # The cluster, its socket and its log files are written by postgres.
  chown postgres: "$TMP_ROOT"
fi

# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------

start_postgres() {
  # Newest installed major version unless a bin dir was given.
  if [[ -n "${STRATA_TEST_PG_BIN_DIR:-}" ]]; then
    PG_BIN=$STRATA_TEST_PG_BIN_DIR
  else
    PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | grep -v '\*' | sort -V | tail -n 1 || true)
  fi
  [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] \
    || die "PostgreSQL server binaries not found in ${PG_BIN:-/usr/lib/postgresql/*/bin} (run scripts/install-deps.sh)"

  PG_DATA="$TMP_ROOT/pgdata"
  local pg_log="$TMP_ROOT/pg.log"

  # initdb. Prefer the C.UTF-8 locale; fall back to --no-locale (C) if the
  # locale is not available.
  local locale_args=(--locale=C.UTF-8)
  if ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
    locale_args=(--no-locale)
  fi
  if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 \
       "${locale_args[@]}" >"$TMP_ROOT/initdb.log" 2>&1; then
    if [[ "${locale_args[0]}" != --no-locale ]]; then
      log "initdb with C.UTF-8 failed; retrying with --no-locale"
      rm -rf -- "$PG_DATA"
      as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 \
        --no-locale >"$TMP_ROOT/initdb.log" 2>&1 \
        || { cat "$TMP_ROOT/initdb.log" >&2; die "initdb failed"; }
    else
      cat "$TMP_ROOT/initdb.log" >&2
      die "initdb failed"
    fi
  fi

  # Pre-create the log file so that later restarts by
  # tests (running as postgres) can write to them.
  as_pg touch "$pg_log"

  # Settings go to an included file, so that `pg_ctl start` without any -o
  # option brings the server back with the same port and addresses.
  echo "include = 'strata-test.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null

  local port=${STRATA_TEST_PG_PORT:-55432} attempt
  for (( attempt = 0; attempt < 20; attempt++ )); do
    port=$(free_port_from "$port") || die "no free port found for PostgreSQL"

    as_pg tee "$PG_DATA/strata-test.conf" >/dev/null <<CONF
# Written by scripts/with-postgres.sh (throwaway test cluster).
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$TMP_ROOT'
max_connections = 200
# Durability is irrelevant for a throwaway cluster; speed matters.
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

    # Fresh log per attempt so an old bind error is not misread later.
    as_pg truncate -s 0 "$pg_log"
    # -W: don't wait here; readiness is checked with pg_isready below.
    PG_STARTED=1
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$pg_log" -W start >/dev/null

    # Wait up to 30 s for the server to accept connections.
    local deadline=$(( SECONDS + 30 )) ready=0 died=0
    while (( SECONDS < deadline )); do
      # Probe through our private unix socket: a server answering there is
      # certainly ours (and, listening only on 127.0.0.1, it would have exited
      # had the TCP bind failed). Probing the TCP port could hit a stranger.
      if "$PG_BIN/pg_isready" -q -h "$TMP_ROOT" -p "$port" -d postgres -U postgres; then
        ready=1
        break
      fi
      # If the postmaster has already exited (e.g. the port was grabbed by
      # someone else in the meantime), stop waiting.
      if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        sleep 0.5
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
          died=1
          break
        fi
      fi
      sleep 0.2
    done

    if [[ $ready -eq 1 ]]; then
      break
    fi
    if [[ $died -eq 1 ]] && grep -qs 'could not bind\|Address already in use\|could not create any TCP' \
         "$pg_log"; then
      log "port $port became busy; trying the next one"
      port=$(( port + 1 ))
      continue
    fi
    log "PostgreSQL did not become ready on 127.0.0.1:$port within 30 s. Server log:"
    cat "$pg_log" >&2 2>/dev/null || true
    die "PostgreSQL failed to start"
  done
  [[ $ready -eq 1 ]] || die "could not start PostgreSQL after several attempts"

  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres strata_test \
    || die "createdb strata_test failed"

  export STRATA_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/strata_test"
  export STRATA_TEST_PG_BIN_DIR="$PG_BIN"
  export STRATA_TEST_PG_DATA_DIR="$PG_DATA"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') ready: $STRATA_TEST_POSTGRES_URL (data: $PG_DATA)"
}

# --------------------------------------------------------------------------
# Redis
# --------------------------------------------------------------------------

start_redis() {
  command -v redis-server >/dev/null 2>&1 || die "redis-server not found (run scripts/install-deps.sh)"
  command -v redis-cli >/dev/null 2>&1 || die "redis-cli not found (run scripts/install-deps.sh)"

  REDIS_PIDFILE="$TMP_ROOT/redis.pid"
  REDIS_SOCKET="$TMP_ROOT/redis.sock"
  local port=${STRATA_TEST_REDIS_PORT:-56379} attempt
  for (( attempt = 0; attempt < 20; attempt++ )); do
    port=$(free_port_from "$port") || die "no free port found for Redis"
    REDIS_STARTED=1
    # No config file: built-in defaults plus these options. Persistence off.
    redis-server --bind 127.0.0.1 --port "$port" \
      --save '' --appendonly no \
      --daemonize yes --dir "$TMP_ROOT" --pidfile "$REDIS_PIDFILE" \
      --unixsocket "$REDIS_SOCKET" --unixsocketperm 700 \
      --logfile "$TMP_ROOT/redis.log" >/dev/null

    local deadline=$(( SECONDS + 30 )) ready=0
    while (( SECONDS < deadline )); do
      # Probe through our private unix socket so that a foreign server on
      # the same TCP port is never mistaken for ours (a failed TCP bind makes
      # redis-server exit, so if the socket answers, the port is ours).
      if [[ -S "$REDIS_SOCKET" && "$(redis-cli -s "$REDIS_SOCKET" ping 2>/dev/null)" == PONG ]]; then
        ready=1
        break
      fi
      # Bind failures make the daemon exit right away.
      if grep -qs 'Address already in use\|Could not create server TCP\|Failed listening' "$TMP_ROOT/redis.log"; then
        break
      fi
      sleep 0.2
    done
    if [[ $ready -eq 1 ]]; then
      break
    fi
    if grep -qs 'Address already in use\|Could not create server TCP\|Failed listening' "$TMP_ROOT/redis.log"; then
      log "port $port became busy; trying the next one"
      : >"$TMP_ROOT/redis.log"
      port=$(( port + 1 ))
      continue
    fi
    log "Redis did not become ready on 127.0.0.1:$port within 30 s. Log:"
    cat "$TMP_ROOT/redis.log" >&2 2>/dev/null || true
    die "Redis failed to start"
  done
  [[ $ready -eq 1 ]] || die "could not start Redis after several attempts"

  export STRATA_TEST_REDIS_URL="redis://127.0.0.1:$port"
  log "Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') ready: $STRATA_TEST_REDIS_URL"
}

if [[ $need_pg -eq 1 ]]; then start_postgres; fi
if [[ $need_redis -eq 1 ]]; then start_redis; fi

# --------------------------------------------------------------------------
# Run CMD
# --------------------------------------------------------------------------

# CMD runs in the background (with our stdin) so that signals delivered to
# this script can be forwarded to it; then we wait for it to finish.
set +e
"$@" <&0 &
CHILD_PID=$!
while :; do
  wait "$CHILD_PID"
  rc=$?
  # wait returns >128 when interrupted by a trapped signal; keep waiting
  # while the child is still alive.
  if (( rc > 128 )) && kill -0 "$CHILD_PID" 2>/dev/null; then
    continue
  fi
  break
done
set -e
exit "$rc"
