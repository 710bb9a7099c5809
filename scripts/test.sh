#!/usr/bin/env bash
# test.sh [SWIFT_TEST_ARGS...] — the project's test command.
#
# 1. installs the system packages the build and tests need (no-op when they
#    are already present; see scripts/install-deps.sh),
# 2. runs `swift test --parallel` from the repository root inside
#    scripts/with-postgres.sh, which provides a throwaway PostgreSQL cluster
#    and Redis server (STRATA_TEST_POSTGRES_URL, STRATA_TEST_REDIS_URL, ...).
#
# Extra arguments are passed to `swift test`, e.g.
#   scripts/test.sh --filter StrataTests.SomeTests
# The exit status is that of `swift test`, and swift test's output goes
# unchanged to stdout (the helpers' own messages go to stderr).
set -euo pipefail

# Repository root = the directory above this script.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Keep stdout for swift test: the dependency installer reports on stderr.
bash "$ROOT/scripts/install-deps.sh" >&2

exec bash "$ROOT/scripts/with-postgres.sh" swift test --parallel "$@"
