#!/usr/bin/env bash
# `make test-compat`: the compatibility tier (scripts/test_odoo.py --compat), which .ci/run
# runs after `make test`.
source "$(dirname "$0")/common.sh"
cd "$ADDON_DIR"
odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
"$(dirname "$0")/venv.sh"
"$(dirname "$0")/system-deps.sh"
exec "$VENV/bin/python" scripts/test_odoo.py --compat
