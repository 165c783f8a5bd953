# Shared settings of the development scripts; sourced, never run.
# Every setting can be overridden from the environment; the defaults work on a fresh machine.
set -euo pipefail

ADDON_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ADDON_NAME="hr_exit_interview"

# An Odoo 18.0 source tree (a clone of the official 18.0 branch or an unpacked source tarball).
ODOO_SRC="${ODOO_SRC:-/opt/odoo/18.0}"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
# Kept outside the repository so that a fresh clone reuses it.
CACHE_DIR="${HR_EXIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hr_exit_interview}"
PYTHON="${PYTHON:-python3}"

# PostgreSQL: an existing server when one answers with these settings, else a private cluster.
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-odoo}"
PGPASSWORD="${PGPASSWORD:-odoo}"
PRIVATE_PG_DIR="${PRIVATE_PG_DIR:-$ADDON_DIR/.dev/pg}"
PRIVATE_PG_PORT="${PRIVATE_PG_PORT:-54329}"

DB_NAME="${DB_NAME:-hr_exit_interview}"
HTTP_PORT="${HTTP_PORT:-8069}"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*" >&2; }
die() { printf '\033[1;31m[%s] ERROR:\033[0m %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# Odoo's source is either the official repository (odoo-bin at the top) or a tarball (setup/odoo).
odoo_tree_found() { [ -f "$ODOO_SRC/odoo/release.py" ] && [ -d "$ODOO_SRC/odoo/addons/base" ] || [ -d "$ODOO_SRC/addons/web" ]; }

# Without an Odoo tree only the test tools are installed, in a virtualenv of their own.
if odoo_tree_found; then
    VENV="${VENV:-$CACHE_DIR/venv-18.0}"
else
    VENV="${VENV:-$CACHE_DIR/venv-tools}"
fi

# The checkout may have any folder name; Odoo finds the addon by its technical name through a
# link. The link lives outside the checkout: inside it, it would loop back into itself.
# HR_EXIT_ADDONS_DIR, a folder holding another copy of the addon named hr_exit_interview,
# takes the checkout's place (the upgrade tier installs an older version from it).
# HR_EXIT_EXTRA_ADDONS, folders of other modules (the compatibility tier's OCA modules),
# comes after Odoo's.
odoo_addons_path() {
    local paths="$ODOO_SRC/odoo/addons"
    local link_dir="$CACHE_DIR/addons-$(printf '%s' "$ADDON_DIR" | sha1sum | cut -c1-10)"
    [ -d "$ODOO_SRC/addons" ] && paths="$ODOO_SRC/addons,$paths"
    [ -n "${HR_EXIT_EXTRA_ADDONS:-}" ] && paths="$paths,$HR_EXIT_EXTRA_ADDONS"
    if [ -n "${HR_EXIT_ADDONS_DIR:-}" ]; then
        [ -f "$HR_EXIT_ADDONS_DIR/$ADDON_NAME/__manifest__.py" ] \
            || die "HR_EXIT_ADDONS_DIR=$HR_EXIT_ADDONS_DIR holds no $ADDON_NAME addon"
        printf '%s,%s' "$paths" "$HR_EXIT_ADDONS_DIR"
        return
    fi
    mkdir -p "$link_dir"
    ln -sfn "$ADDON_DIR" "$link_dir/$ADDON_NAME"
    printf '%s,%s' "$paths" "$link_dir"
}

# Node packages as scripts/<folder>/package-lock.json pins them (the linters in lint/, what
# the tests load into the browser in test-tools/), installed once with `npm ci` into
# CACHE_DIR/node-<folder>, outside the repository; prints that folder's node_modules.
node_packages() {
    local source="$ADDON_DIR/scripts/$1" dir="$CACHE_DIR/node-$1" wanted
    wanted="$(cat "$source/package.json" "$source/package-lock.json" | sha1sum | cut -d' ' -f1)"
    if [ "$(cat "$dir/.lock.sha1" 2>/dev/null)" != "$wanted" ]; then
        command -v npm >/dev/null 2>&1 || die "npm is missing: install Node.js (apt-get install npm)"
        log "installing the Node packages of scripts/$1 into $dir (once)"
        mkdir -p "$dir"
        cp "$source/package.json" "$source/package-lock.json" "$dir/"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2) \
            || die "could not install the Node packages of scripts/$1 into $dir"
        echo "$wanted" >"$dir/.lock.sha1"
    fi
    echo "$dir/node_modules"
}

# Python tools as scripts/<folder>/requirements.txt pins them, each folder's in a virtualenv
# of its own, CACHE_DIR/venv-<folder> (OCA's checks in lint/ pin a polib that Odoo's does
# not; checklog-odoo in test-tools/ needs click, which Odoo's virtualenv lacks), installed
# once; prints that virtualenv's folder.
python_tools() {
    local venv="$CACHE_DIR/venv-$1" requirements="$ADDON_DIR/scripts/$1/requirements.txt" wanted
    wanted="$(sha1sum <"$requirements" | cut -d' ' -f1)"
    if [ "$(cat "$venv/.requirements.sha1" 2>/dev/null)" != "$wanted" ]; then
        log "installing the Python tools of scripts/$1 into $venv (once)"
        "$PYTHON" -m venv "$venv" >&2
        "$venv/bin/pip" install --quiet -r "$requirements" >&2 \
            || die "could not install the Python tools of scripts/$1 into $venv"
        echo "$wanted" >"$venv/.requirements.sha1"
    fi
    echo "$venv"
}
