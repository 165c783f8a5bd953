#!/usr/bin/env bash
# `make test`: lint, the static tier (no Odoo needed), then on a real Odoo 18.0 and PostgreSQL
# the Odoo tier, the upgrade tier (from 18.0.1.1.0 to the working tree), the pytest-odoo tier
# and the wheel tier. Exits non-zero when any tier fails.
source "$(dirname "$0")/common.sh"
cd "$ADDON_DIR"
"$(dirname "$0")/venv.sh"
status=0
"$(dirname "$0")/lint.sh" || status=1
"$VENV/bin/python" scripts/check_static.py || status=1
if odoo_tree_found; then
    "$(dirname "$0")/system-deps.sh"
    "$VENV/bin/python" scripts/test_odoo.py || status=1
    "$VENV/bin/python" scripts/upgrade/test_upgrade.py || status=1
    # The same tests under pytest-odoo (`make pytest`), so that this way cannot rot: the
    # smoke tests and the portal's tour, with pytest-odoo's own HTTP server.
    pytest_db="hrexit_pytest_$$"
    if PYTEST_DB="$pytest_db" "$(dirname "$0")/pytest.sh" tests/test_smoke.py \
        tests/test_portal.py::TestPortal::test_tour_answer_save_reload_submit; then
        "$(dirname "$0")/dropdb.sh" "$pytest_db"
    else
        status=1
    fi
    "$(dirname "$0")/check_wheel.sh" || status=1
else
    printf '\n\033[1;33m*** ODOO AND UPGRADE TIERS SKIPPED: no Odoo 18.0 tree at ODOO_SRC=%s. Point ODOO_SRC at a checkout of the 18.0 branch (see README.md) to run the real tests. ***\033[0m\n' "$ODOO_SRC"
fi
exit $status
