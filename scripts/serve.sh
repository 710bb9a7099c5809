#!/usr/bin/env bash
# serve.sh [SERVE_ARGS...] — the project's serve command.
#
# Installs the system packages if needed, builds the `strata` executable in
# release mode and replaces this shell with `strata serve`. Without extra
# arguments the server serves the default schema on an embedded SQLite file
# with demo data; any arguments are passed on to `strata serve`.
set -euo pipefail

# Repository root = the directory above this script.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash "$ROOT/scripts/install-deps.sh" >&2

swift build -c release --product strata >&2

exec "$ROOT/.build/release/strata" serve "$@"
