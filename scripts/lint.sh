#!/usr/bin/env bash
# ruff (lint and format) and pylint-odoo with OCA's checks; exits non-zero on any finding.
source "$(dirname "$0")/common.sh"
"$(dirname "$0")/venv.sh"
cd "$ADDON_DIR"
status=0
"$VENV/bin/ruff" check --quiet . || status=1
"$VENV/bin/ruff" format --check --quiet . || status=1
"$VENV/bin/pylint" --rcfile=.pylintrc . || status=1
if [ $status -eq 0 ]; then echo "lint: ruff and pylint-odoo clean"; else echo "lint: FAILED"; fi
exit $status
