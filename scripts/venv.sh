#!/usr/bin/env bash
# Build (or reuse) the virtualenv: the addon's test tools, plus Odoo's requirements when an
# Odoo tree is found. It lives outside the repository so that every clone reuses it.
source "$(dirname "$0")/common.sh"

requirements=()
odoo_tree_found && requirements+=("$ODOO_SRC/requirements.txt")
requirements+=("$ADDON_DIR/test-requirements.txt")
stamp="$VENV/.requirements.sha1"
wanted="$(cat "${requirements[@]}" | sha1sum | cut -d' ' -f1)"
if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    exit 0
fi
log "building the virtualenv in $VENV (a few minutes, once)"
mkdir -p "$(dirname "$VENV")"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip wheel 'setuptools<81'
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
# Old sdists among Odoo's pins do not build with newer setuptools; python-ldap needs
# OpenLDAP headers and only serves the auth_ldap module, so it is left out.
echo 'setuptools<81' >"$workdir/constraints.txt"
export PIP_CONSTRAINT="$workdir/constraints.txt" PIP_BUILD_CONSTRAINT="$workdir/constraints.txt"
# The test tools are installed under Odoo's pins, so that they never move Odoo's libraries.
for file in "${requirements[@]}"; do
    grep -v '^python-ldap' "$file" >"$workdir/requirements.txt"
    "$VENV/bin/pip" install --quiet -r "$workdir/requirements.txt"
    grep -v '^python-ldap' "$file" >>"$workdir/constraints.txt"
done
if odoo_tree_found; then
    # Odoo imports as a package straight from its source tree.
    "$VENV/bin/python" -c 'import site, sys; open(site.getsitepackages()[0] + "/odoo-src.pth", "w").write(sys.argv[1] + "\n")' "$ODOO_SRC"
fi
echo "$wanted" >"$stamp"
log "virtualenv ready"
