#!/usr/bin/env bash
# `make wheel`, which .ci/run runs after `make test`: build the addon's wheel with whool from
# a copy of the checkout named hr_exit_interview, install it with --no-deps into a virtualenv
# of its own next to Odoo (Odoo is not on PyPI), and prove that Odoo finds the addon there,
# and only there, and installs it into a fresh database. The wheel is left in .dev/dist/.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/postgres.sh"
cd "$ADDON_DIR"
"$(dirname "$0")/venv.sh"
odoo_tree_found || die "no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)"
ensure_postgres
work="$(mktemp -d)"
database="hrexit_wheel_$$"
trap '"$(dirname "$0")/dropdb.sh" "$database" >/dev/null 2>&1; rm -rf "$work"' EXIT

# whool names the addon after its folder and versions it from git: a clone named
# hr_exit_interview, with the working tree's changes on top (they make a .devN version).
git clone --quiet --shared "$ADDON_DIR" "$work/$ADDON_NAME"
git ls-files -z --cached --others --exclude-standard \
    | tar --null -T - -cf - 2>/dev/null | tar -xf - -C "$work/$ADDON_NAME"
mkdir -p "$ADDON_DIR/.dev/dist"
rm -f "$ADDON_DIR/.dev/dist/"*.whl
"$VENV/bin/pip" wheel --quiet --no-deps --no-build-isolation \
    --wheel-dir "$ADDON_DIR/.dev/dist" "$work/$ADDON_NAME"
wheel="$(ls "$ADDON_DIR/.dev/dist/"odoo_addon_${ADDON_NAME}-18.0.*-py3-none-any.whl)"
log "built $(basename "$wheel")"

# A virtualenv that sees Odoo and its libraries (those of $VENV) but not the checkout.
"$PYTHON" -m venv "$work/venv"
site="$("$work/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
base="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "import site; site.addsitedir('$base')" >"$site/odoo-venv.pth"
"$work/venv/bin/pip" install --quiet --no-deps --no-index "$wheel"

# No addons path names the checkout: Odoo must find the addon in site-packages/odoo/addons.
addons_path="$ODOO_SRC/odoo/addons"
[ -d "$ODOO_SRC/addons" ] && addons_path="$ODOO_SRC/addons,$addons_path"
options=(--addons-path="$addons_path" --data-dir="$work/data" -d "$database" --no-http
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER" --db_password="$PGPASSWORD")
"$work/venv/bin/python" -m odoo "${options[@]}" --stop-after-init -i "$ADDON_NAME" --without-demo=all --log-level=warn >"$work/install.log" 2>&1 \
    || { cat "$work/install.log"; die "Odoo could not install $ADDON_NAME from the wheel"; }
if grep -E '^\S+ \S+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$work/install.log"; then
    die "Odoo logged warnings or errors installing $ADDON_NAME from the wheel"
fi
found="$("$work/venv/bin/python" -m odoo shell "${options[@]}" --log-level=error 2>/dev/null <<'PY'
from odoo.modules.module import get_module_path
state = env["ir.module.module"].search([("name", "=", "hr_exit_interview")]).state
print("RESULT", state, get_module_path("hr_exit_interview"))
PY
)"
result="$(printf '%s\n' "$found" | sed -n 's/^RESULT //p')"
case "$result" in
    "installed $site/odoo/addons/$ADDON_NAME") ;;
    *) die "expected the addon installed from $site/odoo/addons, got: ${result:-nothing}" ;;
esac
echo "wheel: $(basename "$wheel") installed by Odoo from site-packages"
