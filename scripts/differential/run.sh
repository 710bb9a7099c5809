#!/usr/bin/env bash
# Runs graphql-core's own parser, validation and schema-validation tests, recording every case they feed
# graphql-core together with its answer, adds a matrix of variable and literal coercions, asks Strata the
# same questions and prints where the two disagree. graphql-core 3.2.3 is a faithful Python port of graphql-js
# 16, so this is an independent check of Strata's conformance. Needs pip (graphql-core's source, pytest).
# Usage: bash scripts/differential/run.sh   (exit status 1 when a disagreement is not a known difference;
#        DIFFERENTIAL_SEED=n draws other random operations and data than the default seed 7)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${DIFFERENTIAL_WORK:-/tmp/strata-differential}"
mkdir -p "$work"
if [ ! -d "$work/graphql-core-3.2.3" ]; then
    python3 -m pip download --quiet --no-deps --no-binary :all: graphql-core==3.2.3 -d "$work"
    tar -xzf "$work"/graphql-core-3.2.3.tar.gz -C "$work"
fi
# A virtual environment of its own, with pinned versions: nothing is installed into the system's Python.
if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/python" -m pip install --quiet graphql-core==3.2.3 pytest==9.0.3 pytest-describe==3.2.0
fi
python="$work/venv/bin/python"
cases="$work/cases.jsonl"
rm -f "$cases"
(
    cd "$work/graphql-core-3.2.3"
    DIFFERENTIAL_OUT="$cases" PYTHONPATH="$here:." "$python" -m pytest -q -p no:cacheprovider -o addopts="" -p record_plugin \
        tests/validation tests/language tests/type/test_validation.py >"$work/pytest.log" 2>&1 ||
        { tail -20 "$work/pytest.log"; exit 1; }
    "$python" "$here/differential.py" generate "$cases"
)
swift build --package-path "$here" --scratch-path "$work/.build" >"$work/build.log" 2>&1 ||
    { grep -E "error" "$work/build.log" | head -20; exit 1; }
"$work/.build/debug/strata-differential" <"$cases" >"$work/answers.jsonl"
"$python" "$here/differential.py" compare "$cases" "$work/answers.jsonl"
