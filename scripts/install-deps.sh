#!/usr/bin/env bash
# install-deps.sh — install the Debian packages that building and testing
# Strata needs. Idempotent: packages already installed (per `dpkg -s`) are
# skipped, and apt-get is only invoked when at least one package is missing.
#
# Environment:
#   STRATA_FORCE_APT_UPDATE=1  run `apt-get update` even if nothing is missing
#                              (used by .ci/run on fresh machines).
set -euo pipefail

PACKAGES=(
  libsqlite3-dev      # SQLite backend (embedded default store)
  libpq-dev           # PostgreSQL client library (libpq) for the PG backend
  postgresql          # server binaries used by scripts/with-postgres.sh
  postgresql-contrib  # extensions (pgcrypto, etc.) used by tests
  redis-server        # throwaway Redis for tests
  libhiredis-dev      # Redis client library
  pkg-config          # SwiftPM system-library targets locate libs via pkg-config
)

# Decide how to obtain root privileges: run directly as root, otherwise use
# sudo when it is available.
SUDO=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: not root and sudo is not available" >&2
    # Only fatal if something actually has to be installed (checked below).
    SUDO=(__no_privileges__)
  fi
fi

# Collect the packages that are not installed yet. `dpkg -s` succeeds for
# packages in state "install ok installed"; also check the status line so a
# half-removed package (config-files only) counts as missing.
missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 && "${STRATA_FORCE_APT_UPDATE:-0}" != 1 ]]; then
  echo "install-deps: all packages already installed"
  exit 0
fi

if [[ "${SUDO[*]:-}" == "__no_privileges__" ]]; then
  echo "install-deps: cannot install missing packages: ${missing[*]:-<none>}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive

# Exactly one `apt-get update` per run, then install whatever is missing.
echo "install-deps: apt-get update"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-deps: installing ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all packages already installed"
fi
