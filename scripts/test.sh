#!/usr/bin/env bash
# `make test`: lint, the static tier (no Odoo needed), then on a real Odoo 18.0 and PostgreSQL
# the Odoo tier and the upgrade tier (from 18.0.1.1.0 and 18.0.2.2.0 to the working tree).
# Ends with each tier's wall time and the total, against the budget of README.md; exits
# non-zero when any tier fails. What runs after it in CI only is in .ci/run.
source "$(dirname "$0")/common.sh"
cd "$ADDON_DIR"
BUDGET=480  # seconds, on a machine like CI's (README.md, "The two commands")
started=$SECONDS
"$(dirname "$0")/venv.sh"
status=0
times=()
tier() {  # NAME COMMAND...: run one tier, keep its wall time and its outcome
    local name="$1" start=$SECONDS outcome=ok
    shift
    "$@" || { outcome=FAILED; status=1; }
    times+=("$(printf '%-8s %4d s  %s' "$name" $((SECONDS - start)) "$outcome")")
}
tier lint "$(dirname "$0")/lint.sh"
tier static "$VENV/bin/python" scripts/check_static.py
if odoo_tree_found; then
    "$(dirname "$0")/system-deps.sh"
    tier odoo "$VENV/bin/python" scripts/test_odoo.py
    tier upgrade "$VENV/bin/python" scripts/upgrade/test_upgrade.py
else
    printf '\n\033[1;33m*** ODOO AND UPGRADE TIERS SKIPPED: no Odoo 18.0 tree at ODOO_SRC=%s. Point ODOO_SRC at a checkout of the 18.0 branch (see README.md) to run the real tests. ***\033[0m\n' "$ODOO_SRC"
fi
total=$((SECONDS - started))
printf '\nmake test, wall time per tier:\n'
printf '  %s\n' "${times[@]}"
printf '  %-8s %4d s  (%d min %02d s, budget %d min)\n' total "$total" $((total / 60)) \
    $((total % 60)) $((BUDGET / 60))
if [ "$total" -gt "$BUDGET" ]; then
    printf '\033[1;33m*** over the budget of %d min: on a machine like CI'"'"'s (README.md), move the slowest tests to a tier that .ci/run runs after make test ***\033[0m\n' \
        $((BUDGET / 60))
fi
exit $status
