#!/usr/bin/env bash
# Print the line coverage of the addon's Python measured by the last Odoo test run.
source "$(dirname "$0")/common.sh"
data="$ADDON_DIR/.dev/coverage.data"
[ -f "$data" ] || die "no coverage data: run 'make test' first"
"$VENV/bin/coverage" report --data-file="$data" --skip-empty --precision=1
