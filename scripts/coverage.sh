#!/usr/bin/env bash
# `make coverage`: the Odoo tier of `make test` under coverage (its tests a third slower, so
# not in `make test`), then the line coverage of the addon's Python. The compatibility
# tier (`make test-compat`, in CI) prints the same report for its run.
source "$(dirname "$0")/common.sh"
cd "$ADDON_DIR"
odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
"$(dirname "$0")/venv.sh"
"$(dirname "$0")/system-deps.sh"
HR_EXIT_COVERAGE=1 exec "$VENV/bin/python" scripts/test_odoo.py
